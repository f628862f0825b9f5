/**
 * The daily capacity series of many fleets of one scope in the fewest GetMetricData requests
 * (five queries a fleet, 500 a request), through the host's readMetrics.
 */
import type { Fleet } from '@aws-sdk/client-appstream';
import {
  type MetricFailure,
  type MetricQuerySpec,
  type MetricWindow,
  readMetrics,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { sessionModelOf } from './capacity.js';
import { capacityMetrics, type DailySeries, type Points } from './daily.js';

const NO_POINTS: Points = { timestamps: [], values: [] };

const SERIES: readonly [
  keyof DailySeries,
  'capacity' | 'inUse' | 'rejected',
  'Average' | 'Maximum' | 'Sum',
][] = [
  ['capacityAvg', 'capacity', 'Average'],
  ['capacityMax', 'capacity', 'Maximum'],
  ['inUseAvg', 'inUse', 'Average'],
  ['inUseMax', 'inUse', 'Maximum'],
  ['rejected', 'rejected', 'Sum'],
];

/** Per fleet name: its five daily series, or the failure of the first one that could not be read. */
export async function fleetDailySeries(
  ctx: ToolContext,
  scope: Scope,
  fleets: readonly Fleet[],
  window: MetricWindow,
): Promise<Map<string, DailySeries | MetricFailure>> {
  const specs = new Map<string, MetricQuerySpec>();
  for (const fleet of fleets) {
    const names = capacityMetrics(sessionModelOf(fleet));
    for (const [key, which, stat] of SERIES)
      specs.set(`${fleet.Name ?? ''}\u0000${key}`, {
        namespace: 'AWS/AppStream',
        metricName: which === 'rejected' ? 'InsufficientCapacityError' : names[which],
        dimensions: { Fleet: fleet.Name ?? '' },
        stat,
        periodSeconds: window.periodSeconds,
      });
  }
  const read = await readMetrics(ctx, scope, specs, window);
  const out = new Map<string, DailySeries | MetricFailure>();
  for (const fleet of fleets) {
    const name = fleet.Name ?? '';
    let failure: MetricFailure | undefined;
    // No datapoints is not a failure: a stopped or idle fleet publishes nothing.
    const pick = (key: keyof DailySeries): Points => {
      const series = read.get(`${name}\u0000${key}`);
      if (series && 'values' in series) return series;
      if (series) failure ??= series;
      return NO_POINTS;
    };
    const daily: DailySeries = {
      capacityAvg: pick('capacityAvg'),
      capacityMax: pick('capacityMax'),
      inUseAvg: pick('inUseAvg'),
      inUseMax: pick('inUseMax'),
      rejected: pick('rejected'),
    };
    out.set(name, failure ?? daily);
  }
  return out;
}
