/**
 * Applied quota values per location, set the way an admin team would have raised them: in the
 * first location the WorkSpaces quota was raised just above what is deployed (about 88 % used,
 * an approaching-limit finding), elsewhere with room to grow. Quotas that cannot be adjusted
 * keep their default.
 */
import type { ServiceQuota } from '@aws-sdk/client-service-quotas';
import type { GenerationContext } from '../../model.js';
import type { SimQuota } from './model.js';
import { APPSTREAM_COUNTS, QUOTA_CATALOGUE, type QuotaDefinition, SERVICE_NAMES } from './quota-catalogue.js';
import type { LocationResources } from './resources.js';

/** The count a quota's usage metric would report now, when the estate models it. */
export function currentUsage(definition: QuotaDefinition, resources: LocationResources, nowMs: number) {
  const count = definition.count ?? APPSTREAM_COUNTS[definition.code];
  return count?.(resources)(nowMs);
}

function appliedValue(
  definition: QuotaDefinition,
  location: LocationResources,
  used: number | undefined,
  locationIndex: number,
): number {
  // Fleet instance quotas are the ones the applications part enforces on fleet launches.
  const enforced = definition.instanceType ? location.instanceQuotas.get(definition.instanceType) : undefined;
  if (enforced !== undefined) return enforced;
  if (!definition.adjustable || used === undefined) return definition.defaultValue;
  if (definition.code === 'L-34278094')
    return locationIndex === 0
      ? Math.max(1, Math.floor(used / 0.88))
      : Math.max(50, Math.ceil((used * 2) / 50) * 50);
  // Raised once usage passed half the default, to about 1.6 times what is used.
  return used > definition.defaultValue / 2
    ? Math.max(definition.defaultValue, Math.ceil(used * 1.6) + 2)
    : definition.defaultValue;
}

/** The ServiceQuota record of one definition in one location. */
export function serviceQuota(
  definition: QuotaDefinition,
  location: LocationResources,
  value: number,
): ServiceQuota {
  return {
    ServiceCode: definition.serviceCode,
    ServiceName: SERVICE_NAMES[definition.serviceCode],
    QuotaArn: `arn:aws:servicequotas:${location.region}:${location.account}:${definition.serviceCode}/${definition.code}`,
    QuotaCode: definition.code,
    QuotaName: definition.name,
    Value: value,
    Unit: 'None',
    Adjustable: definition.adjustable,
    GlobalQuota: false,
    QuotaAppliedAtLevel: 'ACCOUNT',
    ...(definition.metric
      ? {
          UsageMetric: {
            MetricNamespace: 'AWS/Usage',
            MetricName: 'ResourceCount',
            MetricDimensions: {
              Class: 'None',
              Resource: definition.metric.resource,
              Service: definition.metric.service,
              Type: 'Resource',
            },
            MetricStatisticRecommendation: 'Maximum',
          },
          Period: {
            PeriodValue: definition.metric.periodUnit === 'HOUR' ? 1 : 5,
            PeriodUnit: definition.metric.periodUnit,
          },
        }
      : {}),
  };
}

/** Every EUC quota in every location. */
export function generateQuotas(ctx: GenerationContext, locations: readonly LocationResources[]): SimQuota[] {
  const nowMs = ctx.settings.now.getTime();
  return locations.flatMap((location, index) =>
    QUOTA_CATALOGUE.map((definition) => {
      const value = appliedValue(definition, location, currentUsage(definition, location, nowMs), index);
      return {
        account: location.account,
        region: location.region,
        quota: serviceQuota(definition, location, value),
        defaultValue: definition.defaultValue,
        applied: !definition.defaultOnly,
      };
    }),
  );
}
