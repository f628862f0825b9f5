import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, type Estate, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import type { getPoolSessionHistory } from './get-pool-session-history.js';

type History = ToolOutput<typeof getPoolSessionHistory>;
const TOOL = 'get_pool_session_history';

/** The generated estate: an exhausted pool (us-east-1), an idle ALWAYS_ON one (eu-west-1), a stopped one. */
const estate = () => generateEstate({ seed: 42, desktops: 300 });
function poolOf(e: Estate, role: string) {
  const found = e.pools.pools.find((p) => p.role === role);
  if (!found?.pool.PoolId) throw new Error(`no ${role} pool`);
  return found;
}

describe('get_pool_session_history', () => {
  it('a busy pool: live sessions now, full at its peak, users turned away', async () => {
    const e = estate();
    const busy = poolOf(e, 'exhausted');
    const host = await createTestHost({ plugins: [plugin], estate: e });
    const result = await invokeOk<History>(host, TOOL, { pool: busy.pool.PoolId });
    const notConnected = busy.sessions.filter((s) => s.ConnectionState === 'NOT_CONNECTED').length;
    expect(result.live).toMatchObject({ total: busy.sessions.length, notConnected });
    expect(result.live?.sessions).toHaveLength(10);
    expect(result.history?.activePeak).toBe(busy.pool.CapacityStatus?.DesiredUserSessions);
    expect(result.history?.utilizationPeak).toBe(100);
    expect(result.history?.rejected).toBeGreaterThan(0);
    expect(result.summary).toContain(`${busy.sessions.length} live session(s)`);
    expect(result.summary).toContain('session request(s) turned away');
    expect(result.notes[0]).toContain('2027-12-31');
    expect(result.errors).toEqual([]);
  });

  it('an idle ALWAYS_ON pool: every running session-hour of the week was idle', async () => {
    const e = estate();
    const idle = poolOf(e, 'idle');
    const actual = idle.pool.CapacityStatus?.ActualUserSessions ?? 0;
    const host = await createTestHost({ plugins: [plugin], estate: e });
    const result = await invokeOk<History>(host, TOOL, { pool: idle.pool.PoolName, lookbackDays: 7 });
    expect(result.history).toMatchObject({
      activePeak: 0,
      actualPeak: actual,
      idlePercent: 100,
      // 7 days × 24 h × the sessions it keeps running.
      idleSessionHours: 7 * 24 * actual,
    });
    expect(result.summary).toContain(`idle pool capacity: no session in 7 day(s) while up to ${actual} ran`);
  });

  it('a stopped pool has no datapoints and no live sessions, said plainly, and reads no sessions', async () => {
    const e = estate();
    const host = await createTestHost({ plugins: [plugin], estate: e });
    const result = await invokeOk<History>(host, TOOL, {
      pool: poolOf(e, 'stopped').pool.PoolId,
      lookbackDays: 2,
    });
    expect(result.series).toEqual([]);
    expect(result.live?.total).toBe(0);
    expect(result.summary).toContain('no capacity datapoints in 2 day(s)');
    expect(host.requests.map((r) => r.action)).not.toContain('workspaces:DescribeWorkspacesPoolSessions');
  });

  it('keeps at most 60 rows: 90 days by the hour become 36-hour periods, with a note', async () => {
    const e = estate();
    const host = await createTestHost({ plugins: [plugin], estate: e });
    const result = await invokeOk<History>(host, TOOL, {
      pool: poolOf(e, 'exhausted').pool.PoolId,
      lookbackDays: 90,
      periodHours: 1,
    });
    expect(result.periodHours).toBe(36);
    expect(result.series.length).toBeLessThanOrEqual(61);
    expect(result.notes).toContain('periodHours raised from 1 to 36 so 90 day(s) fit in at most 60 rows.');
  });

  it('when the sessions cannot be read the history still answers, and the failure is in errors', async () => {
    const e = estate();
    const host = await createTestHost({
      plugins: [plugin],
      estate: e,
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'DescribeWorkspacesPoolSessions', code: 'ThrottlingException' },
        ],
      },
    });
    const result = await invokeOk<History>(host, TOOL, { pool: poolOf(e, 'exhausted').pool.PoolId });
    expect(result.live).toBeUndefined();
    expect(result.history?.activePeak).toBeGreaterThan(0);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'ThrottlingException' })]);
    expect(result.summary).toContain('live sessions unreadable');
  });
});
