import { createHash } from 'node:crypto';
import {
  type ErrorEntry,
  errorEntry,
  getMetricDataBatched,
  MAX_QUERIES_PER_GET_METRIC_DATA,
  type MetricFailure,
  type MetricSeries,
  metricQuery,
  type Scope,
  SERVICE_LABELS,
  scopeKey,
  seriesFailure,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { HourWindow } from '../shared/hours.js';
import { cloudWatchSdk } from '../shared/sdk.js';

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
  | { readonly ok: false; readonly failure: MetricFailure };

/**
 * Reads a batcher series: a failed or truncated series is a failure, never an empty success.
 * Stricter than `seriesFailure`, on purpose: a `PartialData` series is cut short, and a desktop's
 * hours counted from part of the window would read as low use (an "unused" desktop that is not).
 */
export function outcomeOf(series: MetricSeries | undefined): HourlyOutcome {
  if (!series)
    return {
      ok: false,
      failure: { code: 'Missing', message: 'CloudWatch returned no result for this query' },
    };
  const failure =
    seriesFailure(series) ??
    (series.status === 'PartialData'
      ? { code: 'PartialData', message: series.messages.join('; ') }
      : undefined);
  if (failure) return { ok: false, failure };
  return { ok: true, timestamps: series.timestamps, values: series.values };
}

/**
 * GetMetricData requests a read of `series` hourly series takes at least: the host's batcher sends
 * 500 queries a request and follows NextToken only when a response passes 100,800 datapoints, so
 * sparse series (AutoStop desktops that were off) cost exactly this and dense ones a page more.
 * The window is kept in the signature: a longer window makes those extra pages likelier.
 */
export function metricRequestsFor(series: number, _window: HourWindow): number {
  return Math.ceil(series / MAX_QUERIES_PER_GET_METRIC_DATA);
}

/** Short hash of the desktop list, so a memo key stays short for thousands of ids. */
function fingerprint(workspaceIds: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(workspaceIds)).digest('base64url').slice(0, 16);
}

/**
 * Hourly Maximum of one AWS/WorkSpaces metric for many desktops, in the fewest GetMetricData
 * requests the limits allow (the host's batcher: 500 queries a request, NextToken past 100,800
 * datapoints). Memoised per client call, so the utilisation and
 * running-mode tools in one report share one read.
 */
export function fetchHourlyMaxima(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
  metricName: WorkSpacesMetric,
  window: HourWindow,
): Promise<Map<string, HourlyOutcome>> {
  const key = `cost:metric:${scopeKey(ctx.aws, scope)}:${metricName}:${window.start.toISOString()}:${window.end.toISOString()}:${fingerprint(workspaceIds)}`;
  return ctx.memo(key, async () => {
    const outcomes = new Map<string, HourlyOutcome>();
    if (workspaceIds.length === 0) return outcomes;
    const queries = workspaceIds.map((workspaceId, index) =>
      metricQuery(`m${index}`, {
        namespace: 'AWS/WorkSpaces',
        metricName,
        dimensions: { WorkspaceId: workspaceId },
        stat: 'Maximum',
        periodSeconds: 3600,
      }),
    );
    const { CloudWatchClient } = await cloudWatchSdk();
    const series = await getMetricDataBatched(
      ctx.aws.client(CloudWatchClient, scope),
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

/**
 * One CloudWatch `errors[]` entry per distinct failure (error code) among outcomes, rather than
 * one per desktop: `lost(count)` says what the failed outcomes cost the answer, and the first
 * failure's message of each code follows it.
 */
export function metricErrors(
  outcomes: Iterable<HourlyOutcome>,
  scope: Scope,
  lost: (count: number) => string,
): ErrorEntry[] {
  const byCode = new Map<string, { failure: MetricFailure; count: number }>();
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    const entry = byCode.get(outcome.failure.code) ?? { failure: outcome.failure, count: 0 };
    entry.count += 1;
    byCode.set(outcome.failure.code, entry);
  }
  return [...byCode.values()].map(({ failure, count }) =>
    errorEntry(SERVICE_LABELS.cloudwatch, scope, {
      ...failure,
      message: `${lost(count)}${failure.message ? `: ${failure.message}` : '.'}`,
    }),
  );
}
