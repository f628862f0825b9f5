import type { ErrorEntry, Scope, ToolContext } from '@workspaces-euc-mcp/host';
import type { Desktop } from '../desktops/desktops.js';
import {
  fetchHourlyMaxima,
  type HourlyReduction,
  metricErrors,
  metricRequestsFor,
  type ReducedOutcome,
  type WorkSpacesMetric,
} from '../desktops/hourly-metrics.js';
import type { HourWindow } from '../shared/hours.js';
import { isGraphics } from './compute-types.js';
import {
  judgeRightsizing,
  type PeakStats,
  peakStats,
  type RightsizingThresholds,
  type RightsizingVerdict,
} from './rightsizing.js';

/** One desktop's right-sizing verdict and the p95s behind it. */
export interface SizedDesktop {
  readonly verdict: RightsizingVerdict;
  readonly cpu?: PeakStats | undefined;
  readonly memory?: PeakStats | undefined;
  readonly gpu?: PeakStats | undefined;
}

/** What one scope's right-sizing read gave. */
export interface ScopeSizing {
  readonly byDesktop: ReadonlyMap<string, SizedDesktop>;
  readonly errors: readonly ErrorEntry[];
  readonly metricRequests: number;
}

/** CPU, memory and GPU are read once per window and kept as their peak stats, never as points. */
export const PEAK_STATS: HourlyReduction<PeakStats | undefined> = {
  name: 'peak-stats',
  reduce: (series) => peakStats(series.values),
};

function statsOf(outcome: ReducedOutcome<PeakStats | undefined> | undefined): PeakStats | undefined {
  return outcome?.ok ? outcome.value : undefined;
}

/**
 * Hourly CPU, memory and (graphics only) GPU peaks of `desktops`, judged one step up or down.
 * The reads are memoised per client call, so every cost tool of one report shares them.
 */
export async function rightsizeScope(
  ctx: ToolContext,
  scope: Scope,
  desktops: readonly Desktop[],
  window: HourWindow,
  thresholds: RightsizingThresholds,
): Promise<ScopeSizing> {
  const ids = desktops.map((d) => d.workspaceId);
  const gpuIds = desktops.filter((d) => d.computeType && isGraphics(d.computeType)).map((d) => d.workspaceId);
  const read = (metric: WorkSpacesMetric, list: readonly string[]) =>
    fetchHourlyMaxima(ctx, scope, list, metric, window, PEAK_STATS);
  const [cpu, memory, gpu] = await Promise.all([
    read('CPUUsage', ids),
    read('MemoryUsage', ids),
    read('GPUUsage', gpuIds),
  ]);
  const errors: ErrorEntry[] = (
    [
      ['CPUUsage', cpu],
      ['MemoryUsage', memory],
      ['GPUUsage', gpu],
    ] as const
  ).flatMap(([metric, outcomes]) =>
    metricErrors(
      outcomes.values(),
      scope,
      (count) => `${metric} unavailable for ${count} desktop(s), judged unknown`,
    ),
  );
  const byDesktop = new Map<string, SizedDesktop>();
  for (const desktop of desktops) {
    const id = desktop.workspaceId;
    const stats = { cpu: statsOf(cpu.get(id)), memory: statsOf(memory.get(id)), gpu: statsOf(gpu.get(id)) };
    const failed = [cpu.get(id), memory.get(id)].find((o) => o && !o.ok);
    const verdict: RightsizingVerdict =
      failed && !failed.ok
        ? { action: 'unknown', reason: `CloudWatch did not return the metrics (${failed.failure.code}).` }
        : judgeRightsizing({ computeType: desktop.computeType, ...stats }, thresholds);
    byDesktop.set(id, { verdict, ...stats });
  }
  const metricRequests = 2 * metricRequestsFor(ids.length, window) + metricRequestsFor(gpuIds.length, window);
  return { byDesktop, errors, metricRequests };
}
