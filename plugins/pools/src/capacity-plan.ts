/**
 * Right-sizing a pool's DesiredUserSessions from its hourly CloudWatch series. Each user session
 * of a pool is one instance (Pools are single-session), so the desired sessions are the instances
 * the pool keeps. The recommendation covers the busiest hour of the window plus a headroom:
 * sizing for the peak, not the average, is what keeps users from being turned away.
 *
 * Billing per instance (WorkSpaces Pools pricing, running modes since 2025-05-15): ALWAYS_ON bills
 * every running instance the hourly streaming rate whether used or not; AUTO_STOP bills instances
 * nobody uses the lower stopped-instance hourly fee. So one session of capacity more or less is
 * 730 instance-hours a month at the streaming rate (ALWAYS_ON) or the stopped fee (AUTO_STOP).
 */
import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { MetricSeries } from '@workspaces-euc-mcp/host';
import { capacityOf, isServing } from './capacity.js';

/** Hours in the month the prices assume (AWS's 730-hour month). */
export const HOURS_PER_MONTH = 730;

/** What the window's hourly series say. */
export interface UsageStats {
  /** Hours with a datapoint (the pool ran). */
  readonly hours: number;
  /** The busiest hour's Maximum of ActiveUserSessionCapacity. */
  readonly activePeak: number;
  /** Session requests turned away (InsufficientCapacityError sum; retries count again). */
  readonly rejected: number;
}

export function usageStats(activeMax: MetricSeries, rejectedSum: MetricSeries | undefined): UsageStats {
  return {
    hours: activeMax.values.length,
    activePeak: activeMax.values.reduce((m, v) => Math.max(m, v), 0),
    rejected: (rejectedSum?.values ?? []).reduce((sum, v) => sum + v, 0),
  };
}

export type CapacityVerdict = 'over' | 'under' | 'right' | 'blocked' | 'no-data' | 'not-running';

/** The judgement on one pool. */
export interface CapacityAdvice {
  readonly verdict: CapacityVerdict;
  readonly desired: number;
  /** The DesiredUserSessions to set; absent when there is nothing to change or no basis. */
  readonly recommended?: number;
  /** recommended − desired. */
  readonly delta?: number;
  readonly reason: string;
}

/**
 * over: the peak plus headroom is below desired → lower it to that. under: users were turned
 * away, or the peak used every desired session → raise it by the headroom (at least 1); the true
 * unmet demand is unknown because rejections count retries. blocked: errors hold Actual under
 * Desired, so changing Desired would not help. A stopped pool without data is not judged.
 */
export function adviseCapacity(
  pool: WorkspacesPool,
  stats: UsageStats | undefined,
  headroomPercent: number,
  days: number,
): CapacityAdvice {
  const { desired, actual } = capacityOf(pool);
  const factor = 1 + headroomPercent / 100;
  if (!stats || stats.hours === 0)
    return isServing(pool.State)
      ? { verdict: 'no-data', desired, reason: `no capacity datapoints in ${days} day(s): too new to judge.` }
      : {
          verdict: 'not-running',
          desired,
          reason: `${pool.State ?? 'UNKNOWN'} and no datapoints in ${days} day(s): nothing running to size.`,
        };
  if ((pool.Errors ?? []).length > 0 && actual < desired)
    return {
      verdict: 'blocked',
      desired,
      reason: `errors (${(pool.Errors ?? []).map((e) => e.ErrorCode).join(', ')}) hold capacity at ${actual}/${desired}: fix them first (diagnose_pool); changing Desired does not help.`,
    };
  const needed = Math.ceil(stats.activePeak * factor);
  if (stats.rejected > 0 || (stats.activePeak >= desired && desired > 0)) {
    const recommended = Math.max(needed, Math.ceil(desired * factor), desired + 1);
    return {
      verdict: 'under',
      desired,
      recommended,
      delta: recommended - desired,
      reason:
        stats.rejected > 0
          ? `${stats.rejected} session request(s) turned away; peak ${stats.activePeak} of ${desired} in use. Raise by the headroom and re-check after a busy week (rejections count retries, so unmet demand is uncertain).`
          : `the peak hour used all ${desired} sessions; raise by the headroom before users are turned away.`,
    };
  }
  if (needed < desired)
    return {
      verdict: 'over',
      desired,
      recommended: needed,
      delta: needed - desired,
      reason:
        stats.activePeak === 0
          ? `no session in ${days} day(s): stop the pool (stop_workspaces_pool) or set 0.`
          : `peak ${stats.activePeak} in use + ${headroomPercent}% headroom = ${needed} < ${desired} desired.`,
    };
  return {
    verdict: 'right',
    desired,
    reason: `peak ${stats.activePeak} in use + ${headroomPercent}% headroom fits ${desired} desired.`,
  };
}

/** Hourly rates of a pool's compute type, from the Price List. */
export interface PoolRates {
  readonly streamingHourly?: number;
  readonly stoppedHourly?: number;
}

/** Instance-hours a month the change adds (positive) or removes (negative). */
export function monthlyInstanceHours(delta: number): number {
  return delta * HOURS_PER_MONTH;
}

/** The monthly $ of the change in the pool's running mode, or undefined without the rate. */
export function monthlyUsd(
  delta: number,
  runningMode: string | undefined,
  rates: PoolRates | undefined,
): number | undefined {
  const rate = runningMode === 'ALWAYS_ON' ? rates?.streamingHourly : rates?.stoppedHourly;
  if (rate === undefined) return undefined;
  return Math.round(delta * HOURS_PER_MONTH * rate * 100) / 100;
}
