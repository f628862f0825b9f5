/**
 * CloudWatch GetMetricData over the estate's metric providers, with the API's rules: 1-500
 * queries (more is InvalidParameterValue), unique ids, a period that is a multiple of 60,
 * TimestampDescending by default, the retention of each resolution (under 5 minutes: 15 days;
 * under 1 hour: 63 days; 1 hour and more: 455 days), and paging: a response holds at most
 * MaxDatapoints points (default and AWS's cap 100,800), a series cut there is `PartialData`
 * ("more data available than returned; use NextToken", API reference) and continues, same Id, at
 * the head of the next page.
 */

import { SimulatedAwsError, validationError } from '../errors.js';
import type { Estate, MetricProvider } from '../estate-model.js';
import type { OperationHandler } from '../handlers.js';
import type { MetricKey, MetricSource } from '../metric-source.js';
import { DAY_MS } from '../model.js';
import { listOf } from '../paging.js';

interface MetricStatInput {
  Metric?: { Namespace?: string; MetricName?: string; Dimensions?: { Name?: string; Value?: string }[] };
  Period?: number;
  Stat?: string;
}
interface QueryInput {
  Id?: string;
  MetricStat?: MetricStatInput;
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
}

const INVALID = 'InvalidParameterValueException';
/**
 * The Date constructor as this module loaded: the benchmark's fake timers swap the global for a
 * wrapper that returns these same native Dates but costs seconds over the millions of timestamps
 * a 10,000-desktop metric read builds.
 */
const NativeDate = Date;
const MAX_DATAPOINTS = 100_800;

function retentionMs(periodSeconds: number): number {
  if (periodSeconds < 300) return 15 * DAY_MS;
  if (periodSeconds < 3600) return 63 * DAY_MS;
  return 455 * DAY_MS;
}

