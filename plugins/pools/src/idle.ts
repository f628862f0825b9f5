/**
 * Which pools pay for capacity nobody uses. Billing (WorkSpaces Pools pricing, running modes
 * since 2025-05-15): an ALWAYS_ON pool bills every running instance by the hour whether or not a
 * user is connected; an AUTO_STOP pool bills the hourly usage fee only for instances with a user
 * and a lower stopped-instance hourly fee for the rest. A STOPPED pool has no running instances,
 * so it is not idle spend.
 */
import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { MetricSeries, MetricWindow } from '@workspaces-euc-mcp/host';
import { capacityOf } from './capacity.js';
import { POOLS_END_OF_SUPPORT } from './end-of-support.js';

const DAY_MS = 86_400_000;

/** Why a pool is, or is not, looked at for idleness before any metric is read. */
export type IdleScreen =
  | { readonly kind: 'candidate' }
  | { readonly kind: 'not-running' }
  | { readonly kind: 'no-instances' }
  | { readonly kind: 'in-use-now' }
  | { readonly kind: 'too-new' };

/**
 * A pool is a candidate when it is RUNNING with instances (Actual > 0), nobody is on it now, and
 * it already existed when the window began. Actual 0 bills nothing; a newer pool cannot have been
 * idle for the whole window.
 */
export function screenForIdle(pool: WorkspacesPool, windowStart: Date): IdleScreen {
  if (pool.State !== 'RUNNING') return { kind: 'not-running' };
  const { actual, active } = capacityOf(pool);
  if (actual === 0) return { kind: 'no-instances' };
  if (active > 0) return { kind: 'in-use-now' };
  if (!pool.CreatedAt || pool.CreatedAt.getTime() > windowStart.getTime()) return { kind: 'too-new' };
  return { kind: 'candidate' };
}

/** The verdict on a candidate from its daily UserSessionsCapacityUtilization Maximum. */
export type IdleVerdict =
  | { readonly kind: 'idle'; readonly idleDays: number }
  | { readonly kind: 'used'; readonly lastUsed: Date }
  /** It published no datapoint on the window's first day: it ran for only part of the window. */
  | { readonly kind: 'running-part-of-window' }
  | { readonly kind: 'no-data' };

/**
 * Idle = every daily Maximum of UserSessionsCapacityUtilization in the window is 0 and the series
 * starts on the window's first day. A pool publishes its capacity metrics only while it runs, so a
 * series that starts later belongs to a pool started (or created) during the window: it has not
 * paid for idle capacity for the whole window. idleDays is the window length, a lower bound: the
 * last use was before the window, which was not read.
 */
export function judgeIdle(series: MetricSeries, window: MetricWindow, idleDays: number): IdleVerdict {
  let lastUsed: Date | undefined;
  series.values.forEach((value, i) => {
    const at = series.timestamps[i];
    if (value > 0 && at && (!lastUsed || at > lastUsed)) lastUsed = at;
  });
  if (lastUsed) return { kind: 'used', lastUsed };
  const first = series.timestamps[0];
  if (!first) return { kind: 'no-data' };
  if (first.getTime() >= window.start.getTime() + DAY_MS) return { kind: 'running-part-of-window' };
  return { kind: 'idle', idleDays };
}

/** The reason an idle pool is listed, with what it pays for in its running mode. */
export function idleReason(pool: WorkspacesPool, idleDays: number): string {
  const { actual } = capacityOf(pool);
  const instances = `${actual} session${actual === 1 ? '' : 's'} of capacity`;
  const head = `Pool ${pool.PoolName ?? pool.PoolId ?? ''} is RUNNING with ${instances} and had no user session for at least ${idleDays} days (UserSessionsCapacityUtilization daily Maximum 0, none active now).`;
  const eos = ` WorkSpaces Pools end of support: ${POOLS_END_OF_SUPPORT}.`;
  switch (pool.RunningMode) {
    case 'ALWAYS_ON':
      return `${head} ALWAYS_ON bills every running instance by the hour whether or not anyone connects: this pool is paying for idle capacity. Stop it (StopWorkspacesPool) or lower its desired sessions; switch to AUTO_STOP while it is stopped.${eos}`;
    case 'AUTO_STOP':
      return `${head} AUTO_STOP bills the lower stopped-instance hourly fee for instances nobody uses; stopping the pool ends that.${eos}`;
    case undefined:
      return `${head} Stopping the pool ends its instance charges.${eos}`;
  }
}
