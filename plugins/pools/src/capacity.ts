/**
 * What a pool's CapacityStatus and its InsufficientCapacityError metric say about whether users
 * get a session. CapacityStatus: Desired (what the admin asked for), Actual (sessions the running
 * instances can host), Active (in use), Available (Actual − Active). InsufficientCapacityError
 * counts session requests turned away for lack of capacity (WorkSpaces Pools admin guide,
 * "WorkSpaces Pools metrics and dimensions"; the guide suggests alarming on it).
 */
import type { WorkspacesPool, WorkspacesPoolState } from '@aws-sdk/client-workspaces';
import { type MetricSeries, seriesFailure } from '@workspaces-euc-mcp/host';

/** True when the pool's state means it hosts sessions now. */
export function isServing(state: WorkspacesPoolState | undefined): boolean {
  switch (state) {
    case 'RUNNING':
    // An update replaces instances in the background; the pool keeps serving sessions.
    case 'UPDATING':
      return true;
    case 'CREATING':
    case 'STARTING':
    case 'STOPPING':
    case 'STOPPED':
    case 'DELETING':
    case undefined:
      return false;
  }
}

/** The four numbers of CapacityStatus, zero when absent. */
export interface Capacity {
  readonly desired: number;
  readonly actual: number;
  readonly active: number;
  readonly available: number;
}

export function capacityOf(pool: WorkspacesPool): Capacity {
  const status = pool.CapacityStatus;
  return {
    desired: status?.DesiredUserSessions ?? 0,
    actual: status?.ActualUserSessions ?? 0,
    active: status?.ActiveUserSessions ?? 0,
    available: status?.AvailableUserSessions ?? 0,
  };
}

/** The capacity judgement of one serving pool. */
export interface CapacityVerdict {
  /** No session is free: the next user who asks is turned away. */
  readonly exhausted: boolean;
  /** Fewer sessions than the admin asked for are running. */
  readonly belowDesired: boolean;
  /** Not one session can be hosted although some are desired. */
  readonly noCapacity: boolean;
}

/**
 * Exhausted = Available 0 and Active ≥ Actual; below desired = Actual < Desired. Only a serving
 * pool is judged (a stopped or starting pool has no capacity by design), and a pool whose desired
 * sessions are 0 was scaled to nothing on purpose.
 */
export function judgeCapacity(pool: WorkspacesPool): CapacityVerdict {
  const { desired, actual, active, available } = capacityOf(pool);
  if (!isServing(pool.State) || desired === 0)
    return { exhausted: false, belowDesired: false, noCapacity: false };
  return {
    exhausted: available === 0 && active >= actual,
    belowDesired: actual < desired,
    noCapacity: actual === 0,
  };
}

/** Session requests turned away in a window. */
export interface Rejections {
  readonly total: number;
  /** The worst period and its count. */
  readonly peak: number;
  readonly peakAt: Date;
}

/** Sums an InsufficientCapacityError series; undefined when nothing was rejected. */
export function rejectionsOf(series: MetricSeries | undefined): Rejections | undefined {
  if (!series || seriesFailure(series)) return undefined;
  let total = 0;
  let peak = 0;
  let peakAt: Date | undefined;
  series.values.forEach((value, i) => {
    total += value;
    const at = series.timestamps[i];
    if (value > peak && at) {
      peak = value;
      peakAt = at;
    }
  });
  return total > 0 && peakAt ? { total, peak, peakAt } : undefined;
}
