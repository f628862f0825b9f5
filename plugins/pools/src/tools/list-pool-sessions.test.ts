import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { EMPTY_REGION, giveSessions, POOL, poolIn, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import type { listPoolSessionsTool } from './list-pool-sessions.js';

type Sessions = ToolOutput<typeof listPoolSessionsTool>;
const TOOL = 'list_pool_sessions';

/** 20 sessions on call-centre (10.20.1.x) and 2 on the updating kiosk pool (10.20.2.x). */
function estate() {
  const e = smallEstate();
  giveSessions(poolIn(e, POOL.callCentre), 20, 1);
  giveSessions(poolIn(e, POOL.updating), 2, 2);
  return e;
}

describe('list_pool_sessions', () => {
  it('lists every live session of the estate, reading only pools with active sessions', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const result = await invokeOk<Sessions>(host, TOOL, {});
    expect(result).toMatchObject({ matched: 22, connected: 18, notConnected: 4, poolsRead: 3 });
    expect(result.byPool).toEqual([
      { poolId: POOL.callCentre, name: 'call-centre', sessions: 20 },
      { poolId: POOL.updating, name: 'kiosk', sessions: 2 },
    ]);
    const read = host.requests
      .filter((r) => r.action === 'workspaces:DescribeWorkspacesPoolSessions')
      .map((r) => r.input.PoolId)
      .sort();
    // training (subnetShort) reports 1 active session, so it is read too; idle and stopped pools are not.
    expect(read).toEqual([POOL.callCentre, POOL.subnetShort, POOL.updating].sort());
    expect(result.rows[0]).toEqual({
      sessionId: '00000001-0000-4000-8000-000000000000',
      user: 'user01@example.com',
      state: 'CONNECTED',
      ip: '10.20.1.10',
      ageMinutes: 7,
      poolId: POOL.callCentre,
      account: '111122223333',
      region: 'us-east-1',
    });
  });

  it('filters by part of the user id, connection state, IP prefix and CIDR', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const count = async (input: Record<string, unknown>) =>
      (await invokeOk<Sessions>(host, TOOL, input)).matched;
    expect(await count({ user: 'USER0' })).toBe(11);
    expect(await count({ connected: false })).toBe(4);
    expect(await count({ ip: '10.20.2.' })).toBe(2);
    expect(await count({ ip: '10.20.1.0/28' })).toBe(6);
    expect(await count({ ip: '10.20.1.12' })).toBe(1);
    expect(await count({ pool: 'kiosk', user: 'user02' })).toBe(1);
  });

  it('pages with a cursor bound to the filters', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate(), limits: { pageSize: 15 } });
    const first = await invokeOk<Sessions>(host, TOOL, {});
    expect(first.rows).toHaveLength(15);
    expect(first.summary).toContain('Showing 1–15; pass nextCursor for more.');
    const second = await invokeOk<Sessions>(host, TOOL, { cursor: first.nextCursor });
    expect(second.rows).toHaveLength(7);
    expect(second.nextCursor).toBeUndefined();
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.sessionId));
    expect(ids.size).toBe(22);
    const mismatched = await host.invoke(TOOL, { cursor: first.nextCursor, connected: true });
    expect(mismatched.ok).toBe(false);
  });

  it('a region that cannot be listed and a pool whose sessions are throttled are errors; the rest answers', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspacesPools',
            region: EMPTY_REGION,
            code: 'AccessDeniedException',
          },
          {
            service: 'workspaces',
            operation: 'DescribeWorkspacesPoolSessions',
            code: 'ThrottlingException',
            when: (input) => input.PoolId === POOL.updating,
          },
        ],
      },
    });
    const result = await invokeOk<Sessions>(host, TOOL, {});
    expect(result.matched).toBe(20);
    expect(result.errors).toEqual([
      expect.objectContaining({ region: EMPTY_REGION, code: 'AccessDeniedException' }),
      expect.objectContaining({ region: 'us-east-1', code: 'ThrottlingException' }),
    ]);
    expect(result.errors[1]?.message).toContain(`sessions of ${POOL.updating}`);
  });

  it('stays within the answer budget at 10,000 desktops: one page, counts for the rest', async () => {
    const big = generateEstate({ seed: 7, desktops: 10_000 });
    const live = big.pools.pools
      .filter((p) => ['RUNNING', 'UPDATING'].includes(p.pool.State ?? ''))
      .reduce((n, p) => n + p.sessions.length, 0);
    const host = await createTestHost({ plugins: [plugin], estate: big });
    const result = await invokeOk<Sessions>(host, TOOL, {});
    expect(result.matched).toBe(live);
    expect(live).toBeGreaterThan(500);
    expect(result.rows).toHaveLength(30);
    expect(result.nextCursor).toBeDefined();
    expect(result.byPool).toHaveLength(10);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  }, 120_000);
});
