/**
 * UserConnected aggregated over a window from the desktop's intervals instead of its 5-minute
 * samples: the same numbers `runningAt`/`sessionAt` would give sample by sample, in time
 * proportional to the sessions rather than to the samples.
 */
import { DAY_MS } from '../../model.js';
import type { SimDesktop } from './model.js';
import { autoStopTailMs, DEAD_STATES, POWERED_ON_STATES, type Session, sessionsOnDay } from './usage.js';

const SAMPLE_MS = 300_000;

/** Aligned sample times t (multiples of SAMPLE_MS) with lo <= t < hi. */
function samplesIn(lo: number, hi: number): number {
  const first = Math.ceil(lo / SAMPLE_MS) * SAMPLE_MS;
  return first >= hi ? 0 : Math.floor((hi - 1 - first) / SAMPLE_MS) + 1;
}

/** Merges overlapping or touching intervals (input sorted by start). */
function merge(intervals: readonly Session[]): Session[] {
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function countIn(intervals: readonly Session[], from: number, to: number): number {
  let n = 0;
  for (const [start, end] of intervals) n += samplesIn(Math.max(start, from), Math.min(end, to));
  return n;
}

/** The sessions of the days that can touch [from, to), the tail's day before included. */
function sessionsAround(desktop: SimDesktop, from: number, to: number): Session[] {
  const sessions: Session[] = [];
  for (let day = Math.floor(from / DAY_MS) - 1; day <= Math.floor((to - 1) / DAY_MS); day++)
    sessions.push(...sessionsOnDay(desktop, day));
  return sessions.sort((a, b) => a[0] - b[0]);
}

/** Samples while running, and of those, while a user was connected, in [from, to). */
export function connectedCounts(
  desktop: SimDesktop,
  from: number,
  to: number,
): { running: number; connected: number } {
  const created = desktop.createdAt.getTime();
  // runningAt: nothing before creation; a broken desktop runs until it broke, never after.
  let until = Number.POSITIVE_INFINITY;
  if (DEAD_STATES.has(desktop.workspace.State ?? '')) until = desktop.usageEndsAt?.getTime() ?? created;
  const lo = Math.max(from, created);
  const hi = Math.min(to, until);
  if (hi <= lo) return { running: 0, connected: 0 };
  const sessions = merge(sessionsAround(desktop, lo, hi));
  const connected = countIn(sessions, lo, hi);
  if (desktop.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON')
    return { running: samplesIn(lo, hi), connected };
  const tail = autoStopTailMs(desktop);
  const spans: Session[] = sessions.map(([start, end]) => [start, end + tail] as const);
  // Started outside its sessions (runningAt's runningSince): it runs from then on.
  const since = desktop.runningSince?.getTime();
  if (since !== undefined && POWERED_ON_STATES.has(desktop.workspace.State ?? ''))
    spans.push([since, Number.POSITIVE_INFINITY]);
  spans.sort((a, b) => a[0] - b[0]);
  const running = countIn(merge(spans), lo, hi);
  return { running, connected };
}

/** A CloudWatch statistic of the 0/1 UserConnected samples, or undefined when none were published. */
export function connectedStatistic(
  counts: { running: number; connected: number },
  stat: string,
): number | undefined {
  const { running, connected } = counts;
  if (running === 0) return undefined;
  switch (stat) {
    case 'Sum':
      return connected;
    case 'SampleCount':
      return running;
    case 'Average':
      return connected / running;
    case 'Maximum':
      return connected > 0 ? 1 : 0;
    case 'Minimum':
      return connected === running ? 1 : 0;
  }
  const percentile = /^p(\d{1,2}(?:\.\d+)?)$/.exec(stat);
  if (!percentile) return undefined;
  // Sorted samples are (running - connected) zeros, then ones.
  const rank = Math.max(0, Math.ceil((Number(percentile[1]) / 100) * running) - 1);
  return rank >= running - connected ? 1 : 0;
}
