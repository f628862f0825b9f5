import type { EstateResources } from '../../estate.js';
import type { ServiceHandlers } from '../../handlers.js';
import type { MetricProvider } from '../../metric-source.js';
import type { GenerationContext } from '../../model.js';
import type { BillingEstate } from './model.js';

export type * from './model.js';

export function generateBilling(_ctx: GenerationContext, _resources: EstateResources): BillingEstate {
  return {};
}

export const billingHandlers: ServiceHandlers = {};

export const billingMetrics: MetricProvider | undefined = undefined;
