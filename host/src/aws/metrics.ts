import {
  type CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataQuery,
  type ScanBy,
} from '@aws-sdk/client-cloudwatch';
import { chunk, mapBounded } from './helpers.js';

/** GetMetricData accepts at most 500 queries per request (CloudWatch API reference). */
export const MAX_QUERIES_PER_GET_METRIC_DATA = 500;
/** GetMetricData returns at most 100,800 datapoints per request (CloudWatch API reference). */
export const MAX_DATAPOINTS_PER_GET_METRIC_DATA = 100_800;

/** One returned series: timestamps ascending (the batcher asks for TimestampAscending). */
export interface MetricSeries {
  readonly id: string;
  readonly label?: string;
  readonly timestamps: Date[];
  readonly values: number[];
  /** `Complete`, `PartialData` (more was available than returned), `InternalError`, `Forbidden`. */
  readonly status: string;
  readonly messages: string[];
}

/** The window and resolution every query in one batch shares. */
export interface MetricWindow {
  readonly start: Date;
  readonly end: Date;
  /** The period every query uses, in seconds; sizes the batches to the datapoint limit. */
  readonly periodSeconds: number;
}

/**
 * How many queries of this window fit in one GetMetricData request without paging: 500, or
 * fewer when each series is long (an hourly month is 720 points, so 140 series per request).
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

/**
 * Fetches many metric queries with the fewest GetMetricData requests the API limits allow,
 * following NextToken, with bounded concurrency. Query ids must be unique, match
 * `^[a-z][a-zA-Z0-9_]*$`, and every query's period should equal `window.periodSeconds`.
 * A failed request fails only its own queries: they come back with status `Error:<code>`.
 */
export async function getMetricDataBatched(
  client: CloudWatchClient,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
  options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<Map<string, MetricSeries>> {
  const results = new Map<string, MetricSeries>();
  const batches = chunk(queries, queriesPerRequest(window));
  const settled = await mapBounded(
    batches,
    options.concurrency ?? 4,
    async (batch) => {
      const collected = new Map<string, MetricSeries>();
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new GetMetricDataCommand({
            MetricDataQueries: batch,
            StartTime: window.start,
            EndTime: window.end,
            ScanBy: 'TimestampAscending' satisfies ScanBy,
            NextToken: nextToken,
          }),
          { abortSignal: options.signal },
        );
        for (const result of page.MetricDataResults ?? []) {
          if (!result.Id) continue;
          const existing = collected.get(result.Id);
          const series: MetricSeries = existing ?? {
            id: result.Id,
            label: result.Label,
            timestamps: [],
            values: [],
            status: result.StatusCode ?? 'Complete',
            messages: [],
          };
          series.timestamps.push(...(result.Timestamps ?? []));
          series.values.push(...(result.Values ?? []));
          series.messages.push(...(result.Messages ?? []).map((m) => `${m.Code ?? ''}: ${m.Value ?? ''}`));
          collected.set(result.Id, { ...series, status: result.StatusCode ?? series.status });
        }
        nextToken = page.NextToken;
      } while (nextToken);
      return collected;
    },
    { signal: options.signal },
  );
  for (const outcome of settled) {
    if (outcome.ok) {
      for (const [id, series] of outcome.value) results.set(id, series);
    } else {
      const code = outcome.error instanceof Error ? outcome.error.name : 'Error';
      for (const query of outcome.item) {
        if (query.Id)
          results.set(query.Id, {
            id: query.Id,
            timestamps: [],
            values: [],
            status: `Error:${code}`,
            messages: [String(outcome.error instanceof Error ? outcome.error.message : outcome.error)],
          });
      }
    }
  }
  return results;
}
