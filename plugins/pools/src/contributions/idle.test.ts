import {
  type CollectedIdle,
  contributionProbe,
  createTestHost,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { POOL, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

describe('pools idle contributor', () => {
  it('lists RUNNING pools nobody used in the window, saying what each running mode pays for', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.errors).toEqual([]);
    expect(result.idle.map((i) => `${i.id} ${i.idleDays}`).sort()).toEqual([
      `${POOL.financeIdle} 30`,
      `${POOL.labIdle} 30`,
    ]);
    const reason = (id: string) => String(result.idle.find((i) => i.id === id)?.reason);
    expect(reason(POOL.financeIdle)).toContain('Pool finance-idle is RUNNING with 40 sessions of capacity');
    expect(reason(POOL.financeIdle)).toContain('ALWAYS_ON bills every running instance');
    expect(reason(POOL.financeIdle)).toContain('paying for idle capacity');
    expect(reason(POOL.labIdle)).toContain('AUTO_STOP bills the lower stopped-instance hourly fee');
    for (const item of result.idle) {
      expect(item.resourceType).toBe('Pool');
      expect(item.reason).toContain('end of support: 2027-12-31');
    }
  });

  it('does not list stopped, busy, recently used, recently started, new or instance-less pools', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    const listed = new Set(result.idle.map((i) => i.id));
    for (const id of [
      POOL.stopped,
      POOL.callCentre,
      POOL.openIpGroup,
      POOL.recentlyStarted,
      POOL.brandNew,
      POOL.secretError,
      POOL.updating,
      POOL.creating,
    ])
      expect(listed.has(id), id).toBe(false);
  });

  it('a one-day window lists the pools whose last session is older than a day, new ones included', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 1 });
    expect(result.idle.map((i) => i.id).sort()).toEqual(
      [POOL.financeIdle, POOL.labIdle, POOL.openIpGroup, POOL.recentlyStarted, POOL.brandNew].sort(),
    );
  });

  it('reads metrics only for the candidates, in one GetMetricData call, and none where there are no pools', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(host.simulator.countsByAction()).toEqual({
      'workspaces:DescribeWorkspacesPools': 2,
      'cloudwatch:GetMetricData': 1,
    });
  });

  it('unread metrics are an error, never a verdict of idle', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.idle).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ contributor: 'pools.idle', region: REGION, code: 'AccessDeniedException' }),
    ]);
  });

  it('in a generated estate, exactly the pools the simulator left without demand for weeks are idle', async () => {
    const estate = generateEstate({ seed: 21, desktops: 0, pools: 40, regions: ['us-east-1'] });
    const windowStart = Math.floor(estate.settings.now.getTime() / 86_400_000) * 86_400_000 - 30 * 86_400_000;
    const expected = estate.pools.pools
      .filter((p) => p.role === 'idle' && (p.pool.CreatedAt?.getTime() ?? 0) <= windowStart)
      .map((p) => p.pool.PoolId)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.idle.map((i) => i.id).sort()).toEqual(expected);
  });
});
