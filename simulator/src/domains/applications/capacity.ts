/**
 * How many users want to stream from a fleet at any minute and what capacity it has then, as
 * stateless functions of (fleet, time). The describe state at the estate's now, the sessions,
 * the scaling activities and every AWS/AppStream series are all read from here, so they agree.
 * Capacity arithmetic follows the metric definitions of the administration guide: Actual =
 * Available + InUse, Desired = Actual + Pending, and for multi-session fleets the same over
 * user-session slots.
 */
import type { ComputeCapacityStatus } from '@aws-sdk/client-appstream';
import { DAY_MS, HOUR_MS } from '../../model.js';
import { unit } from '../../rng.js';
import type { SimAppFleet } from './model.js';

const MINUTE_MS = 60_000;
/** Demand is redrawn every 5 minutes: users do not come and go every minute. */
const DEMAND_BUCKET_MS = 5 * MINUTE_MS;
/** Autoscaled fleets scale out at 07:00 and in at 19:30, local time, on working days. */
export const SCALE_OUT_HOUR = 7;
export const SCALE_IN_HOUR = 19.5;

/** The fleet users' local hour of day (fractional) and whether `t` is on one of their workdays. */
export function localTime(fleet: SimAppFleet, t: number): { hour: number; workday: boolean } {
  const local = t + fleet.usage.utcOffsetHours * HOUR_MS;
  const hour = (((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  // 1970-01-01 was a Thursday (day 4). Arithmetic, not `new Date(local).getUTCDay()`: this runs
  // for every minute of every fleet's series, and under the benchmark's fake clock a Date costs
  // a third of the run.
  const weekday = (((Math.floor(local / DAY_MS) + 4) % 7) + 7) % 7;
  return { hour, workday: fleet.usage.workdays === 'everyday' || (weekday >= 1 && weekday <= 5) };
}

/** Share of the peak users streaming at a local hour of a working day. */
export function workingDayShape(hour: number): number {
  if (hour < 7 || hour >= 20) return 0.03;
  if (hour < 9) return 0.03 + 0.97 * ((hour - 7) / 2);
  if (hour < 12) return 1;
  if (hour < 13) return 0.8;
  if (hour < 17) return 1;
  return 1 - 0.97 * ((hour - 17) / 3);
}

/** Users who want a streaming session at `t`. */
export function demandAt(fleet: SimAppFleet, t: number): number {
  const usage = fleet.usage;
  if (t < fleet.createdAt.getTime()) return 0;
  if (usage.usageEndsAt && t >= usage.usageEndsAt.getTime()) return 0;
  const { hour, workday } = localTime(fleet, t);
  const shape = workday ? workingDayShape(hour) : 0.02;
  const growth = usage.growthAt && t < usage.growthAt.getTime() ? (usage.earlyDemandFactor ?? 1) : 1;
  const name = fleet.fleet.Name ?? '';
  const noise = 0.85 + 0.3 * unit(name, 'demand', Math.floor(t / DEMAND_BUCKET_MS));
  return Math.round(usage.peakUsers * shape * growth * noise);
}

/** Whether an autoscaled fleet is scaled out at `t`. */
export function scaledOutAt(fleet: SimAppFleet, t: number): boolean {
  const { hour, workday } = localTime(fleet, t);
  return workday && hour >= SCALE_OUT_HOUR && hour < SCALE_IN_HOUR;
}

/** Desired capacity at `t`: instances, or user sessions for multi-session fleets. */
export function desiredAt(fleet: SimAppFleet, t: number): number {
  const plan = fleet.plan;
  return plan.autoscaled && !scaledOutAt(fleet, t) ? plan.offHoursDesired : plan.workHoursDesired;
}

/** Capacity of a fleet in one minute. Instance counts, plus user-session slots for multi-session. */
export interface AppFleetCapacity {
  readonly desired: number;
  readonly running: number;
  readonly pending: number;
  readonly inUse: number;
  readonly available: number;
  /** Session requests refused for lack of capacity in this minute (InsufficientCapacityError). */
  readonly rejected: number;
  readonly userSessions?: {
    readonly desired: number;
    readonly actual: number;
    readonly active: number;
    readonly available: number;
    readonly pending: number;
  };
}

/** Unserved users retry: some of them ask again in any given minute. */
function refused(fleet: SimAppFleet, t: number, shortfall: number): number {
  if (shortfall <= 0) return 0;
  const share = 0.2 + 0.4 * unit(fleet.fleet.Name ?? '', 'refused', Math.floor(t / MINUTE_MS));
  return Math.max(1, Math.round(shortfall * share));
}

/** The fleet's capacity at `t`; undefined before it existed or while it is stopped. */
export function capacityAt(fleet: SimAppFleet, t: number): AppFleetCapacity | undefined {
  if (t < fleet.createdAt.getTime()) return undefined;
  if (fleet.stoppedAt && t >= fleet.stoppedAt.getTime()) return undefined;
  const demand = demandAt(fleet, t);
  const cap = fleet.plan.launchCap ?? Number.POSITIVE_INFINITY;
  switch (fleet.sessionModel) {
    case 'elastic': {
      // Elastic fleets launch an instance per session from a service-managed pool, up to
      // MaxConcurrentSessions; the simulator reports each session as a running, in-use instance.
      const max = fleet.fleet.MaxConcurrentSessions ?? 0;
      const sessions = Math.min(demand, max);
      return {
        desired: sessions,
        running: sessions,
        pending: 0,
        inUse: sessions,
        available: 0,
        rejected: refused(fleet, t, demand - sessions),
      };
    }
    case 'single': {
      const desired = desiredAt(fleet, t);
      const running = Math.min(desired, cap);
      const inUse = Math.min(demand, running);
      return {
        desired,
        running,
        pending: desired - running,
        inUse,
        available: running - inUse,
        rejected: refused(fleet, t, demand - inUse),
      };
    }
    case 'multi': {
      const perInstance = Math.max(1, fleet.fleet.MaxSessionsPerInstance ?? 1);
      const desiredSessions = desiredAt(fleet, t);
      const desired = Math.ceil(desiredSessions / perInstance);
      const running = Math.min(desired, cap);
      const actual = Math.min(desiredSessions, running * perInstance);
      const active = Math.min(demand, actual);
      // Sessions are packed onto as few instances as possible.
      const inUse = Math.ceil(active / perInstance);
      return {
        desired,
        running,
        pending: desired - running,
        inUse,
        available: running - inUse,
        rejected: refused(fleet, t, demand - active),
        userSessions: {
          desired: desiredSessions,
          actual,
          active,
          available: actual - active,
          pending: desiredSessions - actual,
        },
      };
    }
  }
}

/** The ComputeCapacityStatus DescribeFleets shows for a capacity (zeros for a stopped fleet). */
export function capacityStatus(
  fleet: SimAppFleet,
  capacity: AppFleetCapacity | undefined,
): ComputeCapacityStatus {
  const stoppedDesired =
    fleet.sessionModel === 'multi'
      ? Math.ceil(fleet.plan.workHoursDesired / Math.max(1, fleet.fleet.MaxSessionsPerInstance ?? 1))
      : fleet.sessionModel === 'elastic'
        ? 0
        : fleet.plan.workHoursDesired;
  const status: ComputeCapacityStatus = {
    Desired: capacity?.desired ?? stoppedDesired,
    Running: capacity?.running ?? 0,
    InUse: capacity?.inUse ?? 0,
    Available: capacity?.available ?? 0,
  };
  if (fleet.sessionModel !== 'multi') return status;
  const sessions = capacity?.userSessions;
  return {
    ...status,
    DesiredUserSessions: sessions?.desired ?? fleet.plan.workHoursDesired,
    AvailableUserSessions: sessions?.available ?? 0,
    ActiveUserSessions: sessions?.active ?? 0,
    ActualUserSessions: sessions?.actual ?? 0,
    Draining: 0,
    DrainModeActiveUserSessions: 0,
    DrainModeUnusedUserSessions: 0,
  };
}
