import type { IdleContributor, IdleResource } from '@workspaces-euc-mcp/host';
import { readPoolMetric, recentDaysWindow } from '../aws/metrics.js';
import { listPools } from '../aws/workspaces.js';
import { POOLS_SERVICE } from '../end-of-support.js';
import { idleReason, judgeIdle, screenForIdle } from '../idle.js';

/**
 * RUNNING pools nobody used for `idleDays`: one DescribeWorkspacesPools scan, then one batched
 * GetMetricData (daily Maximum of UserSessionsCapacityUtilization) for the pools that are running
 * with instances, empty now and older than the window. STOPPED pools are not idle spend. No
 * monthly cost is given: pricing a pool needs the Price List (get_euc_service_prices), a tier-1 read.
 */
export const poolsIdle: IdleContributor = {
  id: 'pools.idle',
  service: POOLS_SERVICE,
  iam: ['workspaces:DescribeWorkspacesPools', 'cloudwatch:GetMetricData'],
  async collect(ctx, scope, options) {
    const window = recentDaysWindow(ctx.now(), options.idleDays);
    const candidates = (await listPools(ctx, scope)).filter(
      (pool) => pool.PoolId && screenForIdle(pool, window.start).kind === 'candidate',
    );
    const series = await readPoolMetric(
      ctx,
      scope,
      candidates.map((pool) => pool.PoolId ?? ''),
      'UserSessionsCapacityUtilization',
      'Maximum',
      window,
    );
    const idle: IdleResource[] = [];
    candidates.forEach((pool) => {
      const found = series.get(pool.PoolId ?? '');
      const verdict = found ? judgeIdle(found, window, options.idleDays) : undefined;
      if (verdict?.kind !== 'idle') return;
      idle.push({
        id: pool.PoolId ?? '',
        resourceType: 'Pool',
        reason: idleReason(pool, verdict.idleDays),
        idleDays: verdict.idleDays,
      });
    });
    return idle;
  },
};
