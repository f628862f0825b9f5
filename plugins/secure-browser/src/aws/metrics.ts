import {
  type MetricFailure,
  type MetricSeries,
  readMetrics,
  requireSeries,
  type Scope,
  type ToolContext,
  wholeDaysWindow,
} from '@workspaces-euc-mcp/host';

const sessionSpec = (portalId: string, metricName: string) => ({
  namespace: 'AWS/WorkSpacesWeb',
  metricName,
  dimensions: { PortalId: portalId },
  stat: 'Sum',
  periodSeconds: 86_400,
});

/**
 * Daily SessionSuccess sums (AWS/WorkSpacesWeb, dimension PortalId) of many portals over
 * `days` whole UTC days: one GetMetricData request per 500 portals. A series that cannot be read
 * (its request failed, or CloudWatch answered Forbidden or InternalError for it) fails the
 * contribution with its error code rather than reading as "no sessions".
 */
export async function dailySessions(
  ctx: ToolContext,
  scope: Scope,
  portalIds: readonly string[],
  days: number,
): Promise<Map<string, MetricSeries>> {
  const specs = new Map(portalIds.map((portalId) => [portalId, sessionSpec(portalId, 'SessionSuccess')]));
  const read = await readMetrics(ctx, scope, specs, wholeDaysWindow(ctx.now(), days));
  const byPortal = new Map<string, MetricSeries>();
  for (const [portalId, found] of read)
    byPortal.set(portalId, requireSeries(found, 'AWS/WorkSpacesWeb SessionSuccess'));
  return byPortal;
}

/** The AWS/WorkSpacesWeb session metrics, by PortalId, published only in minutes with an attempt. */
export const SESSION_METRICS = ['SessionAttempt', 'SessionSuccess', 'SessionFailure'] as const;
export type SessionMetric = (typeof SESSION_METRICS)[number];

/**
 * Daily sums of the three session metrics of one portal over `days` whole UTC days (one
 * GetMetricData request). A series that could not be read comes back as its failure; absent
 * datapoints are not a failure (an idle portal publishes nothing).
 */
export function dailySessionMetrics(
  ctx: ToolContext,
  scope: Scope,
  portalId: string,
  days: number,
): Promise<Map<SessionMetric, MetricSeries | MetricFailure>> {
  const specs = new Map(SESSION_METRICS.map((metricName) => [metricName, sessionSpec(portalId, metricName)]));
  return readMetrics(ctx, scope, specs, wholeDaysWindow(ctx.now(), days));
}
