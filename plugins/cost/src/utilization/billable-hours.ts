/**
 * Usage and AutoStop billable hours rebuilt from an hourly `UserConnected` (Maximum) series.
 *
 * The method follows Cost Optimizer for WorkSpaces (metrics_helper.py, v2.8.7): a desktop is
 * billed for every hour it runs, which under AutoStop is the time a user is connected plus the
 * idle tail before it stops (`RunningModeAutoStopTimeoutInMinutes`, in 60-minute steps). We use
 * hourly rather than 5-minute samples so one GetMetricData call covers hundreds of desktops: an
 * hour whose maximum is 1 had a user connected at some point in it, and AutoStop bills partial
 * hours as whole hours, so the hourly grid loses nothing the bill would show.
 */

import type { MetricFailure } from '@workspaces-euc-mcp/host';
import type { HourlySeries } from '../desktops/hourly-metrics.js';
import { HOUR_MS, HOURS_PER_MONTH, type HourWindow } from '../shared/hours.js';

export type { HourlySeries } from '../desktops/hourly-metrics.js';

/** AutoStop's default timeout; what an AlwaysOn desktop would get if switched without choosing one. */
export const DEFAULT_AUTO_STOP_TIMEOUT_MINUTES = 60;

/** What one desktop's series says about its use in the window. */
export interface UsageMeasure {
  /** Hours in which a user was connected (UserConnected maximum ≥ 1). */
  readonly connectedHours: number;
  /** UTC days with at least one connected hour. */
  readonly activeDays: number;
  /** Connected hours plus the AutoStop idle tail after each session, merged, inside the window. */
  readonly billableHours: number;
  /** Hours the measure speaks for: the whole window, or from the first datapoint (see observeFrom). */
  readonly observedHours: number;
  readonly datapoints: number;
  readonly firstDatapoint?: Date;
}

/**
 * One desktop's usage read: a measure, or why CloudWatch gave none (the metric failure, from
 * `seriesFailure` or cost's stricter reading of a series; see desktops/hourly-metrics.ts).
 */
export type UsageOutcome =
  | { readonly kind: 'measured'; readonly measure: UsageMeasure }
  | { readonly kind: 'failed'; readonly failure: MetricFailure };

/** Idle tail in whole hours for an AutoStop timeout (AWS sets it in 60-minute steps). */
export function autoStopTailHours(timeoutMinutes: number | undefined): number {
  const minutes = timeoutMinutes && timeoutMinutes > 0 ? timeoutMinutes : DEFAULT_AUTO_STOP_TIMEOUT_MINUTES;
  return Math.ceil(minutes / 60);
}

/**
 * What usage needs of one desktop's hourly UserConnected series over a window: which hours had a
 * user connected, one bit each, and where the datapoints were. A fortnight is 42 bytes instead of
 * 336 timestamps and values, so a 50,000-desktop read can be kept for the whole call.
 */
export interface ConnectedHours {
  /** Window hour h had a user connected (maximum ≥ 1) when bit `h & 7` of byte `h >> 3` is set. */
  readonly connected: Uint8Array;
  /** Datapoints inside the window. */
  readonly datapoints: number;
  /** The window hour of the first datapoint inside it. */
  readonly firstHour?: number;
}

/** Reduces a series to its connected hours in `window` (points outside it are ignored). */
export function connectedHoursOf(series: HourlySeries, window: HourWindow): ConnectedHours {
  const connected = new Uint8Array(Math.ceil(window.hours / 8));
  let datapoints = 0;
  let first: number | undefined;
  series.timestamps.forEach((timestamp, i) => {
    const index = Math.floor((timestamp.getTime() - window.start.getTime()) / HOUR_MS);
    if (index < 0 || index >= window.hours) return;
    datapoints += 1;
    if (first === undefined || index < first) first = index;
    if ((series.values[i] ?? 0) >= 1)
      connected[index >> 3] = (connected[index >> 3] ?? 0) | (1 << (index & 7));
  });
  return { connected, datapoints, ...(first !== undefined ? { firstHour: first } : {}) };
}

function isConnectedHour(hours: ConnectedHours, index: number): boolean {
  return (((hours.connected[index >> 3] ?? 0) >> (index & 7)) & 1) === 1;
}

/**
 * Measures use and AutoStop billable hours. `observeFrom: 'first-datapoint'` is for AlwaysOn
 * desktops, which report every hour they exist, so a desktop created mid-window is projected
 * from its own history; an AutoStop desktop reports nothing while stopped, so its silence is
 * "not running" and the whole window counts.
 */
export function measureUsage(
  series: HourlySeries,
  window: HourWindow,
  options: { readonly tailHours: number; readonly observeFrom: 'window' | 'first-datapoint' },
): UsageMeasure {
  return measureConnectedHours(connectedHoursOf(series, window), window, options);
}

/** `measureUsage` from a series already reduced to its connected hours (`connectedHoursOf`). */
export function measureConnectedHours(
  hours: ConnectedHours,
  window: HourWindow,
  options: { readonly tailHours: number; readonly observeFrom: 'window' | 'first-datapoint' },
): UsageMeasure {
  const billable = new Array<boolean>(window.hours).fill(false);
  const days = new Set<number>();
  let connectedHours = 0;
  for (let index = 0; index < window.hours; index += 1) {
    if (!isConnectedHour(hours, index)) continue;
    connectedHours += 1;
    days.add(Math.floor((window.start.getTime() + index * HOUR_MS) / (24 * HOUR_MS)));
    // The hour itself and the idle tail after it; overlapping tails merge, so a short break
    // between sessions costs the gap, not a second tail.
    for (let h = index; h <= Math.min(index + options.tailHours, window.hours - 1); h += 1)
      billable[h] = true;
  }

  const first = hours.firstHour;
  const observedHours =
    options.observeFrom === 'first-datapoint' && first !== undefined ? window.hours - first : window.hours;
  return {
    connectedHours,
    activeDays: days.size,
    billableHours: billable.filter(Boolean).length,
    observedHours,
    datapoints: hours.datapoints,
    ...(first !== undefined ? { firstDatapoint: new Date(window.start.getTime() + first * HOUR_MS) } : {}),
  };
}

/** Scales hours seen over `observedHours` to a 730-hour month. */
export function projectToMonth(hours: number, observedHours: number): number {
  if (observedHours <= 0) return 0;
  return Math.min(HOURS_PER_MONTH, (hours * HOURS_PER_MONTH) / observedHours);
}
