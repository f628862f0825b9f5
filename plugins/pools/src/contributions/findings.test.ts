import {
  type CollectedFindings,
  contributionProbe,
  createTestHost,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { EMPTY_REGION, POOL, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const line = (f: CollectedFindings['findings'][number]) => `${f.checkId} ${f.resourceId} ${f.severity}`;

describe('pools findings contributors', () => {
  it('raise each check on the pools that fail it, and only those, with the right severity', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([]);
    expect(result.findings.map(line).sort()).toEqual(
      [
        `pools.end-of-support ${REGION} info`,
        `pools.error-domain-join-secret ${POOL.secretError} critical`,
        `pools.error-network ${POOL.subnetShort} warning`,
        `pools.capacity-exhausted ${POOL.callCentre} warning`,
        `pools.capacity-exhausted ${POOL.secretError} warning`,
        `pools.below-desired ${POOL.secretError} critical`,
        `pools.below-desired ${POOL.subnetShort} warning`,
        `pools.no-idle-disconnect ${POOL.subnetShort} info`,
        `pools.rejected-sessions ${POOL.callCentre} warning`,
        `pools.directory-without-ip-group ${POOL.labIdle} warning`,
        `pools.ip-group-open-to-internet ${POOL.openIpGroup} warning`,
      ].sort(),
    );
    // Every finding is filed under the product name that carries the end-of-support date.
    expect(new Set(result.findings.map((f) => f.service))).toEqual(
      new Set(['WorkSpaces Pools (end of support 2027-12-31)']),
    );
  });

  it('the end-of-support notice names the pools of the region and the days left; a region without pools gets none', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    const notices = result.findings.filter((f) => f.checkId === 'pools.end-of-support');
    expect(notices.map((f) => f.region)).toEqual([REGION]);
    expect(notices[0]?.detail).toContain('11 pools here (call-centre, finance-idle, lab-idle and 8 more)');
    expect(notices[0]?.detail).toContain('2027-12-31 (in 562 days)');
    expect(result.findings.some((f) => f.region === EMPTY_REGION)).toBe(false);
  });

  it('counts the session requests turned away in the last 24 hours only, with the worst hour', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.findings.find((f) => f.checkId === 'pools.rejected-sessions')?.detail).toBe(
      'call-centre: 60 session requests turned away in the last 24 h (worst hour from 09:00 UTC: 60).',
    );
  });

  it('explains a Secrets Manager domain-join error with an inferred fix', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    const detail = result.findings.find((f) => f.checkId === 'pools.error-domain-join-secret')?.detail;
    expect(detail).toContain('DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND → Create the secret');
    expect(detail).toContain('inferred from the code name');
    expect(detail).toContain('AWS: The domain-join secret does not exist.');
  });

  it('three contributors share one pool scan; metrics, directories and IP groups are one batched call each', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(host.simulator.countsByAction()).toEqual({
      // One page per region; the region without pools needs nothing else.
      'workspaces:DescribeWorkspacesPools': 2,
      'cloudwatch:GetMetricData': 1,
      'workspaces:DescribeWorkspaceDirectories': 1,
      'workspaces:DescribeIpGroups': 1,
    });
  });

  it('a denied CloudWatch read costs only the rejected-sessions check, reported as an error', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors).toEqual([
      expect.objectContaining({
        contributor: 'pools.rejected-sessions',
        region: REGION,
        code: 'AccessDeniedException',
      }),
    ]);
    expect(result.errors[0]?.message).toContain('cloudwatch:GetMetricData');
    expect(result.findings.some((f) => f.checkId === 'pools.rejected-sessions')).toBe(false);
    expect(result.findings.filter((f) => f.checkId === 'pools.capacity-exhausted')).toHaveLength(2);
    expect(result.findings.some((f) => f.checkId === 'pools.directory-without-ip-group')).toBe(true);
  });

  it('a denied IP-group read costs only the access checks', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'workspaces', operation: 'DescribeIpGroups', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    expect(result.errors.map((e) => `${e.contributor} ${e.code}`)).toEqual([
      'pools.access AccessDeniedException',
    ]);
    expect(result.findings.some((f) => f.checkId === 'pools.rejected-sessions')).toBe(true);
  });

  it('in a generated estate, the pools whose demand outruns their capacity are found turning users away', async () => {
    const estate = generateEstate({ seed: 21, desktops: 0, pools: 40, regions: ['us-east-1'] });
    const exhausted = estate.pools.pools
      .filter((p) => p.role === 'exhausted' || p.role === 'exhausted-below-desired')
      .map((p) => p.pool.PoolId);
    const quiet = estate.pools.pools
      .filter((p) => p.role === 'healthy' || p.role === 'idle')
      .map((p) => p.pool.PoolId);
    expect(exhausted.length).toBeGreaterThan(0);
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<CollectedFindings>(host, 'collect_test_findings', {});
    const rejected = result.findings
      .filter((f) => f.checkId === 'pools.rejected-sessions')
      .map((f) => f.resourceId);
    for (const id of exhausted) expect(rejected).toContain(id);
    for (const id of quiet) expect(rejected).not.toContain(id);
  });
});
