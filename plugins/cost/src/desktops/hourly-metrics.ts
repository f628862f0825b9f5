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

/** One desktop's hourly maxima; timestamps are the start of each hour, ascending. */
export interface HourlySeries {
  readonly timestamps: readonly Date[];
  readonly values: readonly number[];
}

/** One desktop's hourly maxima, or why CloudWatch gave none. */
export type HourlyOutcome =
  | ({ readonly ok: true } & HourlySeries)
  | { readonly ok: false; readonly failure: MetricFailure };

/** What a reduction keeps of one desktop's series, or why CloudWatch gave none. */
export type ReducedOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: MetricFailure };

/**
 * What a consumer needs from a metric's hourly series, computed as each GetMetricData batch
 * arrives so the points themselves are never held for the whole call (50,000 desktops' CPU and
 * memory fortnights are over 500 MB as arrays). `name` is part of the memo key: one metric read
 * through two reductions is read twice, so each metric should have one (see the callers).
 */
export interface HourlyReduction<T> {
  readonly name: string;
  reduce(series: HourlySeries, window: HourWindow): T;
}

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

/** `outcomeOf`, reduced: the failure as is, a readable series to what `reduction` keeps of it. */
export function reducedOutcomeOf<T>(
  series: MetricSeries | undefined,
  reduction: HourlyReduction<T>,
  window: HourWindow,
): ReducedOutcome<T> {
  const outcome = outcomeOf(series);
  return outcome.ok ? { ok: true, value: reduction.reduce(outcome, window) } : outcome;
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
 * Hourly Maximum of one AWS/WorkSpaces metric for many desktops, reduced per desktop by
 * `reduction` as each batch arrives, in the fewest GetMetricData requests the limits allow (the
 * host's batcher: 500 queries a request, NextToken past 100,800 datapoints). Memoised per client
 * call, reductions and not points, so the utilisation and running-mode tools in one report share
 * one read without holding 50,000 desktops' series for the rest of the call.
 */
export function fetchHourlyMaxima<T>(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
  metricName: WorkSpacesMetric,
  window: HourWindow,
  reduction: HourlyReduction<T>,
): Promise<Map<string, ReducedOutcome<T>>> {
  const key = `cost:metric:${scopeKey(ctx.aws, scope)}:${metricName}:${reduction.name}:${window.start.toISOString()}:${window.end.toISOString()}:${fingerprint(workspaceIds)}`;
  return ctx.memo(key, async () => {
    const outcomes = new Map<string, ReducedOutcome<T>>();
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
    const reduced = await getMetricDataBatched(
      ctx.aws.client(CloudWatchClient, scope),
      queries,
      { start: window.start, end: window.end, periodSeconds: 3600 },
      {
        concurrency: ctx.limits.concurrency,
        signal: ctx.signal,
        reduce: (series) => reducedOutcomeOf(series, reduction, window),
      },
    );
    workspaceIds.forEach((workspaceId, index) => {
      outcomes.set(workspaceId, reduced.get(`m${index}`) ?? reducedOutcomeOf(undefined, reduction, window));
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
  outcomes: Iterable<{ readonly ok: true } | { readonly ok: false; readonly failure: MetricFailure }>,
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
