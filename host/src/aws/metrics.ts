import type {
  CloudWatchClient,
  GetMetricDataOutput,
  MetricDataQuery,
  ScanBy,
} from '@aws-sdk/client-cloudwatch';
import type { Scope, ToolContext } from '../plugin-api/types.js';
import { summarizeError, ToolError } from './errors.js';
import { chunk, mapBounded } from './helpers.js';

/** GetMetricData accepts at most 500 queries per request (CloudWatch API reference). */
export const MAX_QUERIES_PER_GET_METRIC_DATA = 500;
/** GetMetricData returns at most 100,800 datapoints per request (CloudWatch API reference). */
export const MAX_DATAPOINTS_PER_GET_METRIC_DATA = 100_800;

/**
 * How a series came back: CloudWatch's own `Complete`, `PartialData` (more was available than
 * returned), `InternalError` or `Forbidden`, or `Failed` when the request carrying it failed as a
 * whole (then `error` says why).
 */
export type MetricStatus = 'Complete' | 'PartialData' | 'InternalError' | 'Forbidden' | 'Failed';

/** Why a series has no (complete) data, as data: an AWS error code, its message, the failed request's IAM action. */
export interface MetricFailure {
  readonly code: string;
  readonly message: string;
  readonly iamAction?: string;
}

/** One returned series: timestamps ascending (the batcher asks for TimestampAscending). */
export interface MetricSeries {
  readonly id: string;
  readonly label?: string;
  readonly timestamps: Date[];
  readonly values: number[];
  readonly status: MetricStatus;
  readonly messages: string[];
  /** Set when `status` is `Failed`: the error of the request that carried this query. */
  readonly error?: MetricFailure;
}

const GET_METRIC_DATA = 'cloudwatch:GetMetricData';

/**
 * Why a series cannot be read, or undefined when it can (`Complete`, or `PartialData`, which
 * holds every point up to where CloudWatch stopped). `Forbidden` and `InternalError` are per-query
 * statuses CloudWatch returns inside a successful response; `Failed` is a failed request.
 */
export function seriesFailure(series: MetricSeries): MetricFailure | undefined {
  switch (series.status) {
    case 'Complete':
    case 'PartialData':
      return undefined;
    case 'Failed':
      return series.error ?? { code: 'Failed', message: series.messages.join('; ') };
    case 'Forbidden':
      return {
        code: 'AccessDenied',
        message: `Access denied for ${GET_METRIC_DATA}: ${series.messages.join('; ') || 'Forbidden'}`,
        iamAction: GET_METRIC_DATA,
      };
    case 'InternalError':
      return { code: 'InternalError', message: series.messages.join('; ') || 'CloudWatch internal error' };
  }
}

function metricStatus(code: string | undefined): MetricStatus {
  switch (code) {
    case 'PartialData':
    case 'InternalError':
    case 'Forbidden':
      return code;
    default:
      return 'Complete';
  }
}

/** What one GetMetricData query reads: a metric of a namespace, by its dimensions, one statistic. */
export interface MetricQuerySpec {
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name → value, e.g. `{ WorkspaceId: 'ws-123' }`. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** `Sum`, `Average`, `Maximum`, ... (or an extended statistic such as `p90`). */
  readonly stat: string;
  readonly periodSeconds: number;
}

/** One GetMetricData query. Ids must be unique in a request and match `^[a-z][a-zA-Z0-9_]*$`. */
export function metricQuery(id: string, spec: MetricQuerySpec): MetricDataQuery {
  return {
    Id: id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: spec.namespace,
        MetricName: spec.metricName,
        Dimensions: Object.entries(spec.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: spec.periodSeconds,
      Stat: spec.stat,
    },
  };
}

/** The window and resolution every query in one batch shares. */
export interface MetricWindow {
  readonly start: Date;
  readonly end: Date;
  /** The period every query uses, in seconds (what `queriesPerRequest` sizes a dense read by). */
  readonly periodSeconds: number;
}

/**
 * How many queries of this window fit in one GetMetricData response without a NextToken: 500, or
 * fewer when each series could be long (an hourly month is 720 points, so 140 series). The batcher
 * no longer sizes its requests by this (it packs 500 and follows NextToken); it answers "how many
 * responses would a dense read of this window take" for callers that estimate one.
 */
