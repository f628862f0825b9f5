import type { FindingsContributor } from '@workspaces-euc-mcp/host';
import { POOLS_CHECKS } from '../audit/checks.js';
import {
  endOfSupportFinding,
  poolAccessFindings,
  poolHealthFindings,
  rejectedSessionsFinding,
} from '../audit/judgement.js';
import { readPoolMetric, recentHoursWindow } from '../aws/metrics.js';
import { listDirectories, listIpGroups, listPools } from '../aws/workspaces.js';
import { rejectionsOf } from '../capacity.js';
import { POOLS_SERVICE } from '../end-of-support.js';

/*
 * Three contributors rather than one, so that a denied or failing read (CloudWatch, or the
 * directory and IP-group calls) becomes one entry in the audit's errors while the findings the
 * other reads support still arrive. They share the pool list through ctx.memo: one scan.
 */

/** Errors, capacity, timeouts and the end-of-support notice: DescribeWorkspacesPools only. */
export const poolsHealthContributor: FindingsContributor = {
  id: 'pools.health',
  service: POOLS_SERVICE,
  iam: ['workspaces:DescribeWorkspacesPools'],
  checks: POOLS_CHECKS,
  async collect(ctx, scope) {
    const pools = await listPools(ctx, scope);
    return [...endOfSupportFinding(pools, scope.region, ctx.now()), ...poolHealthFindings(pools)];
  },
};

/**
 * A day of InsufficientCapacityError, hour by hour: long enough to include the last working day
 * wherever the users are, short enough to be about now.
 */
export const REJECTION_WINDOW_HOURS = 24;

/** Session requests turned away, from one batched GetMetricData over every pool. */
export const poolsRejectedSessionsContributor: FindingsContributor = {
  id: 'pools.rejected-sessions',
  service: POOLS_SERVICE,
  iam: ['workspaces:DescribeWorkspacesPools', 'cloudwatch:GetMetricData'],
  checks: POOLS_CHECKS,
  async collect(ctx, scope) {
    // A pool still being created has never served anyone; every other state may have in the window.
    const pools = (await listPools(ctx, scope)).filter((p) => p.State !== 'CREATING' && p.PoolId);
    const window = recentHoursWindow(ctx.now(), REJECTION_WINDOW_HOURS);
    const series = await readPoolMetric(
      ctx,
      scope,
      pools.map((pool) => pool.PoolId ?? ''),
      'InsufficientCapacityError',
      'Sum',
      window,
    );
    return pools.flatMap((pool) =>
      rejectedSessionsFinding(pool, rejectionsOf(series.get(pool.PoolId ?? '')), REJECTION_WINDOW_HOURS),
    );
  },
};

/**
 * IP access of each pool's directory, from the directory and IP group scans the personal plugin's
 * findings read too (one shared scan each, kept in the estate snapshot between questions).
 */
export const poolsAccessContributor: FindingsContributor = {
  id: 'pools.access',
  service: POOLS_SERVICE,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeIpGroups',
  ],
  checks: POOLS_CHECKS,
  async collect(ctx, scope) {
    const pools = (await listPools(ctx, scope)).filter((p) => p.State !== 'DELETING');
    const directoryIds = pools.flatMap((p) => (p.DirectoryId ? [p.DirectoryId] : []));
    if (directoryIds.length === 0) return [];
    const wanted = new Set(directoryIds);
    const directories = new Map(
      (await listDirectories(ctx, scope)).flatMap((d) =>
        d.DirectoryId && wanted.has(d.DirectoryId) ? [[d.DirectoryId, d] as const] : [],
      ),
    );
    const groupIds = new Set([...directories.values()].flatMap((d) => d.ipGroupIds ?? []));
    const groups = new Map(
      groupIds.size > 0
        ? (await listIpGroups(ctx, scope)).flatMap((g) =>
            g.groupId && groupIds.has(g.groupId) ? [[g.groupId, g] as const] : [],
          )
        : [],
    );
    return poolAccessFindings(pools, directories, groups);
  },
};
