/**
 * How many users want a pool session at a given minute, and what the pool's capacity makes of
 * it. Stateless seeded draws per (pool, day, minute), so the live CapacityStatus at "now" and
 * every CloudWatch datapoint tell the same story whichever is asked first.
 */
import { DAY_MS, HOUR_MS } from '../../model.js';
import { unit } from '../../rng.js';
import type { PoolDemandProfile } from './model.js';

export const MINUTE_MS = 60_000;

/** Share of the peak wanted at a local hour of a working day: ramp up, lunch dip, ramp down. */
const WORKDAY_CURVE: readonly (readonly [number, number])[] = [
  [0, 0],
  [6, 0],
  [7, 0.1],
  [8, 0.45],
  [9, 0.85],
  [10, 1],
  [12, 0.95],
  [12.5, 0.8],
  [13.5, 0.95],
  [15, 1],
  [16, 0.85],
  [17, 0.5],
  [18, 0.2],
  [19, 0.08],
  [21, 0.02],
  [24, 0],
];
/** Office pools see a handful of weekend users. */
const WEEKEND_SHARE = 0.06;
/** A pool whose instances need minutes to boot fills its Actual over about ten minutes. */
const RAMP_MS = 10 * MINUTE_MS;

export function workdayShare(localHour: number): number {
  for (let i = 1; i < WORKDAY_CURVE.length; i++) {
    const [h1, v1] = WORKDAY_CURVE[i] ?? [24, 0];
    const [h0, v0] = WORKDAY_CURVE[i - 1] ?? [0, 0];
    if (localHour <= h1) return v0 + ((v1 - v0) * (localHour - h0)) / (h1 - h0);
  }
  return 0;
}

/** Users wanting a session during the minute starting at t. */
export function demandAt(poolId: string, profile: PoolDemandProfile, t: number): number {
  if (profile.demandEndsAt !== undefined && t >= profile.demandEndsAt) return 0;
  const local = t + profile.utcOffsetHours * HOUR_MS;
  const day = Math.floor(local / DAY_MS);
  // 1970-01-01 was a Thursday: arithmetic, since this runs for every minute of every series.
  const weekday = (((day + 4) % 7) + 7) % 7;
  const workday = profile.sevenDay || (weekday >= 1 && weekday <= 5);
  const hour = (local - day * DAY_MS) / HOUR_MS;
  const dayJitter = 0.85 + 0.3 * unit(poolId, 'day', day);
  const minuteJitter = 1 + (unit(poolId, 'minute', Math.floor(t / MINUTE_MS)) - 0.5) * 0.08;
  const share = workdayShare(hour) * (workday ? 1 : WEEKEND_SHARE);
  return Math.round(profile.peakDemand * share * dayJitter * minuteJitter);
}

/** A pool's capacity during one minute, as CloudWatch and CapacityStatus report it. */
export interface CapacitySample {
  readonly desired: number;
  readonly actual: number;
  readonly active: number;
  readonly available: number;
  readonly pending: number;
  /** Session requests turned away for lack of capacity (InsufficientCapacityError). */
  readonly rejected: number;
}

/** The capacity during the minute starting at t, or undefined while the pool did not run. */
export function capacityAt(
  poolId: string,
  profile: PoolDemandProfile,
  createdAt: number,
  t: number,
): CapacitySample | undefined {
  if (t < createdAt || t < profile.runningFrom) return undefined;
  if (profile.runningUntil !== undefined && t >= profile.runningUntil) return undefined;
  const ramp = Math.min(1, (t - profile.runningFrom + MINUTE_MS) / RAMP_MS);
  const actual = Math.floor(Math.min(profile.desired, profile.ceiling ?? profile.desired) * ramp);
  const demand = demandAt(poolId, profile, t);
  const active = Math.min(demand, actual);
  const shortfall = demand - actual;
  // Turned-away users retry every few minutes, so a minute sees a fraction of the shortfall.
  const rejected =
    shortfall > 0 ? Math.max(1, Math.round(shortfall * (0.15 + 0.2 * unit(poolId, 'reject', t)))) : 0;
  return {
    desired: profile.desired,
    actual,
    active,
    available: actual - active,
    pending: profile.desired - actual,
    rejected,
  };
}
