import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  getMetricDataBatched,
  type MetricSeries,
  type MetricWindow,
  metricQuery,
  type Scope,
  seriesFailure,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import { cloudWatchSdk } from './sdk.js';

/**
 * Pools metrics are published to AWS/WorkSpaces every minute with one dimension whose name is
 * literally `WorkSpaces pool ID`, spaces included (WorkSpaces Pools admin guide, "WorkSpaces Pools
 * metrics and dimensions").
 */
export const WORKSPACES_NAMESPACE = 'AWS/WorkSpaces';
export const POOL_DIMENSION = 'WorkSpaces pool ID';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type PoolMetric = 'UserSessionsCapacityUtilization' | 'InsufficientCapacityError';

/** One GetMetricData query for one pool. Query ids must match `^[a-z][a-zA-Z0-9_]*$`. */
export function poolQuery(
  id: string,
  poolId: string,
  metricName: PoolMetric,
  stat: 'Sum' | 'Maximum',
  periodSeconds: number,
): MetricDataQuery {
  return metricQuery(id, {
    namespace: WORKSPACES_NAMESPACE,
    metricName,
    dimensions: { [POOL_DIMENSION]: poolId },
    stat,
    periodSeconds,
  });
}

/** The last `hours` whole hours plus the current one, hour by hour (so a rejection now counts). */
export function recentHoursWindow(now: Date, hours: number): MetricWindow {
  const startOfHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { start: new Date(startOfHour - hours * HOUR_MS), end: now, periodSeconds: 3600 };
}

/** The last `days` whole UTC days plus today, day by day. */
export function recentDaysWindow(now: Date, days: number): MetricWindow {
  const startOfDay = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { start: new Date(startOfDay - days * DAY_MS), end: now, periodSeconds: 86_400 };
}

/** Many metric queries in the fewest GetMetricData requests (up to 500 queries each). */
export async function getPoolMetrics(
  ctx: ToolContext,
  scope: Scope,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
): Promise<Map<string, MetricSeries>> {
  if (queries.length === 0) return new Map();
  const { CloudWatchClient } = await cloudWatchSdk();
  return getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
}

/**
 * Throws when any series cannot be read (a failed request, or a Forbidden or InternalError
 * query): a verdict built on missing data would be wrong (a pool with unread metrics is not
 * idle), so the contribution fails as a whole and the consuming tool lists the error.
 */
export function assertSeriesRead(series: Iterable<MetricSeries>, what: string): void {
  for (const s of series) {
    const failure = seriesFailure(s);
    if (failure)
      throw new ToolError(
        failure.code,
        `cloudwatch:GetMetricData failed while reading ${what}: ${failure.message}`,
        failure.iamAction,
      );
  }
}
