/**
 * Quota judgement: merge applied and default values, compute utilization from a usage metric,
 * and decide which quotas are close to their limit and whether they can be raised. Pure
 * functions over Service Quotas and GetMetricData output.
 */
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { ServiceQuota } from '@aws-sdk/client-service-quotas';
import { metricQuery } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

/** The EUC services' Service Quotas codes, keyed like the trail's service filter. */
export const QUOTA_SERVICE_CODES = {
  workspaces: 'workspaces',
  applications: 'appstream2',
  'secure-browser': 'workspaces-web',
  core: 'workspaces-instances',
} as const;

/** A quota with where its value came from. */
export interface MergedQuota {
  readonly quota: ServiceQuota;
  /** `applied` from ListServiceQuotas; `default` when Service Quotas knows only the default. */
  readonly valueSource: 'applied' | 'default';
}

/**
 * ListServiceQuotas leaves out quotas that have only a default value ("If the applied quota
 * value is not available for a quota, the quota is not retrieved", API reference); the defaults
 * list fills them in.
 */
export function mergeQuotas(
  applied: readonly ServiceQuota[],
  defaults: readonly ServiceQuota[],
): MergedQuota[] {
  const byCode = new Map<string, MergedQuota>();
  for (const quota of defaults)
    if (quota.QuotaCode) byCode.set(quota.QuotaCode, { quota, valueSource: 'default' });
  for (const quota of applied)
    if (quota.QuotaCode) byCode.set(quota.QuotaCode, { quota, valueSource: 'applied' });
  return [...byCode.values()].sort((a, b) =>
    (a.quota.QuotaCode ?? '').localeCompare(b.quota.QuotaCode ?? ''),
  );
}

/** The GetMetricData query reading a quota's usage metric, or undefined when it has none. */
export function usageQuery(
  id: string,
  quota: ServiceQuota,
  periodSeconds: number,
): MetricDataQuery | undefined {
  const metric = quota.UsageMetric;
  if (!metric?.MetricNamespace || !metric.MetricName) return undefined;
  return metricQuery(id, {
    namespace: metric.MetricNamespace,
    metricName: metric.MetricName,
    dimensions: metric.MetricDimensions ?? {},
    // Service Quotas names the statistic that matches how the quota counts (Maximum for counts).
    stat: metric.MetricStatisticRecommendation ?? 'Maximum',
    periodSeconds,
  });
}

export const QuotaRowSchema = Type.Object({
  account: Type.Optional(Type.String()),
  region: Type.String(),
  serviceCode: Type.String(),
  quotaCode: Type.String(),
  quotaName: Type.String(),
  limit: Type.Number(),
  valueSource: Type.Optional(
    Type.Literal('default', { description: 'Only the AWS default is known (no applied value).' }),
  ),
  usage: Type.Union([Type.Number(), Type.Null()], {
    description: 'Latest value of the usage metric; null when the quota has none or it published nothing.',
  }),
  usageSource: Type.Optional(
    Type.Union([Type.Literal('no-datapoints'), Type.Literal('no-usage-metric')], {
      description: 'Why usage is null.',
    }),
  ),
  utilizationPct: Type.Union([Type.Number(), Type.Null()]),
  adjustable: Type.Boolean(),
  severity: Type.Optional(
    Type.Union([Type.Literal('warning'), Type.Literal('critical')], {
      description: 'At approachingPct or more (warning), at or over the limit (critical).',
    }),
  ),
});
export type QuotaRow = Static<typeof QuotaRowSchema>;

/** usage / limit as a percentage with one decimal; null when either is unknown or the limit is 0. */
export function utilizationPct(usage: number | null, limit: number): number | null {
  if (usage === null || limit <= 0) return null;
  return Math.round((usage / limit) * 1000) / 10;
}

/** A warning at `approachingPct`, critical at or over the limit; undefined below. */
export function quotaSeverity(
  row: Pick<QuotaRow, 'usage' | 'utilizationPct'>,
  approachingPct: number,
): 'warning' | 'critical' | undefined {
  const pct = row.utilizationPct;
  if (pct === null || row.usage === null || pct < approachingPct) return undefined;
  return pct >= 100 ? 'critical' : 'warning';
}

/** What to do about a quota near its limit, said once per answer rather than on every row. */
export const QUOTA_ADVICE = [
  'adjustable: request an increase in Service Quotas (serviceCode + quotaCode) before it blocks new resources; large increases can take days.',
  'NOT adjustable: AWS will not raise it; remove unused resources or spread the load across regions or accounts.',
];

/** Highest utilization first; quotas without usage last, by name. */
export function rankQuotas<Row extends Pick<QuotaRow, 'utilizationPct' | 'quotaName' | 'region'>>(
  rows: readonly Row[],
): Row[] {
  return [...rows].sort(
    (a, b) =>
      (b.utilizationPct ?? -1) - (a.utilizationPct ?? -1) ||
      a.quotaName.localeCompare(b.quotaName) ||
      a.region.localeCompare(b.region),
  );
}
