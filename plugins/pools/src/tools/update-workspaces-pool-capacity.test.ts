import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { giveSessions, mutating, POOL, poolIn, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

const TOOL = 'update_workspaces_pool_capacity';
const options = { plugins: [plugin], enableWrites: true };

function busyEstate() {
  const estate = smallEstate();
  giveSessions(poolIn(estate, POOL.callCentre), 20);
  return estate;
}

describe('update_workspaces_pool_capacity', () => {
  it('the plan shows current → new and sends no change', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      desiredUserSessions: 30,
    });
    expect(result.status).toBe('planned');
    expect(result.targets[0]).toMatchObject({
      action: 'set DesiredUserSessions 20 → 30',
      current: 'RUNNING',
      detail: { desired: 20, newDesired: 30, active: 20, sessionsOverNewCapacity: 0 },
    });
    expect(mutating(host.requests)).toEqual([]);
  });

  it('lowering below the sessions in use says which stay and that new users are turned away', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      desiredUserSessions: 12,
    });
    expect(result.targets[0]?.detail).toMatchObject({ sessionsOverNewCapacity: 8 });
    expect(result.warnings[0]).toContain('8 stay until their users leave (scale-in ends no session)');
  });

  it('refuses a change bigger than the blast-radius cap and proposes the first step', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      desiredUserSessions: 60,
    });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toBe(
      'refused: a change of 40 sessions (one instance each), over the blast-radius cap of 25 (limits.maxBulkTargets). Change it in steps: first to 45, check with diagnose_pool, then again.',
    );
    expect(mutating(host.requests)).toEqual([]);
  });

  it('applies with confirm: AWS takes the new desired capacity', async () => {
    const estate = busyEstate();
    const host = await createTestHost({ ...options, estate });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      pool: 'call-centre',
      desiredUserSessions: 30,
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(
      host.requests.filter((r) => r.action === 'workspaces:UpdateWorkspacesPool').map((r) => r.input),
    ).toEqual([{ PoolId: POOL.callCentre, Capacity: { DesiredUserSessions: 30 } }]);
    expect(poolIn(estate, POOL.callCentre).pool.CapacityStatus?.DesiredUserSessions).toBe(30);
    expect(result.targets[0]?.message).toContain('DesiredUserSessions 30');
  });

  it('a stopped pool takes the change for its next start; an updating one is skipped; no change is nothing to do', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const stopped = await invokeOk<WriteOutcome>(host, TOOL, { pool: POOL.stopped, desiredUserSessions: 90 });
    expect(stopped.status).toBe('planned');
    expect(stopped.warnings).toContain('The pool is STOPPED: the new capacity applies when it starts.');
    const updating = await invokeOk<WriteOutcome>(host, TOOL, {
      pool: POOL.updating,
      desiredUserSessions: 20,
    });
    expect(updating.targets[0]?.message).toContain(
      'UPDATING: AWS refuses an update while a change is in progress',
    );
    const same = await invokeOk<WriteOutcome>(host, TOOL, { pool: POOL.callCentre, desiredUserSessions: 20 });
    expect(same.targets[0]?.message).toBe('already 20 desired sessions: nothing to change.');
  });

  it('raising a pool held back by an error warns that it will not help', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      pool: POOL.subnetShort,
      desiredUserSessions: 15,
    });
    expect(result.warnings.join(' ')).toContain(
      'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES: capacity stays below desired',
    );
  });

  it('a negative capacity is invalid input, refused before any AWS call', async () => {
    const host = await createTestHost({ ...options, estate: busyEstate() });
    const result = await host.invoke(TOOL, { pool: POOL.callCentre, desiredUserSessions: -1 });
    expect(result.ok).toBe(false);
    expect(host.requests).toEqual([]);
  });
});
