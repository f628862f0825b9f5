import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import { type InventoryContributor, type InventoryRow, tally } from '@workspaces-euc-mcp/host';
import { listPools } from '../aws/workspaces.js';
import { capacityOf } from '../capacity.js';
import { POOLS_END_OF_SUPPORT, POOLS_SERVICE } from '../end-of-support.js';

/** One inventory row per pool: scalar attributes so the report exports to CSV. */
export function poolRow(pool: WorkspacesPool): InventoryRow {
  const { desired, actual, active, available } = capacityOf(pool);
  const errors = pool.Errors ?? [];
  return {
    id: pool.PoolId ?? '',
    ...(pool.PoolName ? { name: pool.PoolName } : {}),
    state: pool.State ?? 'UNKNOWN',
    attributes: {
      runningMode: pool.RunningMode ?? null,
      bundleId: pool.BundleId ?? null,
      directoryId: pool.DirectoryId ?? null,
      desiredUserSessions: desired,
      actualUserSessions: actual,
      activeUserSessions: active,
      availableUserSessions: available,
      errorCount: errors.length,
      errorCodes: errors.length > 0 ? errors.map((e) => e.ErrorCode ?? 'UNKNOWN').join('+') : null,
      applicationSettings: pool.ApplicationSettings?.Status ?? null,
      disconnectTimeoutSeconds: pool.TimeoutSettings?.DisconnectTimeoutInSeconds ?? null,
      idleDisconnectTimeoutSeconds: pool.TimeoutSettings?.IdleDisconnectTimeoutInSeconds ?? null,
      maxUserDurationSeconds: pool.TimeoutSettings?.MaxUserDurationInSeconds ?? null,
      createdAt: pool.CreatedAt?.toISOString() ?? null,
      description: pool.Description ?? null,
      endOfSupport: POOLS_END_OF_SUPPORT,
    },
  };
}

/**
 * Pools for the cross-service inventory tools: counts by state, running mode, directory, bundle
 * and error code, and the user sessions summed from each pool's CapacityStatus (so "how many users
 * are on Pools now" needs no per-pool DescribeWorkspacesPoolSessions call). Tags are not included:
 * they need one DescribeTags call per pool.
 */
export const poolsInventory: InventoryContributor = {
  id: 'pools.pools',
  service: POOLS_SERVICE,
  resourceType: 'Pool',
  iam: ['workspaces:DescribeWorkspacesPools'],
  async collect(ctx, scope) {
    const pools = await listPools(ctx, scope);
    const byState: Record<string, number> = {};
    const runningMode: Record<string, number> = {};
    const directory: Record<string, number> = {};
    const bundle: Record<string, number> = {};
    const errorCode: Record<string, number> = {};
    const userSessions: Record<string, number> = { desired: 0, actual: 0, active: 0, available: 0 };
    for (const pool of pools) {
      tally(byState, pool.State ?? 'UNKNOWN');
      tally(runningMode, pool.RunningMode ?? 'UNKNOWN');
      tally(directory, pool.DirectoryId ?? 'UNKNOWN');
      tally(bundle, pool.BundleId ?? 'UNKNOWN');
      for (const error of pool.Errors ?? []) tally(errorCode, error.ErrorCode ?? 'UNKNOWN');
      const capacity = capacityOf(pool);
      for (const key of ['desired', 'actual', 'active', 'available'] as const)
        tally(userSessions, key, capacity[key]);
    }
    // A dimension with nothing in it (no pool has an error, or the region has no pool) is left out.
    const breakdowns = Object.fromEntries(
      Object.entries({ runningMode, directory, bundle, errorCode }).filter(
        ([, counts]) => Object.keys(counts).length > 0,
      ),
    );
    return {
      byState,
      breakdowns: pools.length > 0 ? { ...breakdowns, userSessions } : breakdowns,
      rows: pools.map(poolRow),
    };
  },
};
