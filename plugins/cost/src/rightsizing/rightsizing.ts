import { COMPUTE_SPECS, type ComputeSpec, isGraphics, neighbours } from './compute-types.js';

/** Hourly peaks of one metric: the 95th percentile of the hourly maxima, the maximum, and how many. */
export interface PeakStats {
  readonly p95: number;
  readonly peak: number;
  readonly datapoints: number;
}

/** Nearest-rank 95th percentile and maximum of hourly maxima; undefined when there are none. */
export function peakStats(values: readonly number[]): PeakStats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(0.95 * sorted.length) - 1;
  return { p95: sorted[rank] ?? 0, peak: sorted[sorted.length - 1] ?? 0, datapoints: values.length };
}

/**
 * Where right-sizing acts. The p95 of hourly peaks drives the decision, so one spike neither
 * blocks a downsize nor forces an upsize; the memory maximum guards a downsize against paging.
 */
export interface RightsizingThresholds {
  /** Hourly peaks needed per metric before judging (the reference declared 6 and never enforced it). */
  readonly minDatapoints: number;
  /** p95 at or above this on CPU, memory or GPU: one step up. */
  readonly upsizeP95: number;
  /** After a step down, projected p95 must stay at or below these. */
  readonly downsizeMaxCpuP95: number;
  readonly downsizeMaxMemoryP95: number;
  readonly downsizeMaxGpuP95: number;
  /** And the projected memory maximum at or below this. */
  readonly downsizeMaxMemoryPeak: number;
}

export const DEFAULT_RIGHTSIZING: RightsizingThresholds = {
  minDatapoints: 24,
  upsizeP95: 85,
  downsizeMaxCpuP95: 60,
  downsizeMaxMemoryP95: 70,
  downsizeMaxGpuP95: 60,
  downsizeMaxMemoryPeak: 90,
};

/** The verdict for one desktop. */
export interface RightsizingVerdict {
  readonly action: 'downsize' | 'upsize' | 'keep' | 'skipped' | 'unknown';
  readonly targetComputeType?: string;
  readonly confidence?: 'high' | 'medium';
  readonly reason: string;
}

/** The measured peaks of one desktop. */
export interface RightsizingInput {
  readonly computeType: string | undefined;
  readonly cpu?: PeakStats | undefined;
  readonly memory?: PeakStats | undefined;
  readonly gpu?: PeakStats | undefined;
}

const pct = (value: number) => `${Math.round(value)}%`;

/** Utilisation after moving from `from` to `to`: load stays, capacity changes. */
function scaled(value: number, from: number | undefined, to: number | undefined): number {
  return from && to ? (value * from) / to : value;
}

/** One step up or down within the family, or keep; pure, on hand-checkable numbers. */
export function judgeRightsizing(
  input: RightsizingInput,
  t: RightsizingThresholds = DEFAULT_RIGHTSIZING,
): RightsizingVerdict {
  const type = input.computeType;
  const spec: ComputeSpec | undefined = type ? COMPUTE_SPECS[type] : undefined;
  if (!type || !spec)
    return {
      action: 'skipped',
      reason: `Compute type ${type ?? 'unknown'} has no known size or step (legacy GRAPHICS/GRAPHICSPRO bundles are retired; move them to G4dn or G6 first).`,
    };
  const graphics = isGraphics(type);
  if (graphics && (!input.gpu || input.gpu.datapoints < t.minDatapoints))
    return {
      action: 'skipped',
      reason: `Graphics bundle with ${input.gpu?.datapoints ?? 0} hourly GPUUsage datapoints (need ${t.minDatapoints}); CPU and memory alone cannot size a GPU desktop.`,
    };
  for (const [name, stats] of [
    ['CPUUsage', input.cpu],
    ['MemoryUsage', input.memory],
  ] as const)
    if (!stats || stats.datapoints < t.minDatapoints)
      return {
        action: 'unknown',
        reason: `${stats?.datapoints ?? 0} hourly ${name} datapoints (need ${t.minDatapoints}): too little data to judge; the desktop may have been stopped or lacks the in-guest metrics.`,
      };
  const cpu = input.cpu as PeakStats;
  const memory = input.memory as PeakStats;
  const gpu = graphics ? input.gpu : undefined;
  const seen = `p95 CPU ${pct(cpu.p95)}, memory ${pct(memory.p95)}${gpu ? `, GPU ${pct(gpu.p95)}` : ''}`;
  const steps = neighbours(type);

  const hottest = Math.max(cpu.p95, memory.p95, gpu?.p95 ?? 0);
  if (hottest >= t.upsizeP95) {
    if (!steps.up)
      return { action: 'keep', reason: `${seen}: under pressure, but ${type} is the largest of its family.` };
    return {
      action: 'upsize',
      targetComputeType: steps.up,
      confidence: hottest >= 95 ? 'high' : 'medium',
      reason: `${seen}: at or above ${t.upsizeP95}% for the busiest 5% of hours; one step up to ${steps.up}.`,
    };
  }
  const down = steps.down;
  const target = down ? COMPUTE_SPECS[down] : undefined;
  if (down && target) {
    const cpuAfter = scaled(cpu.p95, spec.vcpu, target.vcpu);
    const memAfter = scaled(memory.p95, spec.memoryGib, target.memoryGib);
    const memPeakAfter = scaled(memory.peak, spec.memoryGib, target.memoryGib);
    const gpuAfter = gpu ? scaled(gpu.p95, spec.gpuShare, target.gpuShare) : 0;
    if (
      cpuAfter <= t.downsizeMaxCpuP95 &&
      memAfter <= t.downsizeMaxMemoryP95 &&
      memPeakAfter <= t.downsizeMaxMemoryPeak &&
      gpuAfter <= t.downsizeMaxGpuP95
    )
      return {
        action: 'downsize',
        targetComputeType: down,
        confidence: cpuAfter <= 40 && memAfter <= 50 ? 'high' : 'medium',
        reason: `${seen}; on ${down} that projects to CPU ${pct(cpuAfter)}, memory ${pct(memAfter)} (peak ${pct(memPeakAfter)})${gpu ? `, GPU ${pct(gpuAfter)}` : ''}, inside the headroom limits.`,
      };
    return {
      action: 'keep',
      reason: `${seen}; one step down to ${down} would project CPU ${pct(cpuAfter)}, memory ${pct(memAfter)} (peak ${pct(memPeakAfter)}), beyond the headroom limits.`,
    };
  }
  return { action: 'keep', reason: `${seen}; ${type} is the smallest of its family.` };
}
