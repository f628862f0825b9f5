import type { EstateResources, MetricProvider } from '../../estate-model.js';
import type { ServiceHandlers } from '../../handlers.js';
import type { GenerationContext } from '../../model.js';
import { generateAlarms } from './alarms-generate.js';
import { cloudWatchAlarmOperations } from './alarms-service.js';
import { cloudTrailOperations } from './cloudtrail-service.js';
import type { GovernanceEstate } from './model.js';
import { generateQuotas } from './quotas-generate.js';
import { resourcesByLocation } from './resources.js';
import { serviceQuotasOperations } from './servicequotas-service.js';
import { generateTrail } from './trail-generate.js';
import { usageMetrics } from './usage-metrics.js';

export type * from './model.js';

/** CloudTrail history, Service Quotas and CloudWatch alarms, derived from the resources. */
export function generateGovernance(ctx: GenerationContext, resources: EstateResources): GovernanceEstate {
  const locations = resourcesByLocation(resources, ctx.locations);
  return {
    trail: generateTrail({ ...ctx, rng: ctx.rng.fork('trail') }, locations),
    quotas: generateQuotas(ctx, locations),
    alarms: generateAlarms({ ...ctx, rng: ctx.rng.fork('alarms') }, locations),
  };
}

export const governanceHandlers: ServiceHandlers = {
  cloudtrail: cloudTrailOperations,
  servicequotas: serviceQuotasOperations,
  cloudwatch: cloudWatchAlarmOperations,
};

export const governanceMetrics: MetricProvider | undefined = usageMetrics;
