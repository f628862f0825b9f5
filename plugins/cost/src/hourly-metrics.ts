import { CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  getMetricDataBatched,
  type MetricSeries,
  queriesPerRequest,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { HourWindow } from './billable-hours.js';
import { fingerprint, targetKey } from './common.js';

/** A per-desktop WorkSpaces metric we read as hourly maxima. */
export type WorkSpacesMetric =
  | 'UserConnected'
  | 'CPUUsage'
  | 'MemoryUsage'
  | 'GPUUsage'
  | 'Available'
  | 'Stopped';

/** One desktop's hourly maxima, or why CloudWatch gave none. */
export type HourlyOutcome =
  | { readonly ok: true; readonly timestamps: readonly Date[]; readonly values: readonly number[] }
  | { readonly ok: false; readonly status: string; readonly message: string };

/** Reads a batcher series: a failed or truncated series is a failure, never an empty success. */
export function outcomeOf(series: MetricSeries | undefined): HourlyOutcome {
  if (!series)
    return { ok: false, status: 'Missing', message: 'CloudWatch returned no result for this query' };
  if (series.status !== 'Complete')
    return { ok: false, status: series.status, message: series.messages.join('; ') };
  return { ok: true, timestamps: series.timestamps, values: series.values };
}

/** GetMetricData requests needed for `desktops` series of this window (for descriptions and tests). */
export function metricRequestsFor(series: number, window: HourWindow): number {
  return Math.ceil(series / queriesPerRequest({ start: window.start, end: window.end, periodSeconds: 3600 }));
}

/**
 * Hourly Maximum of one AWS/WorkSpaces metric for many desktops, in the fewest GetMetricData
 * requests the limits allow (500 queries and 100,800 datapoints per request: 14 days hourly is
 * 336 points, so 300 desktops per request). Memoised per client call, so the utilisation and
 * running-mode tools in one report share one read.
 */
export function fetchHourlyMaxima(
  ctx: ToolContext,
  region: string,
  workspaceIds: readonly string[],
  metricName: WorkSpacesMetric,
  window: HourWindow,
): Promise<Map<string, HourlyOutcome>> {
  const key = `cost:metric:${targetKey(ctx)}:${region}:${metricName}:${window.start.toISOString()}:${window.end.toISOString()}:${fingerprint(workspaceIds)}`;
  return ctx.memo(key, async () => {
    const outcomes = new Map<string, HourlyOutcome>();
    if (workspaceIds.length === 0) return outcomes;
    const queries: MetricDataQuery[] = workspaceIds.map((workspaceId, index) => ({
      Id: `m${index}`,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/WorkSpaces',
          MetricName: metricName,
          Dimensions: [{ Name: 'WorkspaceId', Value: workspaceId }],
        },
        Period: 3600,
        Stat: 'Maximum',
      },
      ReturnData: true,
    }));
    const series = await getMetricDataBatched(
      ctx.aws.client(CloudWatchClient, { region }),
      queries,
      { start: window.start, end: window.end, periodSeconds: 3600 },
      { concurrency: ctx.limits.concurrency, signal: ctx.signal },
    );
    workspaceIds.forEach((workspaceId, index) => {
      outcomes.set(workspaceId, outcomeOf(series.get(`m${index}`)));
    });
    return outcomes;
  });
}

/** The distinct failure statuses among outcomes, for one `errors[]` entry per kind rather than per desktop. */
export function failureSummary(
  outcomes: Iterable<HourlyOutcome>,
): { status: string; count: number; message: string }[] {
  const byStatus = new Map<string, { count: number; message: string }>();
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const entry = byStatus.get(outcome.status) ?? { count: 0, message: outcome.message };
    entry.count += 1;
    byStatus.set(outcome.status, entry);
  }
  return [...byStatus.entries()].map(([status, { count, message }]) => ({ status, count, message }));
}
