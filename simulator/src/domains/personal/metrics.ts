/**
 * AWS/WorkSpaces metrics of Personal desktops (dimension WorkspaceId), at the 5-minute
 * resolution WorkSpaces publishes them, derived from the desktop's usage and load profile.
 */
import type { Estate, MetricProvider } from '../../estate-model.js';
import type { MetricKey, MetricSource } from '../../metric-source.js';
import { singleDimension } from '../../metric-source.js';
import { DAY_MS } from '../../model.js';
import { unit } from '../../rng.js';
import { computeSpec } from './catalogue.js';
import { connectedCounts, connectedStatistic } from './connected-aggregate.js';
import type { LoadProfile, SimDesktop } from './model.js';
import { runningAt, sessionAt, sessionsOnDay } from './usage.js';

const FIVE_MINUTES_MS = 300_000;

const LOAD_LEVELS: Readonly<Record<LoadProfile, { cpu: number; memory: number; spread: number }>> = {
  light: { cpu: 9, memory: 32, spread: 6 },
  typical: { cpu: 28, memory: 55, spread: 12 },
  heavy: { cpu: 72, memory: 86, spread: 14 },
  spiky: { cpu: 18, memory: 48, spread: 10 },
};

function connectedAt(desktop: SimDesktop, t: number): boolean {
  return sessionAt(desktop, t) !== undefined;
}

/** Whether a session starts inside this 5-minute sample (connection events happen there). */
function sessionStartsIn(desktop: SimDesktop, t: number): boolean {
  return sessionsOnDay(desktop, Math.floor(t / DAY_MS)).some(
    ([start]) => start >= t && start < t + FIVE_MINUTES_MS,
  );
}

function noise(id: string, metric: string, t: number): number {
  return unit(id, metric, Math.floor(t / FIVE_MINUTES_MS)) * 2 - 1;
}

function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value * 100) / 100));
}

function desktopSample(desktop: SimDesktop, metricName: string, t: number): number | undefined {
  const id = desktop.workspace.WorkspaceId ?? '';
  const running = runningAt(desktop, t);
  switch (metricName) {
    case 'Available':
      return running ? (desktop.workspace.State === 'UNHEALTHY' ? 0 : 1) : undefined;
    case 'Unhealthy':
      return running ? (desktop.workspace.State === 'UNHEALTHY' ? 1 : 0) : undefined;
    case 'Stopped':
      return t >= desktop.createdAt.getTime() && !running ? 1 : undefined;
    case 'Maintenance':
      return running && desktop.workspace.State === 'MAINTENANCE' ? 1 : undefined;
    case 'UserConnected':
      return running ? (connectedAt(desktop, t) ? 1 : 0) : undefined;
  }
  // Connection events belong to the 5-minute sample a session starts in, whether or not the user
  // is already connected at the sample's start (an AutoStop desktop starts on connect).
  switch (metricName) {
    case 'SessionLaunchTime':
      return sessionStartsIn(desktop, t) ? Math.round(9 + 6 * unit(id, 'launch', t)) : undefined;
    case 'ConnectionAttempt':
    case 'ConnectionSuccess':
    case 'ConnectionFailure': {
      if (!sessionStartsIn(desktop, t)) return undefined;
      // A failing desktop needs extra attempts before one succeeds.
      const failures =
        unit(id, 'fail', t) < desktop.connectionFailureRate ? 1 + Math.floor(unit(id, 'fails', t) * 3) : 0;
      if (metricName === 'ConnectionAttempt') return 1 + failures;
      if (metricName === 'ConnectionSuccess') return 1;
      return failures;
    }
  }
  if (!running) return undefined;
  const connected = connectedAt(desktop, t);
  const level = LOAD_LEVELS[desktop.load];
  switch (metricName) {
    case 'CPUUsage': {
      if (!connected) return clampPercent(3 + 2 * noise(id, 'cpu', t));
      const spike =
        desktop.load === 'spiky' && unit(id, 'spike', Math.floor(t / FIVE_MINUTES_MS)) > 0.93 ? 70 : 0;
      const unhealthy = desktop.workspace.State === 'UNHEALTHY' ? 60 : 0;
      return clampPercent(level.cpu + level.spread * noise(id, 'cpu', t) + spike + unhealthy);
    }
    case 'MemoryUsage':
      return clampPercent(
        (connected ? level.memory : level.memory * 0.6) + level.spread * 0.5 * noise(id, 'mem', t),
      );
    case 'GPUUsage':
      if (!computeSpec(desktop.workspace.WorkspaceProperties?.ComputeTypeName)?.gpu) return undefined;
      return connected ? clampPercent(level.cpu * 0.9 + level.spread * noise(id, 'gpu', t)) : 0;
    case 'RootVolumeDiskUsage':
      return clampPercent(35 + 30 * unit(id, 'root') + noise(id, 'root', t));
    case 'UserVolumeDiskUsage':
      return clampPercent(15 + 70 * unit(id, 'user') + noise(id, 'user', t));
    case 'UpTime':
      return Math.round(
        ((t % 86_400_000) / 1000) *
          (desktop.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' ? 1 : 0.3),
      );
  }
  if (!connected) return undefined;
  switch (metricName) {
    case 'InSessionLatency':
      return Math.max(5, Math.round(desktop.latencyMs + 10 * noise(id, 'lat', t)));
    case 'UDPPacketLossRate':
      return Math.max(
        0,
        Math.round((desktop.latencyMs > 150 ? 2.5 : 0.2) * (1 + noise(id, 'udp', t)) * 100) / 100,
      );
    case 'TCPRetransmissionRate':
      return Math.max(
        0,
        Math.round((desktop.latencyMs > 150 ? 3 : 0.4) * (1 + noise(id, 'tcp', t)) * 100) / 100,
      );
    case 'FramesPerSecond':
      return Math.round(24 + 6 * noise(id, 'fps', t));
    case 'Bandwidth':
      return Math.round(2_000_000 + 1_500_000 * noise(id, 'bw', t));
    case 'SessionDisconnect':
      return undefined;
  }
  return undefined;
}

/** An index of desktops by (account, region, id), built once per estate and reused. */
const desktopIndex = new WeakMap<SimDesktop[], Map<string, SimDesktop>>();

export function findDesktop(
  estate: Estate,
  account: string,
  region: string,
  workspaceId: string,
): SimDesktop | undefined {
  const desktops = estate.personal.desktops;
  let index = desktopIndex.get(desktops);
  if (!index || index.size !== desktops.length) {
    index = new Map(desktops.map((d) => [`${d.account}|${d.region}|${d.workspace.WorkspaceId}`, d]));
    desktopIndex.set(desktops, index);
  }
  return index.get(`${account}|${region}|${workspaceId}`);
}

/** Serves AWS/WorkSpaces metrics with the WorkspaceId dimension. */
export const personalMetrics: MetricProvider = (key: MetricKey, estate: Estate): MetricSource | undefined => {
  if (key.namespace !== 'AWS/WorkSpaces') return undefined;
  const workspaceId = singleDimension(key, 'WorkspaceId');
  if (!workspaceId) return undefined;
  const desktop = findDesktop(estate, key.account, key.region, workspaceId);
  if (!desktop) return undefined;
  return {
    resolutionSeconds: 300,
    sample: (t) => desktopSample(desktop, key.metricName, t),
    ...(key.metricName === 'UserConnected'
      ? {
          aggregate: (from: number, to: number, stat: string) =>
            connectedStatistic(connectedCounts(desktop, from, to), stat),
        }
      : {}),
  };
};
