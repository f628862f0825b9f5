import type { MetricProvider } from '../../estate-model.js';
import type { ServiceHandlers } from '../../handlers.js';
import { costAndUsageOperations } from './cost-explorer-service.js';
import { forecastOperations } from './forecast.js';
import { priceListOperations } from './price-list-service.js';

export { generateBilling } from './generate.js';
export type * from './model.js';

/** Cost Explorer (`ce`) and the Price List Query API (`pricing`). */
export const billingHandlers: ServiceHandlers = {
  ce: { ...costAndUsageOperations, ...forecastOperations },
  pricing: priceListOperations,
};

/** Billing publishes no CloudWatch metrics. */
export const billingMetrics: MetricProvider | undefined = undefined;