/** Aggregates samples with a CloudWatch statistic; undefined when there were none. */
export function aggregate(samples: readonly number[], stat: string): number | undefined {
  if (samples.length === 0) return undefined;
  switch (stat) {
    case 'Sum':
      return samples.reduce((a, b) => a + b, 0);
    case 'Average':
      return samples.reduce((a, b) => a + b, 0) / samples.length;
    case 'Maximum':
      return Math.max(...samples);
    case 'Minimum':
      return Math.min(...samples);
    case 'SampleCount':
      return samples.length;
  }
  const percentile = /^p(\d{1,2}(?:\.\d+)?)$/.exec(stat);
  if (percentile) {
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.ceil((Number(percentile[1]) / 100) * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
  throw new SimulatedAwsError(INVALID, `The statistic ${stat} is not valid.`);
}

function validStat(stat: string): boolean {
  return (
    ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount'].includes(stat) || /^p\d{1,2}(\.\d+)?$/.test(stat)
  );
}

function toDate(value: unknown, field: string): Date {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  if (!date || Number.isNaN(date.getTime())) throw validationError(field, 'Member must not be null', INVALID);
  return date;
}

interface Series {
  readonly id: string;
  readonly label: string;
  readonly timestamps: Date[];
  readonly values: number[];
}

function sourceFor(
  key: MetricKey,
  estate: Estate,
  providers: readonly MetricProvider[],
): MetricSource | undefined {
  for (const provider of [estate.metricOverride, ...providers]) {
    const source = provider?.(key, estate);
    if (source) return source;
  }
  return undefined;
}

function computeSeries(
  query: QueryInput,
  key: MetricKey,
  estate: Estate,
  providers: readonly MetricProvider[],
  start: Date,
  end: Date,
  descending: boolean,
): Series {
  const stat = query.MetricStat?.Stat ?? '';
  const periodMs = (query.MetricStat?.Period ?? 60) * 1000;
  const source = sourceFor(key, estate, providers);
  const timestamps: Date[] = [];
  const values: number[] = [];
  if (source) {
    const resolutionMs = source.resolutionSeconds * 1000;
    const now = estate.settings.now.getTime();
    const oldest = now - retentionMs(periodMs / 1000);
    const first = Math.floor(start.getTime() / periodMs) * periodMs;
    for (let bucket = first; bucket < end.getTime() && bucket < now; bucket += periodMs) {
      if (bucket < oldest) continue;
      const from = Math.ceil(Math.max(bucket, start.getTime()) / resolutionMs) * resolutionMs;
      const to = Math.min(bucket + periodMs, end.getTime(), now);
      let value: number | undefined;
      if (source.aggregate) value = from < to ? source.aggregate(from, to, stat) : undefined;
      else {
        const samples: number[] = [];
        for (let t = from; t < to; t += resolutionMs) {
          const sample = source.sample(t);
          if (sample !== undefined) samples.push(sample);
        }
        value = aggregate(samples, stat);
      }
      if (value !== undefined) {
        timestamps.push(new NativeDate(bucket));
        values.push(value);
      }
    }
  }
  if (descending) {
    timestamps.reverse();
    values.reverse();
  }
  return { id: query.Id ?? '', label: query.Label ?? key.metricName, timestamps, values };
}

const TOKEN_PREFIX = 'GetMetricData';

/** Where the next page resumes: the index of a returned query and the point within its series. */
function encodeMetricToken(queryIndex: number, point: number): string {
  return Buffer.from(`${TOKEN_PREFIX}:${queryIndex}:${point}`, 'utf8').toString('base64url');
}

function decodeMetricToken(token: unknown, queryCount: number): [number, number] {
  if (token === undefined || token === null || token === '') return [0, 0];
  const [prefix, index, point] =
    typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8').split(':') : [];
  const queryIndex = Number(index);
  const offset = Number(point);
  if (
    prefix !== TOKEN_PREFIX ||
    !Number.isInteger(queryIndex) ||
    !Number.isInteger(offset) ||
    queryIndex < 0 ||
    queryIndex >= queryCount ||
    offset < 0
  )
    throw new SimulatedAwsError('InvalidNextToken', 'The NextToken is not valid for this request.');
  return [queryIndex, offset];
}

/** GetMetricData, answered from the metric providers of every part of the estate. */
export function getMetricDataHandler(providers: readonly MetricProvider[]): OperationHandler {
  return (request, estate) => {
    const input = request.input;
    const queries =
      listOf<QueryInput>(input, 'MetricDataQueries', 500, { required: true, code: INVALID }) ?? [];
    const start = toDate(input.StartTime, 'startTime');
    const end = toDate(input.EndTime, 'endTime');
    if (start.getTime() >= end.getTime())
      throw new SimulatedAwsError(
        INVALID,
        'The parameter StartTime must be less than the parameter EndTime.',
      );
    const maxDatapoints = input.MaxDatapoints ?? MAX_DATAPOINTS;
    if (typeof maxDatapoints !== 'number' || !Number.isInteger(maxDatapoints) || maxDatapoints < 1)
      throw new SimulatedAwsError(INVALID, 'The parameter MaxDatapoints must be a positive integer.');
    const ids = new Set<string>();
    for (const query of queries) {
      if (!query.Id || !/^[a-z][a-zA-Z0-9_]*$/.test(query.Id))
        throw new SimulatedAwsError(
          INVALID,
          `The value ${query.Id ?? '(none)'} for parameter MetricDataQueries.member.Id is not valid: it must start with a lower-case letter and contain only letters, digits and underscores.`,
        );
      if (ids.has(query.Id))
        throw new SimulatedAwsError(INVALID, `The Id ${query.Id} is used by more than one query.`);
      ids.add(query.Id);
      if (query.Expression)
        throw new SimulatedAwsError(
          INVALID,
          'Metric math and SEARCH expressions are not supported by the simulated estate.',
        );
      const stat = query.MetricStat;
      if (!stat?.Metric?.MetricName || !stat.Metric.Namespace)
        throw new SimulatedAwsError(
          INVALID,
          `Query ${query.Id} needs MetricStat.Metric with a Namespace and MetricName.`,
        );
      if (!stat.Period || stat.Period < 1 || (stat.Period >= 60 && stat.Period % 60 !== 0))
        throw new SimulatedAwsError(
          INVALID,
          `The period of query ${query.Id} must be 1, 5, 10, 30 or a multiple of 60.`,
        );
      if (!stat.Stat || !validStat(stat.Stat))
        throw new SimulatedAwsError(
          INVALID,
          `The statistic of query ${query.Id} is not valid: ${stat.Stat ?? '(none)'}.`,
        );
    }
    const descending = input.ScanBy !== 'TimestampAscending';
    const returned = queries.filter((q) => q.ReturnData !== false);
    const seriesAt = (index: number): Series => {
      const query = returned[index] as QueryInput;
      const metric = query.MetricStat?.Metric;
      const key: MetricKey = {
        account: request.account,
        region: request.region,
        namespace: metric?.Namespace ?? '',
        metricName: metric?.MetricName ?? '',
        dimensions: Object.fromEntries((metric?.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? ''])),
      };
      return computeSeries(query, key, estate, providers, start, end, descending);
    };
    // A response holds at most MaxDatapoints points of the queries' series laid end to end, in
    // query order. A series cut at the cap is PartialData; its rest leads the next page. A series
    // with no points costs nothing, so it comes back on the page that reaches it, even a full one.
    // The token names the series and the point to resume at, so a page computes only its series.
    let [index, from] = decodeMetricToken(input.NextToken, returned.length);
    let budget = maxDatapoints;
    const results: Record<string, unknown>[] = [];
    let next: string | undefined;
    for (; index < returned.length; index++, from = 0) {
      const series = seriesAt(index);
      const remaining = series.values.length - from;
      if (remaining > 0 && budget === 0) {
        next = encodeMetricToken(index, from);
        break;
      }
      const take = Math.min(remaining, budget);
      budget -= take;
      const cut = take < remaining;
      results.push({
        Id: series.id,
        Label: series.label,
        Timestamps: series.timestamps.slice(from, from + take),
        Values: series.values.slice(from, from + take),
        StatusCode: cut ? 'PartialData' : 'Complete',
        Messages: [],
      });
      if (cut) {
        next = encodeMetricToken(index, from + take);
        break;
      }
    }
    return {
      MetricDataResults: results,
      NextToken: next,
      Messages: [],
    };
  };
}