export function queriesPerRequest(window: MetricWindow): number {
  const pointsPerQuery = Math.max(
    1,
    Math.ceil((window.end.getTime() - window.start.getTime()) / 1000 / window.periodSeconds),
  );
  return Math.max(
    1,
    Math.min(
      MAX_QUERIES_PER_GET_METRIC_DATA,
      Math.floor(MAX_DATAPOINTS_PER_GET_METRIC_DATA / pointsPerQuery),
    ),
  );
}

/** Appends without spreading: one page can carry 100,800 points, past what a call's arguments may hold. */
function append<T>(target: T[], items: readonly T[] | undefined): void {
  for (const item of items ?? []) target.push(item);
}

/**
 * Folds one response page into the series read so far. A query cut by the datapoint cap comes
 * back `PartialData` with the rest on the next page (same Id), so its points are appended and its
 * status is the latest page's: `Complete` once the last piece arrived.
 */
function mergePage(
  collected: Map<string, MetricSeries>,
  page: GetMetricDataOutput,
  intern: (date: Date) => Date,
): void {
  for (const result of page.MetricDataResults ?? []) {
    if (!result.Id) continue;
    const existing = collected.get(result.Id);
    const series: MetricSeries = {
      id: result.Id,
      label: existing?.label ?? result.Label,
      timestamps: existing?.timestamps ?? [],
      values: existing?.values ?? [],
      status: result.StatusCode ? metricStatus(result.StatusCode) : (existing?.status ?? 'Complete'),
      messages: existing?.messages ?? [],
    };
    for (const timestamp of result.Timestamps ?? []) series.timestamps.push(intern(timestamp));
    append(series.values, result.Values);
    append(
      series.messages,
      (result.Messages ?? []).map((m) => `${m.Code ?? ''}: ${m.Value ?? ''}`),
    );
    collected.set(result.Id, series);
  }
}

/**
 * One Date object per instant. The series of one read share their timestamps (every desktop's
 * hourly series has the same hours), so keeping one object per instant instead of one per point
 * is most of what a 50,000-desktop read holds: a Date costs several times its number.
 */
export function dateInterner(): (date: Date) => Date {
  const byTime = new Map<number, Date>();
  return (date) => {
    const time = date.getTime();
    const known = byTime.get(time);
    if (known) return known;
    byTime.set(time, date);
    return date;
  };
}

/** One batch of at most 500 queries, every page of it: NextToken until CloudWatch has no more. */
async function readBatch(
  client: CloudWatchClient,
  batch: readonly MetricDataQuery[],
  window: MetricWindow,
  signal: AbortSignal | undefined,
  intern: (date: Date) => Date,
): Promise<Map<string, MetricSeries>> {
  // Loaded on first use: the SDK client modules are most of a server's start-up time.
  const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
  const collected = new Map<string, MetricSeries>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: [...batch],
        StartTime: window.start,
        EndTime: window.end,
        ScanBy: 'TimestampAscending' satisfies ScanBy,
        NextToken: nextToken,
      }),
      { abortSignal: signal },
    );
    mergePage(collected, page, intern);
    nextToken = page.NextToken;
  } while (nextToken);
  return collected;
}

/** A `reduce` that threw: a bug in the caller, rethrown as is rather than reported as a failed read. */
class ReduceError {
  constructor(readonly cause: unknown) {}
}

// The `reduce` overload comes first: TypeScript types a `reduce` arrow's parameter only from it.
/**
 * `getMetricDataBatched` with `reduce`: each series is handed to it as soon as its batch is read
 * (every page of it) and only what it returns is kept, so the points of a batch are garbage once
 * reduced and a read of 50,000 hourly fortnights holds a few batches of points at a time instead
 * of all of them. A failed batch's queries are reduced from their `Failed` series; a `reduce` that
 * throws is rethrown, not reported as a failed read.
 */
