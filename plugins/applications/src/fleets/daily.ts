/**
 * A fleet's capacity and use per day, from AWS/AppStream daily series, and what they add up to
 * in instance-hours. The unit is the fleet's own: instances, or user sessions for multi-session
 * fleets (which publish only the *UserSessionCapacity series).
 */
import type { SessionModel } from './capacity.js';

const HOUR_MS = 3_600_000;
const DAY_HOURS = 24;

/** The metrics a fleet's capacity is read from, in its unit. */
export function capacityMetrics(model: SessionModel): { capacity: string; inUse: string } {
  return model === 'multi'
    ? { capacity: 'ActualUserSessionCapacity', inUse: 'ActiveUserSessionCapacity' }
    : { capacity: 'ActualCapacity', inUse: 'InUseCapacity' };
}

/** The five daily series of one fleet (ascending timestamps; absent days published nothing). */
export interface DailySeries {
  readonly capacityAvg: Points;
  readonly capacityMax: Points;
  readonly inUseAvg: Points;
  readonly inUseMax: Points;
  /** InsufficientCapacityError, Sum: session requests refused for lack of capacity. */
  readonly rejected: Points;
}

/** Timestamps and values of one series. */
export interface Points {
  readonly timestamps: readonly Date[];
  readonly values: readonly number[];
}

/** One day of a fleet, in its unit. */
export interface DayRow {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  readonly capacityAvg: number;
  readonly capacityMax: number;
  readonly inUseAvg: number;
  readonly inUseMax: number;
  readonly rejected: number;
  /** Hours of the day inside the window (the last day is partial: it ends now). */
  readonly hours: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The days with any datapoint, oldest first. */
export function dayRows(series: DailySeries, windowEnd: Date): DayRow[] {
  const byDay = new Map<number, { -readonly [K in keyof DailySeries]?: number }>();
  for (const key of Object.keys(series) as (keyof DailySeries)[]) {
    const points = series[key];
    points.timestamps.forEach((t, i) => {
      const entry = byDay.get(t.getTime()) ?? {};
      entry[key] = points.values[i] ?? 0;
      byDay.set(t.getTime(), entry);
    });
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, v]) => ({
      day: new Date(start).toISOString().slice(0, 10),
      capacityAvg: round1(v.capacityAvg ?? 0),
      capacityMax: v.capacityMax ?? 0,
      inUseAvg: round1(v.inUseAvg ?? 0),
      inUseMax: v.inUseMax ?? 0,
      rejected: v.rejected ?? 0,
      hours: round1(Math.max(0, Math.min(DAY_HOURS, (windowEnd.getTime() - start) / HOUR_MS))),
    }));
}

/** What the days add up to. Hours are instance-hours (user sessions converted for multi-session). */
export interface UsageTotals {
  readonly daysWithData: number;
  readonly peakInUse: number;
  readonly peakCapacity: number;
  /** Mean of the daily average capacity, in the fleet's unit. */
  readonly avgCapacity: number;
  readonly rejected: number;
  /** Instance-hours provisioned (running): daily average × hours, summed. */
  readonly runningInstanceHours: number;
  /** Instance-hours with a user on them. */
  readonly inUseInstanceHours: number;
  /** In use ÷ running over the window, percent; null when nothing ran. */
  readonly utilizationPercent: number | null;
}

/**
 * Totals of the day rows. Instance-hours are estimates from daily averages (a day the fleet ran
 * only part of counts its average over the minutes it published). Multi-session sessions are
 * turned into instances by MaxSessionsPerInstance: capacity exactly, in-use sessions packed.
 */
export function usageTotals(rows: readonly DayRow[], model: SessionModel, perInstance: number): UsageTotals {
  const per = model === 'multi' ? Math.max(1, perInstance) : 1;
  let running = 0;
  let inUse = 0;
  for (const row of rows) {
    running += (row.capacityAvg / per) * row.hours;
    inUse += (row.inUseAvg / per) * row.hours;
  }
  const sum = (pick: (r: DayRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    daysWithData: rows.length,
    peakInUse: Math.max(0, ...rows.map((r) => r.inUseMax)),
    peakCapacity: Math.max(0, ...rows.map((r) => r.capacityMax)),
    avgCapacity: rows.length > 0 ? round1(sum((r) => r.capacityAvg) / rows.length) : 0,
    rejected: sum((r) => r.rejected),
    runningInstanceHours: Math.round(running),
    inUseInstanceHours: Math.round(inUse),
    utilizationPercent: running > 0 ? Math.round((inUse / running) * 100) : null,
  };
}
