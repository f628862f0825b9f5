import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { AD, IMPAIRED_AD, SUBNETS, smallEstate, WSD } from '../__tests__/estate.js';
import plugin from '../index.js';
import { checkDirectoryHealth } from './check-directory-health.js';

type Health = ToolOutput<typeof checkDirectoryHealth>;
const TOOL = 'check_directory_health';

describe('check_directory_health', () => {
  it('checks every directory with one call per API: unhealthy first, then the fewest free IPs; open IP rules and missing IP groups flagged', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Health>(host, TOOL, {});
    expect(result.counts).toEqual({ directories: 3, healthy: 0, degraded: 2, unhealthy: 1, lowOnIps: 2 });
    expect(result.directories.map((d) => d.directoryId)).toEqual([IMPAIRED_AD, WSD, AD]);
    const [impaired, entra, corp] = result.directories;
    expect(impaired?.findings.map((f) => f.id)).toEqual(['directory.ds-stage', 'directory.ips-exhausted']);
    expect(entra?.findings.map((f) => f.id)).toEqual([
      'directory.ips-low',
      'directory.subnet-full',
      'directory.no-ip-group',
      'directory.maintenance-off',
    ]);
    expect(entra?.directoryServiceStage).toBe('not applicable (WorkSpaces-managed)');
    expect(corp?.findings.map((f) => f.id)).toEqual([
      'directory.open-ip-rule',
      'directory.local-admin',
      'directory.web-access',
    ]);
    expect(corp?.ipGroups).toEqual([
      { groupId: 'wsipg-open0001', name: 'anywhere', ruleCount: 2, openRules: ['0.0.0.0/0'] },
    ]);
    expect(host.simulator.countsByAction()).toEqual({
      'ds:DescribeDirectories': 1,
      'ec2:DescribeSubnets': 1,
      'workspaces:DescribeIpGroups': 1,
      'workspaces:DescribeWorkspaceDirectories': 1,
    });
    expect(host.requests.filter((r) => r.action === 'ds:DescribeDirectories')[0]?.input.DirectoryIds).toEqual(
      [AD, IMPAIRED_AD],
    );
    // Every directory's subnets in the one EC2 request.
    expect(host.requests.filter((r) => r.action === 'ec2:DescribeSubnets')[0]?.input.SubnetIds).toHaveLength(
      6,
    );
  });

  it('reports free IPs per directory: 15 of 502 is critical, 30 (6%) is low, a full subnet is called out', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Health>(host, TOOL, {});
    const byId = new Map(result.directories.map((d) => [d.directoryId, d]));
    expect(byId.get(IMPAIRED_AD)?.freeIps).toMatchObject({
      level: 'critical',
      free: 15,
      usable: 502,
      percentFree: 3,
    });
    expect(byId.get(IMPAIRED_AD)?.findings[1]?.title).toBe(
      `Directory ${IMPAIRED_AD} has only 15 free IP address(es) (3% of 502 usable)`,
    );
    expect(byId.get(WSD)?.freeIps).toMatchObject({ level: 'low', free: 30, percentFree: 6 });
    expect(byId.get(WSD)?.freeIps.subnets.map((s) => s.free)).toEqual([30, 0]);
    expect(byId.get(AD)?.freeIps).toMatchObject({ level: 'ok', free: 380, percentFree: 75.7 });
    expect(result.summary).toContain('2 low on free IPs');
    expect(result.notes.join(' ')).not.toContain('not shown');
  });

  it('a subnet deleted under a directory is found by listing the subnets after EC2 refuses the batch', async () => {
    const estate = smallEstate();
    const gone = SUBNETS[AD][1].subnetId;
    estate.personal.subnets.splice(
      estate.personal.subnets.findIndex((s) => s.subnetId === gone),
      1,
    );
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Health>(host, TOOL, {});
    const corp = result.directories.find((d) => d.directoryId === AD);
    expect(corp?.freeIps).toMatchObject({ free: 200, missingSubnets: [gone] });
    expect(corp?.findings[0]).toMatchObject({ id: 'directory.subnet-missing', severity: 'critical' });
    expect(
      host.requests.filter((r) => r.action === 'ec2:DescribeSubnets').map((r) => r.error ?? 'ok'),
    ).toEqual(['InvalidSubnetID.NotFound', 'ok']);
    expect(result.errors).toEqual([]);
  });

  it('a directory deleted from Directory Service is found by listing after the batch is refused', async () => {
    const estate = smallEstate();
    const corp = estate.personal.directories.find((d) => d.directory.DirectoryId === AD);
    if (corp)
      estate.personal.directories.splice(estate.personal.directories.indexOf(corp), 1, {
        ...corp,
        ds: undefined,
      });
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Health>(host, TOOL, { directoryId: AD });
    expect(result.directories).toHaveLength(1);
    expect(result.directories[0]).toMatchObject({ directoryServiceStage: 'not found', status: 'unhealthy' });
    expect(result.directories[0]?.findings[0]?.id).toBe('directory.deleted');
    expect(host.simulator.countsByAction()['ds:DescribeDirectories']).toBe(2);
    // One directory: its IP groups are read by id, not by listing every group.
    expect(host.simulator.countsByAction()['workspaces:DescribeIpGroups']).toBe(1);
  });

  it('registration states are judged: ERROR is critical, REGISTERING and DEREGISTERED are warnings without posture noise', async () => {
    const estate = smallEstate();
    const [corp, entra, branch] = estate.personal.directories;
    if (!corp || !entra || !branch) throw new Error('estate');
    estate.personal.directories.splice(
      0,
      3,
      { ...corp, directory: { ...corp.directory, State: 'ERROR', ErrorMessage: 'replica region' } },
      { ...entra, directory: { ...entra.directory, State: 'DEREGISTERED' } },
      { ...branch, directory: { ...branch.directory, State: 'REGISTERING' } },
    );
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Health>(host, TOOL, {});
    const byId = new Map(result.directories.map((d) => [d.directoryId, d]));
    expect(byId.get(AD)?.findings[0]).toMatchObject({ id: 'directory.not-registered', severity: 'critical' });
    expect(byId.get(AD)?.findings.map((f) => f.id)).not.toContain('directory.local-admin');
    expect(byId.get(WSD)?.findings.map((f) => `${f.id}/${f.severity}`)).toEqual([
      'directory.not-registered/warning',
    ]);
    expect(byId.get(IMPAIRED_AD)?.findings.find((f) => f.id === 'directory.not-registered')).toMatchObject({
      severity: 'warning',
      title: `Directory ${IMPAIRED_AD} is still REGISTERING`,
    });
  });

  it('an unknown directory id says so', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Health>(host, TOOL, { directoryId: 'd-0000000000' });
    expect(result.counts.directories).toBe(0);
    expect(result.summary).toContain('d-0000000000 is not registered');
  });

  it('pages worst first with a cursor bound to the region and directory', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const first = await invokeOk<Health>(host, TOOL, { limit: 2 });
    expect(first.directories.map((d) => d.directoryId)).toEqual([IMPAIRED_AD, WSD]);
    expect(first.counts.directories).toBe(3);
    const second = await invokeOk<Health>(host, TOOL, { limit: 2, cursor: first.nextCursor });
    expect(second.directories.map((d) => d.directoryId)).toEqual([AD]);
    expect(second.nextCursor).toBeUndefined();
    const foreign = await host.invoke(TOOL, { limit: 2, directoryId: AD, cursor: first.nextCursor });
    expect(foreign.ok).toBe(false);
  });

  it('AccessDenied on Directory Service or EC2 is reported in errors with the action; the rest of the check stands', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          { service: 'ds', operation: 'DescribeDirectories', code: 'AccessDeniedException' },
          {
            service: 'ec2',
            operation: 'DescribeSubnets',
            code: 'UnauthorizedOperation',
            httpStatusCode: 403,
          },
        ],
      },
    });
    const result = await invokeOk<Health>(host, TOOL, {});
    expect(result.errors.map((e) => e.iamAction).sort()).toEqual([
      'ds:DescribeDirectories',
      'ec2:DescribeSubnets',
    ]);
    const corp = result.directories.find((d) => d.directoryId === AD);
    expect(corp?.directoryServiceStage).toBe('unknown');
    expect(corp?.freeIps.level).toBe('unknown');
    expect(corp?.findings.map((f) => f.id)).toContain('directory.open-ip-rule');
  });

  it('at 10,000 desktops the directories of a region cost one call per API, and exhausted subnets are found', {
    timeout: 60_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 11, desktops: 10_000, regions: ['us-east-1'] },
    });
    const result = await invokeOk<Health>(host, TOOL, {});
    expect(toolSchemaBytes(checkDirectoryHealth)).toBeLessThanOrEqual(650);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
    expect(host.simulator.countsByAction()).toEqual({
      'ds:DescribeDirectories': 1,
      'ec2:DescribeSubnets': 1,
      'workspaces:DescribeIpGroups': 1,
      'workspaces:DescribeWorkspaceDirectories': 1,
    });
    expect(result.counts.lowOnIps).toBeGreaterThan(0);
    const exhausted = result.directories.filter((d) => d.freeIps.level === 'critical');
    expect(exhausted.length).toBeGreaterThan(0);
    for (const d of exhausted) expect(d.findings.map((f) => f.id)).toContain('directory.ips-exhausted');
  });

  it('checks the directories of every region; one region failing is an errors entry and the other answers', async () => {
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const personal = (region: string) =>
      estate.personal.directories.filter((d) => d.region === region).length;
    const host = await createTestHost({ plugins: [plugin], estate });
    const all = await invokeOk<Health>(host, TOOL, { limit: 100 });
    expect(all.counts.directories).toBe(personal('us-east-1') + personal('eu-west-1'));
    expect(new Set(all.directories.map((d) => d.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    const failing = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaceDirectories',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const partial = await invokeOk<Health>(failing, TOOL, { limit: 100 });
    expect(partial.counts.directories).toBe(personal('us-east-1'));
    expect(partial.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        iamAction: 'workspaces:DescribeWorkspaceDirectories',
      }),
    ]);
  });
});
