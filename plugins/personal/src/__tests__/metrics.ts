import type { MetricProvider } from '@workspaces-euc-mcp/simulator';

const HOUR_MS = 3_600_000;

/** Metric values per desktop; counts are per hour (one datapoint at each full hour), the rest per 5 minutes. */
export type PinnedMetrics = Readonly<Record<string, Readonly<Record<string, number>>>>;

// Count metrics are events: one datapoint per hour makes an hourly Sum equal the pinned value.
const COUNT_METRICS = new Set([
  'ConnectionAttempt',
  'ConnectionSuccess',
  'ConnectionFailure',
  'SessionDisconnect',
]);

/**
 * A metric override serving `pinned` for the listed desktops and nothing for the other desktops of
 * `estate.personal` (so generated series never leak into a hand-described estate).
 */
export function pinMetrics(pinned: PinnedMetrics, silent: ReadonlySet<string>): MetricProvider {
  return (key) => {
    if (key.namespace !== 'AWS/WorkSpaces') return undefined;
    const id = key.dimensions.WorkspaceId;
    if (id === undefined || (!(id in pinned) && !silent.has(id))) return undefined;
    const value = pinned[id]?.[key.metricName];
    const count = COUNT_METRICS.has(key.metricName);
    return {
      resolutionSeconds: 300,
      sample: (t) => (value === undefined || (count && t % HOUR_MS !== 0) ? undefined : value),
    };
  };
}

/** The pinned metrics of `smallEstate()`. */
export const SMALL_METRICS: PinnedMetrics = {
  'ws-unheal001': { ConnectionAttempt: 2, ConnectionFailure: 2, CPUUsage: 97, MemoryUsage: 60 },
  'ws-avail0001': {
    ConnectionAttempt: 1,
    ConnectionSuccess: 1,
    ConnectionFailure: 0,
    UserConnected: 1,
    InSessionLatency: 40,
    SessionLaunchTime: 12,
    CPUUsage: 20,
    MemoryUsage: 50,
    RootVolumeDiskUsage: 40,
    UserVolumeDiskUsage: 30,
    UpTime: 7200,
    UDPPacketLossRate: 0,
  },
  'ws-graph0001': { CPUUsage: 30, MemoryUsage: 85, GPUUsage: 91, InSessionLatency: 300 },
};
