import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  type ErrorEntry,
  errorEntry,
  type MetricSeries,
  type MetricWindow,
  metricQuery,
  type Scope,
  SERVICE_LABELS,
  seriesFailure,
} from '@workspaces-euc-mcp/host';

/** WorkSpaces Personal metrics live in AWS/WorkSpaces with the `WorkspaceId` dimension. */
export const WORKSPACES_NAMESPACE = 'AWS/WorkSpaces';

export type Statistic = 'Sum' | 'Average' | 'Maximum';

/** One GetMetricData query for one desktop's metric. Query ids must match `^[a-z][a-zA-Z0-9_]*$`. */
export function workspaceQuery(
  id: string,
  workspaceId: string,
  metricName: string,
  stat: Statistic,
  periodSeconds: number,
): MetricDataQuery {
  return metricQuery(id, {
    namespace: WORKSPACES_NAMESPACE,
    metricName,
    dimensions: { WorkspaceId: workspaceId },
    stat,
    periodSeconds,
  });
}

/**
 * A window ending at the last whole period before `now` (so every bucket is complete) and
 * reaching back `lookbackSeconds`.
 */
export function metricWindow(now: Date, lookbackSeconds: number, periodSeconds: number): MetricWindow {
  const periodMs = periodSeconds * 1000;
  const end = new Date(Math.floor(now.getTime() / periodMs) * periodMs);
  return { start: new Date(end.getTime() - lookbackSeconds * 1000), end, periodSeconds };
}

/** Sum of the datapoints; null when there are none (no data is not zero). */
export function sumOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/** Mean of the datapoints; null when there are none. */
export function meanOf(values: readonly number[]): number | null {
  const sum = sumOf(values);
  return sum === null ? null : sum / values.length;
}

/** Largest datapoint; null when there are none. */
export function maxOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

/** Rounds for display without pretending to more precision than the metric has. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The datapoints of a series; none when it is missing or could not be read (see `seriesFailure`). */
export function valuesOf(series: MetricSeries | undefined): number[] {
  return series && !seriesFailure(series) ? series.values : [];
}

/**
 * The `errors[]` entry of a GetMetricData batch: the first series that could not be read, once
 * (every query of a failed request fails the same way, so one entry says it); none when all read.
 */
export function metricErrors(series: Iterable<MetricSeries>, scope: Scope): ErrorEntry[] {
  for (const s of series) {
    const failure = seriesFailure(s);
    if (failure) return [errorEntry(SERVICE_LABELS.cloudwatch, scope, failure)];
  }
  return [];
}
