import {
  type MetricFailure,
  type MetricSeries,
  type MetricWindow,
  readMetrics,
  requireSeries,
  type Scope,
  type ToolContext,
  wholeDaysWindow,
} from '@workspaces-euc-mcp/host';

/**
 * Pools metrics are published to AWS/WorkSpaces every minute with one dimension whose name is
 * literally `WorkSpaces pool ID`, spaces included (WorkSpaces Pools admin guide, "WorkSpaces Pools
 * metrics and dimensions").
 */
export const WORKSPACES_NAMESPACE = 'AWS/WorkSpaces';
export const POOL_DIMENSION = 'WorkSpaces pool ID';

const HOUR_MS = 3_600_000;

export type PoolMetric = 'UserSessionsCapacityUtilization' | 'InsufficientCapacityError';

/** The last `hours` whole hours plus the current one, hour by hour (so a rejection now counts). */
export function recentHoursWindow(now: Date, hours: number): MetricWindow {
  const startOfHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { start: new Date(startOfHour - hours * HOUR_MS), end: now, periodSeconds: 3600 };
}

/** The last `days` whole UTC days plus today, day by day. */
export const recentDaysWindow = wholeDaysWindow;

/**
 * One metric of many pools, by pool id, in the fewest GetMetricData requests. Throws when any
 * series cannot be read (a failed request, or a Forbidden or InternalError query): a verdict built
 * on missing data would be wrong (a pool with unread metrics is not idle), so the contribution
 * fails as a whole and the consuming tool lists the error.
 */
export async function readPoolMetric(
  ctx: ToolContext,
  scope: Scope,
  poolIds: readonly string[],
  metricName: PoolMetric,
  stat: 'Sum' | 'Maximum',
  window: MetricWindow,
): Promise<Map<string, MetricSeries>> {
  const specs = new Map(
    poolIds.map((poolId) => [
      poolId,
      {
        namespace: WORKSPACES_NAMESPACE,
        metricName,
        dimensions: { [POOL_DIMENSION]: poolId },
        stat,
        periodSeconds: window.periodSeconds,
      },
    ]),
  );
  const read = await readMetrics(ctx, scope, specs, window);
  const byPool = new Map<string, MetricSeries>();
  for (const [poolId, found] of read) byPool.set(poolId, requireSeries(found, `${metricName} of the pools`));
  return byPool;
}

/** Every capacity metric a pool publishes (WorkSpaces Pools admin guide, metrics and dimensions). */
export type PoolCapacityMetric =
  | PoolMetric
  | 'ActiveUserSessionCapacity'
  | 'ActualUserSessionCapacity'
  | 'AvailableUserSessionCapacity'
  | 'DesiredUserSessionCapacity'
  | 'PendingUserSessionCapacity';

/** One series to read per pool: a metric and a statistic. */
export interface PoolSeriesSpec {
  readonly metric: PoolCapacityMetric;
  readonly stat: 'Average' | 'Maximum' | 'Sum';
}

/** The key of one pool series in `readPoolSeries`' answer. */
export const seriesKey = (poolId: string, spec: PoolSeriesSpec) => `${poolId}|${spec.metric}|${spec.stat}`;

/**
 * Several series of many pools in the fewest GetMetricData requests, each as its series or its
 * failure (data: the caller decides whether a missing series fails its answer).
 */
export async function readPoolSeries(
  ctx: ToolContext,
  scope: Scope,
  poolIds: readonly string[],
  specs: readonly PoolSeriesSpec[],
  window: MetricWindow,
): Promise<Map<string, MetricSeries | MetricFailure>> {
  const queries = new Map(
    poolIds.flatMap((poolId) =>
      specs.map((spec) => [
        seriesKey(poolId, spec),
        {
          namespace: WORKSPACES_NAMESPACE,
          metricName: spec.metric,
          dimensions: { [POOL_DIMENSION]: poolId },
          stat: spec.stat,
          periodSeconds: window.periodSeconds,
        },
      ]),
    ),
  );
  return readMetrics(ctx, scope, queries, window);
}

/** The last `days` days up to now in buckets of `periodHours`, starting on a whole hour. */
export function lookbackWindow(now: Date, days: number, periodHours: number): MetricWindow {
  const startOfHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { start: new Date(startOfHour - days * 24 * HOUR_MS), end: now, periodSeconds: periodHours * 3600 };
}
