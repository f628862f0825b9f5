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
import { DAY_MS } from '../fleets/usage.js';
import { cloudWatchSdk } from './sdk.js';

/** One AWS/AppStream series of one fleet (dimension `Fleet`). */
export interface FleetMetricRequest {
  readonly fleetName: string;
  readonly metricName: string;
  readonly stat: 'Sum' | 'Maximum';
}

/** A daily window of `days` whole UTC days up to now (buckets start at UTC midnight). */
export function dailyWindow(now: Date, days: number): MetricWindow {
  const start = Math.floor((now.getTime() - days * DAY_MS) / DAY_MS) * DAY_MS;
  return { start: new Date(start), end: now, periodSeconds: 86_400 };
}

/**
 * Daily series for many fleets in the fewest GetMetricData requests (500 queries each when the
 * series are short), keyed by fleet name. A failed request would leave its fleets unjudged, so it
 * fails the contribution with the AWS error code instead of passing silence off as "no usage".
 */
export async function fleetSeries(
  ctx: ToolContext,
  scope: Scope,
  requests: readonly FleetMetricRequest[],
  window: MetricWindow,
): Promise<Map<string, MetricSeries>> {
  if (requests.length === 0) return new Map();
  const queries = requests.map((request, i) =>
    metricQuery(`f${i}`, {
      namespace: 'AWS/AppStream',
      metricName: request.metricName,
      dimensions: { Fleet: request.fleetName },
      stat: request.stat,
      periodSeconds: window.periodSeconds,
    }),
  );
  const { CloudWatchClient } = await cloudWatchSdk();
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
  const byFleet = new Map<string, MetricSeries>();
  requests.forEach((request, i) => {
    const found = series.get(`f${i}`);
    if (!found) return;
    const failure = seriesFailure(found);
    if (failure)
      throw new ToolError(
        failure.code,
        `cloudwatch:GetMetricData failed for AWS/AppStream ${request.metricName}: ${failure.message}`,
        failure.iamAction,
      );
    byFleet.set(request.fleetName, found);
  });
  return byFleet;
}
