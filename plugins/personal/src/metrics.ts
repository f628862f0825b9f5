import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricSeries, MetricWindow } from '@workspaces-euc-mcp/host';

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
  return {
    Id: id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: WORKSPACES_NAMESPACE,
        MetricName: metricName,
        Dimensions: [{ Name: 'WorkspaceId', Value: workspaceId }],
      },
      Period: periodSeconds,
      Stat: stat,
    },
  };
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

/** The values of a series, or none when it is missing or failed. */
export function valuesOf(series: MetricSeries | undefined): number[] {
  return series && !series.status.startsWith('Error') ? series.values : [];
}

/** Rounds for display without pretending to more precision than the metric has. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The distinct failure of any series in a batch, for `errors[]`; undefined when all succeeded. */
export function failedSeries(series: Iterable<MetricSeries>): MetricSeries | undefined {
  for (const s of series) if (s.status.startsWith('Error') || s.status === 'Forbidden') return s;
  return undefined;
}

/** An `errors[]` entry for a failed metric series (the batcher turns request failures into statuses). */
export function metricErrorEntry(series: MetricSeries, region: string) {
  const code = series.status.startsWith('Error:') ? series.status.slice('Error:'.length) : series.status;
  const message = series.messages[0] ?? `GetMetricData returned ${series.status}.`;
  const denied = /AccessDenied|Unauthorized|Forbidden/i.test(code);
  return {
    service: 'CloudWatch',
    region,
    code,
    message: denied ? `Access denied for cloudwatch:GetMetricData: ${message}` : message,
    iamAction: 'cloudwatch:GetMetricData',
  };
}
