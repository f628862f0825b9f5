import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { ApplicationsEstate } from './model.js';

export type * from './model.js';

export function generateApplications(_ctx: GenerationContext): ApplicationsEstate {
  return {};
}

export const applicationsHandlers: ServiceHandlers = {};

export const applicationsMetrics: MetricProvider | undefined = undefined;
