import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  CORP_DIR,
  EMPTY_REGION,
  EXTRA_STATE_POOL,
  extraStatePools,
  giveSessions,
  POOL,
  poolIn,
  REGION,
  smallEstate,
  smallPools,
} from '../__tests__/estate.js';
import plugin from '../index.js';
import type { diagnosePool } from './diagnose-pool.js';

type Diagnosis = ToolOutput<typeof diagnosePool>;
const TOOL = 'diagnose_pool';
const titles = (d: Diagnosis) => d.findings.map((f) => `${f.severity}: ${f.title}`);

describe('diagnose_pool', () => {
  it('a full pool that turned users away is unhealthy: exhausted, 60 rejections, disconnected sessions holding capacity', async () => {
    const estate = smallEstate();
    giveSessions(poolIn(estate, POOL.callCentre), 20);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { pool: POOL.callCentre });
    expect(result.status).toBe('unhealthy');
    expect(result.pool).toMatchObject({
      poolId: POOL.callCentre,
      name: 'call-centre',
      state: 'RUNNING',
      account: ACCOUNT,
      region: REGION,
      capacity: { desired: 20, actual: 20, active: 20, available: 0 },
    });
    // One rejection a minute from 09:00 to 10:00 UTC; the one 26 h ago is outside the 24 h window.
    expect(result.signals).toEqual({
      sessionsNow: { total: 20, connected: 16, notConnected: 4 },
      peakUtilizationPercent: 100,
      rejectedSessions: 60,
    });
    expect(titles(result)).toEqual([
      'critical: Session capacity exhausted',
      'critical: 60 session request(s) turned away in 24 h (InsufficientCapacityError)',
      `info: Directory ${CORP_DIR} is REGISTERED`,
      'info: Pool is RUNNING',
    ]);
    expect(result.findings[0]?.detail).toContain('4 of the sessions are NOT_CONNECTED');
    expect(result.notes[0]).toContain('2027-12-31');
    expect(result.errors).toEqual([]);
  });

  it('a pool found by name reports its error code with cause and fix, and no capacity at all', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { pool: 'CLAIMS' });
    expect(result.pool.poolId).toBe(POOL.secretError);
    expect(result.findings[0]).toMatchObject({
      severity: 'critical',
      title: 'Pool error DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND',
    });
    expect(result.findings[0]?.fix).toContain('Create the secret');
    expect(titles(result)).toContain('critical: No session capacity (0 of 10 desired)');
    expect(titles(result)).toContain('warning: Capacity below desired (0/10)');
    expect(titles(result)).not.toContain('critical: Session capacity exhausted');
  });

  it('judges a pool in every state; only a serving pool has its sessions read', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate([...smallPools(), ...extraStatePools()]),
    });
    const expected = [
      [POOL.callCentre, 'info: Pool is RUNNING'],
      [POOL.updating, 'info: Pool is UPDATING'],
      [EXTRA_STATE_POOL.starting, 'info: Pool is STARTING'],
      [POOL.creating, 'info: Pool is CREATING'],
      [EXTRA_STATE_POOL.stopping, 'info: Pool is STOPPING'],
      [POOL.stopped, 'warning: Pool is STOPPED: no user can get a session'],
      [EXTRA_STATE_POOL.deleting, 'warning: Pool is being DELETED'],
    ] as const;
    for (const [pool, finding] of expected) {
      const before = host.requests.length;
      const result = await invokeOk<Diagnosis>(host, TOOL, { pool });
      expect(titles(result), pool).toContain(finding);
      const sessionsRead = host.requests
        .slice(before)
        .some((r) => r.action === 'workspaces:DescribeWorkspacesPoolSessions');
      expect(sessionsRead, pool).toBe(pool === POOL.callCentre || pool === POOL.updating);
    }
  });

  it('a deregistered or missing directory is critical', async () => {
    const estate = smallEstate();
    const corp = estate.personal.directories.find((d) => d.directory.DirectoryId === CORP_DIR);
    if (!corp) throw new Error('no corp directory');
    corp.directory.State = 'DEREGISTERED';
    poolIn(estate, POOL.labIdle).pool.DirectoryId = 'wsd-gone12345';
    const host = await createTestHost({ plugins: [plugin], estate });
    const deregistered = await invokeOk<Diagnosis>(host, TOOL, { pool: POOL.financeIdle });
    expect(titles(deregistered)).toContain(`critical: Directory ${CORP_DIR} is DEREGISTERED, not REGISTERED`);
    const missing = await invokeOk<Diagnosis>(host, TOOL, { pool: POOL.labIdle });
    expect(missing.findings[0]).toMatchObject({
      severity: 'critical',
      title: 'Directory wsd-gone12345 not found',
    });
  });

  it('throttled CloudWatch leaves the rest of the diagnosis standing, with the failure in errors', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: { faults: [{ service: 'cloudwatch', code: 'ThrottlingException' }] },
    });
    const result = await invokeOk<Diagnosis>(host, TOOL, { pool: POOL.subnetShort });
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'Amazon CloudWatch', code: 'ThrottlingException', region: REGION }),
    ]);
    expect(result.signals.peakUtilizationPercent).toBeUndefined();
    expect(titles(result)).toContain('critical: Pool error SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES');
    expect(result.summary).toContain('Partial: see errors.');
  });

  it('finds a pool by ARN; a region that cannot be read is named when the pool is not found', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'workspaces', region: EMPTY_REGION, code: 'AccessDeniedException' }],
      },
    });
    const arn = `arn:aws:workspaces:${REGION}:${ACCOUNT}:workspacespool/${POOL.labIdle}`;
    const byArn = await invokeOk<Diagnosis>(host, TOOL, { pool: arn });
    expect(byArn.pool.poolId).toBe(POOL.labIdle);
    // The pool is in the readable region, so the failing one does not stop the answer.
    const found = await invokeOk<Diagnosis>(host, TOOL, { pool: 'lab-idle' });
    expect(found.pool.poolId).toBe(POOL.labIdle);
    const missing = await host.invoke(TOOL, { pool: 'wspool-nothere12' });
    expect(missing.ok).toBe(false);
    expect(missing.text).toContain(`could not read ${ACCOUNT}/${EMPTY_REGION} (AccessDeniedException)`);
  });
});
