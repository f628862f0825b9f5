import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { giveSessions, mutating, POOL, poolIn, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

const TOOL = 'terminate_pool_session';
const options = { plugins: [plugin], enableWrites: true };

function busyEstate() {
  const estate = smallEstate();
  const ids = giveSessions(poolIn(estate, POOL.callCentre), 20);
  return { estate, ids };
}

describe('terminate_pool_session', () => {
  it('the plan shows each session’s user, state, IP and age, skips unknown ids, and sends no change', async () => {
    const { estate, ids } = busyEstate();
    const host = await createTestHost({ ...options, estate });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      sessionIds: [ids[4], 'not-a-live-session'],
    });
    expect(result).toMatchObject({ status: 'planned', counts: { actionable: 1, skipped: 1 } });
    expect(result.targets[0]).toMatchObject({
      id: ids[4],
      current: 'NOT_CONNECTED',
      detail: { user: 'user05@example.com', ip: '10.20.1.14', ageMinutes: 35 },
    });
    expect(result.targets[1]?.message).toContain('has no live session not-a-live-session');
    expect(result.warnings[0]).toContain('unsaved work is lost');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('terminates with confirm: the sessions are gone and their capacity is free', async () => {
    const { estate, ids } = busyEstate();
    const host = await createTestHost({ ...options, estate });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      sessionIds: [ids[0], ids[1]],
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2 } });
    const pool = poolIn(estate, POOL.callCentre);
    expect(pool.sessions).toHaveLength(18);
    expect(pool.pool.CapacityStatus).toMatchObject({ ActiveUserSessions: 18, AvailableUserSessions: 2 });
  });

  it('more sessions than the blast-radius cap get no planId, and a confirmed call is refused by the gate', async () => {
    const { estate, ids } = busyEstate();
    const host = await createTestHost({ ...options, estate, limits: { maxBulkTargets: 5 } });
    const input = { pool: POOL.callCentre, sessionIds: ids.slice(0, 6) };
    const plan = await invokeOk<WriteOutcome>(host, TOOL, input);
    expect(plan).toMatchObject({ status: 'planned', withinBulkCap: false });
    expect(plan.planId).toBeUndefined();
    const result = await invokeOk<WriteOutcome>(host, TOOL, { ...input, confirm: true });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'plan' } });
    expect(mutating(host.requests)).toEqual([]);
  });

  it('a session that ends between plan and apply fails alone', async () => {
    const { estate, ids } = busyEstate();
    const host = await createTestHost({
      ...options,
      estate,
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'TerminateWorkspacesPoolSession',
            code: 'ResourceNotFoundException',
            when: (input) => input.SessionId === ids[0],
          },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      pool: POOL.callCentre,
      sessionIds: [ids[0], ids[1]],
    });
    expect(result.status).toBe('partially-applied');
    expect(result.targets.find((t) => t.id === ids[0])).toMatchObject({
      status: 'failed',
      code: 'ResourceNotFoundException',
    });
  });
});
