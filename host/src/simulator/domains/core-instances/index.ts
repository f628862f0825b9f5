import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { CoreInstancesEstate } from './model.js';

export type * from './model.js';

export function generateCoreInstances(_ctx: GenerationContext): CoreInstancesEstate {
  return {};
}

export const coreInstancesHandlers: ServiceHandlers = {};

export const coreInstancesMetrics: MetricProvider | undefined = undefined;
