/**
 * Which pool writes are legal in which state (WorkSpaces API reference and the WorkSpaces Pools
 * admin guide): StartWorkspacesPool only from STOPPED; StopWorkspacesPool from RUNNING (the API
 * page lists AVAILABLE/IMPAIRED/UNHEALTHY/ERROR, WorkSpace states copied from StopWorkspaces; a
 * pool stops from RUNNING, and an AlwaysOn pool must be able to stop, since the running mode can
 * only be switched while stopped); UpdateWorkspacesPool while RUNNING or STOPPED. A pool in
 * CREATING, STARTING, STOPPING, UPDATING or DELETING answers OperationInProgressException.
 */
import type { WorkspacesPool, WorkspacesPoolState } from '@aws-sdk/client-workspaces';
import type { PlannedTarget, Scope } from '@workspaces-euc-mcp/host';
import { capacityOf } from './capacity.js';

/** Why a pool in this state cannot be started now, or undefined when it can. */
export function startSkip(state: WorkspacesPoolState | undefined): string | undefined {
  switch (state) {
    case 'STOPPED':
      return undefined;
    case 'RUNNING':
    case 'UPDATING':
      return `already ${state}: nothing to start.`;
    case 'STARTING':
      return 'already STARTING.';
    case 'CREATING':
      return 'still CREATING: it starts by itself when created.';
    case 'STOPPING':
      return 'STOPPING: start it once it is STOPPED.';
    case 'DELETING':
      return 'being DELETED.';
    case undefined:
      return 'its state is unknown.';
  }
}

/** Why a pool in this state cannot be stopped now, or undefined when it can. */
export function stopSkip(state: WorkspacesPoolState | undefined): string | undefined {
  switch (state) {
    case 'RUNNING':
      return undefined;
    case 'STOPPED':
    case 'STOPPING':
      return `already ${state}: nothing to stop.`;
    case 'STARTING':
    case 'CREATING':
    case 'UPDATING':
      return `${state}: AWS refuses a stop while a change is in progress; stop it once it is RUNNING.`;
    case 'DELETING':
      return 'being DELETED.';
    case undefined:
      return 'its state is unknown.';
  }
}

/** Why a pool in this state cannot have its capacity changed now, or undefined when it can. */
export function updateSkip(state: WorkspacesPoolState | undefined): string | undefined {
  switch (state) {
    case 'RUNNING':
    case 'STOPPED':
      return undefined;
    case 'STARTING':
    case 'CREATING':
    case 'STOPPING':
    case 'UPDATING':
      return `${state}: AWS refuses an update while a change is in progress; retry once it is RUNNING or STOPPED.`;
    case 'DELETING':
      return 'being DELETED.';
    case undefined:
      return 'its state is unknown.';
  }
}

/**
 * The blast-radius rule of pool writes: the cap (`limits.maxBulkTargets`) bounds the user
 * sessions one write may affect. A capacity change of N sessions launches or releases N
 * instances, and a stop ends every live session, so each is one target to the admin's eye even
 * though it is one API call; above the cap the write is refused (the plan says why and how).
 */
export function blastRadiusSkip(
  affected: number,
  cap: number,
  what: (n: number) => string,
  howToSplit: string,
): string | undefined {
  return affected > cap
    ? `refused: ${what(affected)}, over the blast-radius cap of ${cap} (limits.maxBulkTargets). ${howToSplit}`
    : undefined;
}

/** The detail every pool write plan shows for its pool. */
export function poolDetail(pool: WorkspacesPool, scope: Scope): Record<string, string | number | null> {
  const { desired, actual, active } = capacityOf(pool);
  return {
    name: pool.PoolName ?? null,
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    runningMode: pool.RunningMode ?? null,
    desired,
    actual,
    active,
  };
}

/** A planned target for one pool. */
export function poolTarget(
  pool: WorkspacesPool,
  scope: Scope,
  action: string,
  skip: string | undefined,
  extra: Record<string, string | number | null> = {},
): PlannedTarget {
  return {
    id: pool.PoolId ?? '',
    action,
    current: pool.State ?? 'UNKNOWN',
    ...(skip ? { skip } : {}),
    detail: { ...poolDetail(pool, scope), ...extra },
  };
}
