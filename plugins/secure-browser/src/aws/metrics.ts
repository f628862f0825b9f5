import {
  getMetricDataBatched,
  type MetricFailure,
  type MetricSeries,
  metricQuery,
  type Scope,
  seriesFailure,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import { cloudWatchSdk } from './sdk.js';

const DAY_MS = 86_400_000;

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
  if (portalIds.length === 0) return new Map();
  const now = ctx.now();
  const window = {
    start: new Date(Math.floor((now.getTime() - days * DAY_MS) / DAY_MS) * DAY_MS),
    end: now,
    periodSeconds: 86_400,
  };
  const queries = portalIds.map((portalId, i) =>
    metricQuery(`p${i}`, {
      namespace: 'AWS/WorkSpacesWeb',
      metricName: 'SessionSuccess',
      dimensions: { PortalId: portalId },
      stat: 'Sum',
      periodSeconds: window.periodSeconds,
    }),
  );
  const { CloudWatchClient } = await cloudWatchSdk();
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
  const byPortal = new Map<string, MetricSeries>();
  portalIds.forEach((portalId, i) => {
    const found = series.get(`p${i}`);
    if (!found) return;
    const failure = seriesFailure(found);
    if (failure)
      throw new ToolError(
        failure.code,
        `cloudwatch:GetMetricData failed for AWS/WorkSpacesWeb SessionSuccess: ${failure.message}`,
        failure.iamAction,
      );
    byPortal.set(portalId, found);
  });
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
export async function dailySessionMetrics(
  ctx: ToolContext,
  scope: Scope,
  portalId: string,
  days: number,
): Promise<Map<SessionMetric, MetricSeries | MetricFailure>> {
  const now = ctx.now();
  const window = {
    start: new Date(Math.floor((now.getTime() - days * DAY_MS) / DAY_MS) * DAY_MS),
    end: now,
    periodSeconds: 86_400,
  };
  const queries = SESSION_METRICS.map((metricName, i) =>
    metricQuery(`m${i}`, {
      namespace: 'AWS/WorkSpacesWeb',
      metricName,
      dimensions: { PortalId: portalId },
      stat: 'Sum',
      periodSeconds: window.periodSeconds,
    }),
  );
  const { CloudWatchClient } = await cloudWatchSdk();
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
  const byMetric = new Map<SessionMetric, MetricSeries | MetricFailure>();
  SESSION_METRICS.forEach((metricName, i) => {
    const found = series.get(`m${i}`);
    if (found) byMetric.set(metricName, seriesFailure(found) ?? found);
  });
  return byMetric;
}
