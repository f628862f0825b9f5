import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  EXTRA_STATE_POOL,
  extraStatePools,
  giveSessions,
  mutating,
  POOL,
  poolIn,
  smallEstate,
  smallPools,
} from '../__tests__/estate.js';
import plugin from '../index.js';

const TOOL = 'stop_workspaces_pool';
const options = { plugins: [plugin], enableWrites: true };

function busyEstate() {
  const estate = smallEstate([...smallPools(), ...extraStatePools()]);
  giveSessions(poolIn(estate, POOL.callCentre), 20);
  return estate;
}

describe('stop_workspaces_pool', () => {
  it('the plan counts and names the users a stop would cut off, and sends no change', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { pool: POOL.callCentre });
    expect(result.status).toBe('planned');
    expect(result.targets[0]?.detail).toMatchObject({ liveSessions: 20, connected: 16, active: 20 });
    expect(result.warnings[0]).toBe(
      'Stopping ends 20 live session(s) at once; unsaved work is lost: user01@example.com, user02@example.com, user03@example.com, user04@example.com, user05@example.com, user06@example.com, user07@example.com, user08@example.com, user09@example.com, user10@example.com and 10 more.',
    );
    expect(mutating(host.requests)).toEqual([]);
  });

  it('refuses a stop that would end more sessions than the blast-radius cap', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate(), limits: { maxBulkTargets: 10 } });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { pool: POOL.callCentre });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toBe(
      'refused: stopping would end 20 live sessions, over the blast-radius cap of 10 (limits.maxBulkTargets). Wait until fewer users are on it, end sessions with terminate_pool_session, or raise the cap.',
    );
    expect(mutating(host.requests)).toEqual([]);
  });

  it('only a RUNNING pool stops: every other state is skipped with the reason', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const reasons: Record<string, string> = {
      [POOL.stopped]: 'already STOPPED',
      [EXTRA_STATE_POOL.stopping]: 'already STOPPING',
      [POOL.updating]: 'UPDATING: AWS refuses a stop while a change is in progress',
      [EXTRA_STATE_POOL.starting]: 'STARTING: AWS refuses a stop',
      [POOL.creating]: 'CREATING: AWS refuses a stop',
      [EXTRA_STATE_POOL.deleting]: 'being DELETED',
    };
    for (const [pool, reason] of Object.entries(reasons)) {
      const result = await confirmOk<WriteOutcome>(host, TOOL, { pool });
      expect(result.targets[0]?.message, pool).toContain(reason);
    }
    expect(mutating(host.requests)).toEqual([]);
  });

  it('stops an idle ALWAYS_ON pool with confirm: STOPPED, no capacity left', async () => {
    const estate = busyEstate();
    const host = await createTestHost({ ...options, estate });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { pool: 'finance-idle' });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(host.requests)).toEqual(['workspaces:StopWorkspacesPool']);
    const stopped = poolIn(estate, POOL.financeIdle).pool;
    expect(stopped.State).toBe('STOPPED');
    expect(stopped.CapacityStatus?.ActualUserSessions).toBe(0);
  });

  it('when the sessions cannot be listed the plan falls back to CapacityStatus and says so', async () => {
    const host = await createTestHost({
      ...options,
      estate: busyEstate(),
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'DescribeWorkspacesPoolSessions', code: 'ThrottlingException' },
        ],
      },
    });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { pool: POOL.callCentre });
    expect(result.targets[0]?.detail).toMatchObject({ liveSessions: 20, connected: null });
    expect(result.warnings[0]).toContain('Could not list the live sessions');
  });
});
