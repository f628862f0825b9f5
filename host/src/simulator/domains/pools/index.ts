import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { PoolsEstate } from './model.js';

export type * from './model.js';

export function generatePools(_ctx: GenerationContext): PoolsEstate {
  return {};
}

export const poolsHandlers: ServiceHandlers = {};

export const poolsMetrics: MetricProvider | undefined = undefined;