export function getMetricDataBatched<R>(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  options: { concurrency?: number; signal?: AbortSignal; reduce: (series: MetricSeries) => R },
): Promise<Map<string, R>>;
/**
 * Fetches many metric queries in the fewest GetMetricData requests: 500 queries a request (the
 * API's limit), following NextToken for whatever exceeds the 100,800 datapoints of one response,
 * batches in parallel up to `concurrency`. Packing by the query limit rather than by the points a
 * query could return is what makes sparse series cheap: 1,000 AutoStop desktops that were off
 * most of a fortnight take 2 requests, not the 4 that 300-query batches (14 days hourly) would;
 * dense series cost the same either way (their points need the pages). Query ids must be unique
 * and match `^[a-z][a-zA-Z0-9_]*$`. A failed request fails only its own batch's queries: they come
 * back with status `Failed` and its `error`.
 */
export function getMetricDataBatched(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  options?: { concurrency?: number; signal?: AbortSignal },
): Promise<Map<string, MetricSeries>>;
export async function getMetricDataBatched<R>(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  options: { concurrency?: number; signal?: AbortSignal; reduce?: (series: MetricSeries) => R } = {},
): Promise<Map<string, MetricSeries | R>> {
  const reduce = options.reduce ?? ((series: MetricSeries): MetricSeries | R => series);
  const results = new Map<string, MetricSeries | R>();
  if (queries.length === 0) return results;
  const intern = dateInterner();
  const settled = await mapBounded(
    chunk(queries, MAX_QUERIES_PER_GET_METRIC_DATA),
    options.concurrency ?? 4,
    async (batch) => {
      // Reduced here, inside the batch's own task, so its pages are not held until every batch is in.
      const read = await readBatch(client, batch, window, options.signal, intern);
      const reduced = new Map<string, MetricSeries | R>();
      try {
        for (const [id, series] of read) reduced.set(id, reduce(series));
      } catch (error) {
        throw new ReduceError(error);
      }
      return reduced;
    },
    { signal: options.signal },
  );
  for (const outcome of settled) {
    if (!outcome.ok && outcome.error instanceof ReduceError) throw outcome.error.cause;
    if (outcome.ok) {
      for (const [id, value] of outcome.value) results.set(id, value);
    } else {
      const error = summarizeError(outcome.error);
      for (const query of outcome.item) {
        if (query.Id)
          results.set(
            query.Id,
            reduce({
              id: query.Id,
              timestamps: [],
              values: [],
              status: 'Failed',
              messages: [error.message],
              error: {
                code: error.code,
                message: error.message,
                iamAction: error.iamAction ?? GET_METRIC_DATA,
              },
            }),
          );
      }
    }
  }
  return results;
}

const DAY_MS = 86_400_000;

/** A daily window of `days` whole UTC days up to `now` (buckets start at UTC midnight). */
export function wholeDaysWindow(now: Date, days: number): MetricWindow {
  const start = Math.floor((now.getTime() - days * DAY_MS) / DAY_MS) * DAY_MS;
  return { start: new Date(start), end: now, periodSeconds: 86_400 };
}

/**
 * One series per key from `scope`'s CloudWatch, in the fewest GetMetricData requests, with the
 * call's concurrency and abort signal. A series that cannot be read comes back as its failure
 * (data, for the caller to report or throw); absent datapoints are not a failure, they are what
 * an idle resource publishes. Every spec's period should equal the window's.
 */
export async function readMetrics<K>(
  ctx: ToolContext,
  scope: Scope,
  specs: ReadonlyMap<K, MetricQuerySpec>,
  window: MetricWindow,
): Promise<Map<K, MetricSeries | MetricFailure>> {
  const keys = [...specs.keys()];
  if (keys.length === 0) return new Map();
  const queries = keys.map((key, i) => metricQuery(`q${i}`, specs.get(key) as MetricQuerySpec));
  // Loaded on first use: the SDK client modules are most of a server's start-up time.
  const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
  const read = new Map<K, MetricSeries | MetricFailure>();
  keys.forEach((key, i) => {
    const found = series.get(`q${i}`);
    if (found) read.set(key, seriesFailure(found) ?? found);
  });
  return read;
}

/**
 * The series, or a `ToolError` with the failure's code when it could not be read: for judgements
 * that must not pass silence off as "no use" (an idle finding on a fleet whose metrics were denied).
 */
export function requireSeries(read: MetricSeries | MetricFailure, what: string): MetricSeries {
  if ('values' in read) return read;
  throw new ToolError(
    read.code,
    `cloudwatch:GetMetricData failed for ${what}: ${read.message}`,
    read.iamAction,
  );
}
