import {
  type MetricSeries,
  type MetricWindow,
  readMetrics,
  requireSeries,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';

/** One AWS/AppStream series of one fleet (dimension `Fleet`). */
export interface FleetMetricRequest {
  readonly fleetName: string;
  readonly metricName: string;
  readonly stat: 'Sum' | 'Maximum';
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
  const specs = new Map(
    requests.map((request, i) => [
      i,
      {
        namespace: 'AWS/AppStream',
        metricName: request.metricName,
        dimensions: { Fleet: request.fleetName },
        stat: request.stat,
        periodSeconds: window.periodSeconds,
      },
    ]),
  );
  const read = await readMetrics(ctx, scope, specs, window);
  const byFleet = new Map<string, MetricSeries>();
  requests.forEach((request, i) => {
    const found = read.get(i);
    if (found) byFleet.set(request.fleetName, requireSeries(found, `AWS/AppStream ${request.metricName}`));
  });
  return byFleet;
}
