/**
 * A pool's capacity over time, from its CloudWatch series bucketed by the period: how many
 * sessions were in use against how many were running, and how much running capacity sat idle.
 * Idle session-hours = Σ (Actual average − Active average) × period hours: capacity that was
 * launched (and, for ALWAYS_ON, billed by the hour) while nobody used it.
 */
import type { MetricSeries, MetricWindow } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

const HOUR_MS = 3_600_000;

/** At most this many buckets in an answer: 60 rows stay a few KB. */
export const MAX_BUCKETS = 60;

/** The period (hours) that shows `days` in at most MAX_BUCKETS buckets, at least `wanted`. */
export function bucketHours(days: number, wanted: number): number {
  return Math.max(wanted, Math.ceil((days * 24) / MAX_BUCKETS));
}

export const Bucket = Type.Object({
  start: Type.String(),
  activePeak: Type.Number(),
  activeAvg: Type.Number(),
  actualAvg: Type.Number(),
  desired: Type.Number(),
  utilizationPeak: Type.Number(),
  rejected: Type.Number(),
});
export type Bucket = Static<typeof Bucket>;

/** The series of one pool history, by role. */
export interface HistorySeries {
  readonly activeAvg?: MetricSeries;
  readonly activeMax?: MetricSeries;
  readonly actualAvg?: MetricSeries;
  readonly desiredMax?: MetricSeries;
  readonly utilizationMax?: MetricSeries;
  readonly rejectedSum?: MetricSeries;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function byTime(series: MetricSeries | undefined): Map<number, number> {
  const values = new Map<number, number>();
  series?.timestamps.forEach((t, i) => {
    const value = series.values[i];
    if (value !== undefined) values.set(t.getTime(), value);
  });
  return values;
}

/** One row per period with any datapoint, oldest first. */
export function buckets(series: HistorySeries): Bucket[] {
  const maps = {
    activeAvg: byTime(series.activeAvg),
    activePeak: byTime(series.activeMax),
    actualAvg: byTime(series.actualAvg),
    desired: byTime(series.desiredMax),
    utilizationPeak: byTime(series.utilizationMax),
    rejected: byTime(series.rejectedSum),
  };
  const times = [...new Set(Object.values(maps).flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  return times.map((t) => ({
    start: new Date(t).toISOString(),
    activePeak: round1(maps.activePeak.get(t) ?? 0),
    activeAvg: round1(maps.activeAvg.get(t) ?? 0),
    actualAvg: round1(maps.actualAvg.get(t) ?? 0),
    desired: round1(maps.desired.get(t) ?? 0),
    utilizationPeak: round1(maps.utilizationPeak.get(t) ?? 0),
    rejected: maps.rejected.get(t) ?? 0,
  }));
}

export const HistorySummary = Type.Object({
  buckets: Type.Integer({ description: 'Periods with datapoints (the pool ran).' }),
  activePeak: Type.Number(),
  actualPeak: Type.Number({ description: 'Highest hourly Actual average.' }),
  utilizationPeak: Type.Number(),
  utilizationAvg: Type.Number({ description: 'Session-hours used / running, %.' }),
  rejected: Type.Number({ description: 'InsufficientCapacityError sum (retries included).' }),
  idleSessionHours: Type.Number({ description: 'Σ (Actual − Active) averages × period hours.' }),
  idlePercent: Type.Number({ description: 'Share of running session-hours unused.' }),
});
export type HistorySummary = Static<typeof HistorySummary>;

/** Hours of the window a bucket covers: a bucket may start before the window or end after now. */
function coveredHours(row: Bucket, window: MetricWindow): number {
  const start = Date.parse(row.start);
  const end = Math.min(start + window.periodSeconds * 1000, window.end.getTime());
  return Math.max(0, end - Math.max(start, window.start.getTime())) / HOUR_MS;
}

/** The totals over the buckets of `window`. */
export function summarizeBuckets(rows: readonly Bucket[], window: MetricWindow): HistorySummary {
  let running = 0;
  let used = 0;
  let idle = 0;
  for (const row of rows) {
    const hours = coveredHours(row, window);
    running += row.actualAvg * hours;
    used += Math.min(row.activeAvg, row.actualAvg) * hours;
    idle += Math.max(0, row.actualAvg - row.activeAvg) * hours;
  }
  const max = (pick: (b: Bucket) => number) => rows.reduce((m, b) => Math.max(m, pick(b)), 0);
  return {
    buckets: rows.length,
    activePeak: max((b) => b.activePeak),
    actualPeak: max((b) => b.actualAvg),
    utilizationPeak: max((b) => b.utilizationPeak),
    utilizationAvg: running > 0 ? round1((used / running) * 100) : 0,
    rejected: rows.reduce((sum, b) => sum + b.rejected, 0),
    idleSessionHours: round1(idle),
    idlePercent: running > 0 ? round1((idle / running) * 100) : 0,
  };
}

/** One sentence on the window. */
export function historySentence(summary: HistorySummary, days: number): string {
  if (summary.buckets === 0)
    return `no capacity datapoints in ${days} day(s): the pool did not run in the window (stopped, or new)`;
  const idle = `${summary.idleSessionHours} idle session-hours (${summary.idlePercent}% of running capacity)`;
  if (summary.activePeak === 0 && summary.actualPeak > 0)
    return `idle pool capacity: no session in ${days} day(s) while up to ${summary.actualPeak} ran; ${idle}`;
  return (
    `peak ${summary.activePeak} sessions in use, utilization peak ${summary.utilizationPeak}%, ${idle}` +
    (summary.rejected > 0 ? `; ${summary.rejected} session request(s) turned away` : '')
  );
}
