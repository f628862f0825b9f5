import type { EstateResources } from '../../estate.js';
import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { GovernanceEstate } from './model.js';

export type * from './model.js';

export function generateGovernance(_ctx: GenerationContext, _resources: EstateResources): GovernanceEstate {
  return {};
}

export const governanceHandlers: ServiceHandlers = {};

export const governanceMetrics: MetricProvider | undefined = undefined;
