import type { Statistic } from './metrics.js';

/** One desktop's performance over the window; null = no datapoints. */
export interface PerformanceSample {
  readonly cpuAvg: number | null;
  readonly cpuMax: number | null;
  readonly memoryAvg: number | null;
  readonly memoryMax: number | null;
  readonly rootDiskMax: number | null;
  readonly userDiskMax: number | null;
  readonly gpuAvg: number | null;
  readonly gpuMax: number | null;
  readonly latencyMs: number | null;
  readonly packetLossPct: number | null;
  readonly uptimeSeconds: number | null;
}

/** The queries per desktop: [sample field, CloudWatch metric, statistic]. GPU only for graphics bundles. */
export const PERFORMANCE_METRICS: readonly (readonly [keyof PerformanceSample, string, Statistic])[] = [
  ['cpuAvg', 'CPUUsage', 'Average'],
  ['cpuMax', 'CPUUsage', 'Maximum'],
  ['memoryAvg', 'MemoryUsage', 'Average'],
  ['memoryMax', 'MemoryUsage', 'Maximum'],
  ['rootDiskMax', 'RootVolumeDiskUsage', 'Maximum'],
  ['userDiskMax', 'UserVolumeDiskUsage', 'Maximum'],
  ['latencyMs', 'InSessionLatency', 'Average'],
  ['packetLossPct', 'UDPPacketLossRate', 'Average'],
  ['uptimeSeconds', 'UpTime', 'Maximum'],
];
export const GPU_METRICS: readonly (readonly [keyof PerformanceSample, string, Statistic])[] = [
  ['gpuAvg', 'GPUUsage', 'Average'],
  ['gpuMax', 'GPUUsage', 'Maximum'],
];

// Thresholds. Sustained averages above 80% leave no headroom for a burst (the same line the
// EUC Toolkit and Cost Optimizer use for "under-sized"); a volume above 90% full fails updates and
// profile writes; 250 ms latency and 5% UDP loss are where streaming visibly degrades.
export const PRESSURE_THRESHOLDS = {
  cpuAvg: 80,
  memoryAvg: 80,
  gpuAvg: 80,
  diskMax: 90,
  latencyMs: 250,
  packetLossPct: 5,
} as const;

/** How hard-pressed a desktop is: the worst utilisation (0–100) and the signals past a threshold. */
export interface Pressure {
  /** The highest of average CPU, memory and GPU and peak disk use, in %; null without data. */
  readonly score: number | null;
  readonly signals: string[];
}

function fmt(value: number): string {
  return `${Math.round(value)}`;
}

/** Scores a desktop's pressure and names what is past its threshold. */
export function pressureOf(sample: PerformanceSample): Pressure {
  const t = PRESSURE_THRESHOLDS;
  const signals: string[] = [];
  if (sample.cpuAvg !== null && sample.cpuAvg >= t.cpuAvg) signals.push(`CPU ${fmt(sample.cpuAvg)}% average`);
  if (sample.memoryAvg !== null && sample.memoryAvg >= t.memoryAvg)
    signals.push(`memory ${fmt(sample.memoryAvg)}% average`);
  if (sample.gpuAvg !== null && sample.gpuAvg >= t.gpuAvg) signals.push(`GPU ${fmt(sample.gpuAvg)}% average`);
  if (sample.rootDiskMax !== null && sample.rootDiskMax >= t.diskMax)
    signals.push(`root volume ${fmt(sample.rootDiskMax)}% full`);
  if (sample.userDiskMax !== null && sample.userDiskMax >= t.diskMax)
    signals.push(`user volume ${fmt(sample.userDiskMax)}% full`);
  if (sample.latencyMs !== null && sample.latencyMs >= t.latencyMs)
    signals.push(`latency ${fmt(sample.latencyMs)} ms`);
  if (sample.packetLossPct !== null && sample.packetLossPct >= t.packetLossPct)
    signals.push(`UDP packet loss ${sample.packetLossPct.toFixed(1)}%`);
  const utilisation = [
    sample.cpuAvg,
    sample.memoryAvg,
    sample.gpuAvg,
    sample.rootDiskMax,
    sample.userDiskMax,
  ].filter((v): v is number => v !== null);
  return { score: utilisation.length === 0 ? null : Math.max(...utilisation), signals };
}

/** Highest pressure first; desktops with signals before those without at the same score. */
export function byPressure<T extends { pressure: Pressure }>(a: T, b: T): number {
  return (
    (b.pressure.score ?? -1) - (a.pressure.score ?? -1) ||
    b.pressure.signals.length - a.pressure.signals.length
  );
}
