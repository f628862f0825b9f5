import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, generateEstate, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { AD, desktop, desktopIn, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { diagnoseWorkspaceConnectivity } from './diagnose-workspace-connectivity.js';

type Diagnosis = ToolOutput<typeof diagnoseWorkspaceConnectivity>;

const TOOL = 'diagnose_workspace_connectivity';

describe('diagnose_workspace_connectivity', () => {
  it('an UNHEALTHY desktop whose every connection failed is unhealthy, state first, with the wait → reboot → check → rebuild ladder', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.status).toBe('unhealthy');
    // The pegged CPU (97 %) is named as a documented UNHEALTHY cause, after the two critical findings.
    expect(result.findings.map((f) => f.id).slice(0, 3)).toEqual([
      'state.unhealthy',
      'connection.failures',
      'performance.cpu-pegged',
    ]);
    expect(result.findings[1]?.severity).toBe('critical');
    // 2 attempts and 2 failures an hour over 24 hourly buckets, summed (not averaged).
    expect(result.metrics).toMatchObject({
      connectionAttempts: 48,
      connectionFailures: 48,
      cpuAvgPercent: 97,
    });
    expect(result.remediation.map((s) => s.tool ?? null)).toEqual([
      null,
      'reboot_workspaces',
      null,
      'rebuild_workspaces',
    ]);
    expect(result.remediation[3]?.step).toContain('2026-06-17T00:00:00.000Z');
    expect(result.remediation[3]?.step).toContain('new private IP');
    expect(result.snapshots).toEqual({
      lastRestore: '2026-06-17T06:00:00.000Z',
      lastRebuild: '2026-06-17T00:00:00.000Z',
    });
    expect(result.workspace?.allowedActions).toEqual(['reboot', 'rebuild', 'restore', 'terminate']);
    // 200 + 180 free of 2 × 251 usable in the directory's two /24 subnets.
    expect(result.directory).toMatchObject({
      registration: 'REGISTERED',
      directoryServiceStage: 'Active',
      freeIpAddresses: 380,
      percentFree: 75.7,
    });
    expect(result.maintenance?.kind).toBe('weekly-os');
    expect(host.simulator.countsByAction()).toEqual({
      'cloudwatch:GetMetricData': 1,
      'ds:DescribeDirectories': 1,
      'ec2:DescribeSubnets': 1,
      'workspaces:DescribeWorkspaceDirectories': 1,
      'workspaces:DescribeWorkspaceSnapshots': 1,
      'workspaces:DescribeWorkspaces': 1,
      'workspaces:DescribeWorkspacesConnectionStatus': 1,
    });
    const queries = (host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData')[0]?.input
      .MetricDataQueries ?? []) as {
      MetricStat: { Stat: string; Period: number };
    }[];
    expect(queries.map((q) => `${q.MetricStat.Stat}/${q.MetricStat.Period}`)).toEqual([
      'Sum/3600',
      'Sum/3600',
      'Average/3600',
      'Average/3600',
      'Average/3600',
    ]);
  });

  it('a Directory Service directory that is Impaired ranks above the desktop’s own findings', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-impdir001' });
    expect(result.status).toBe('unhealthy');
    expect(result.findings[0]).toMatchObject({ id: 'directory.ds-stage', severity: 'critical' });
    expect(result.findings.map((f) => f.id)).toContain('modification.failed');
    expect(result.directory?.directoryServiceStage).toBe('Impaired');
    expect(result.remediation[0]?.step).toContain('domain controllers');
    // Its directory has 15 free IPs: context for a rebuild, not a cause of this connection problem.
    expect(result.findings.find((f) => f.id === 'directory.ips-exhausted')?.severity).toBe('info');
    expect(result.remediation.at(-1)?.step ?? '').not.toContain('free addresses first');
  });

  it('an ERROR desktop whose error names the subnet is explained by the exhausted directory subnets', async () => {
    const estate = smallEstate();
    desktopIn(estate, 'ws-error0001').workspace.ErrorMessage =
      'The WorkSpace could not be created: insufficient capacity in the subnet.';
    for (const subnet of estate.personal.subnets)
      if (subnet.subnetId.startsWith('subnet-0a') || subnet.subnetId.startsWith('subnet-0b'))
        subnet.availableIpAddressCount = 2;
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-error0001' });
    expect(result.findings.map((f) => f.id).slice(0, 2)).toEqual(['directory.ips-exhausted', 'state.error']);
    expect(result.directory?.freeIpAddresses).toBe(4);
    expect(result.remediation[0]?.step).toContain('Free addresses');
    const rebuild = result.remediation.find((s) => s.tool === 'rebuild_workspaces');
    expect(rebuild?.step).toContain('only 4: free addresses first');
  });

  it('an ERROR desktop its user connected to is never pointed at terminate; one that provably never ran is', async () => {
    const estate = generateEstate({ seed: 2, desktops: 400 });
    const used = estate.personal.desktops.find(
      (d) =>
        d.workspace.State === 'ERROR' &&
        d.connection.LastKnownUserConnectionTimestamp !== undefined &&
        d.snapshots.restore.length === 0,
    );
    const neverRan = estate.personal.desktops.find(
      (d) => d.workspace.State === 'ERROR' && d.workspace.ErrorCode !== undefined,
    );
    expect(used && neverRan).toBeDefined();
    const host = await createTestHost({ plugins: [plugin], estate });
    const broken = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: used?.workspace.WorkspaceId });
    expect(broken.remediation.map((s) => s.tool)).not.toContain('terminate_workspaces');
    expect(broken.remediation.map((s) => s.step).join(' ')).not.toMatch(
      /(?<!not )terminate it|launch the desktop again/i,
    );
    const support = broken.remediation.at(-1)?.step ?? '';
    expect(support).toContain('AWS Support case');
    expect(support).toContain(
      `last connected ${used?.connection.LastKnownUserConnectionTimestamp?.toISOString()}`,
    );
    expect(support).toContain('deletes the root and user volumes permanently');
    const failed = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: neverRan?.workspace.WorkspaceId });
    expect(failed.remediation.at(-1)).toMatchObject({ tool: 'terminate_workspaces' });
    expect(failed.remediation.at(-1)?.step).toContain('no user connection and it has no snapshot');
  });

  it('a WorkSpaces-managed (wsd-) directory is not looked up in Directory Service; a stopped AutoStop desktop is healthy', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { computerName: 'wsamz-carol' });
    expect(result.workspace?.workspaceId).toBe('ws-stopped01');
    expect(result.status).toBe('healthy');
    expect(result.directory?.directoryServiceStage).toBe('not applicable (WorkSpaces-managed)');
    expect(host.requests.some((r) => r.action.startsWith('ds:'))).toBe(false);
    // The directory's maintenance mode is off, so no monthly window applies.
    expect(result.maintenance?.kind).toBe('none');
    expect(result.findings.map((f) => f.id)).toContain('connection.stale');
  });

  it('an AutoStop desktop shows the monthly window from the third Monday (15 June 2026, open on 17 June)', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-avail0001' });
    expect(result.maintenance).toMatchObject({
      kind: 'monthly-autostop',
      opens: '2026-06-15',
      closes: '2026-06-28',
      inWindowNow: true,
    });
    expect(result.status).toBe('healthy');
    expect(result.metrics).toMatchObject({
      inSessionLatencyMs: 40,
      connectionAttempts: 24,
      connectionFailures: 0,
    });
  });

  it('a primary desktop says it has a standby in another region', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-graph0001' });
    expect(result.workspace?.related).toEqual([
      { workspaceId: 'ws-stdby0001', type: 'STANDBY', region: 'us-west-2' },
    ]);
    expect(result.findings.map((f) => f.id)).toContain('standby.related');
    expect(result.findings.map((f) => f.id)).toContain('connection.latency');
  });

  it('user name with a directory uses the server-side filter; two desktops for one user are called out', async () => {
    const estate = smallEstate();
    estate.personal.desktops.push(desktop('ws-alice0002', 'STOPPED', 'AUTO_STOP', 'alice', AD));
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { userName: 'ALICE', directoryId: AD });
    expect(result.workspace?.workspaceId).toBe('ws-avail0001');
    expect(result.otherMatches?.map((m) => m.workspaceId)).toEqual(['ws-alice0002']);
    expect(result.findings.map((f) => f.id)).toContain('user.multiple-desktops');
    expect(host.requests.filter((r) => r.action === 'workspaces:DescribeWorkspaces')[0]?.input).toMatchObject(
      {
        UserName: 'ALICE',
        DirectoryId: AD,
      },
    );
  });

  it('a user name alone is looked up in each directory; an unknown one falls back to one scan and is not found', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const bob = await invokeOk<Diagnosis>(host, TOOL, { userName: 'bob' });
    expect(bob.workspace?.workspaceId).toBe('ws-unheal001');
    // Three directories: three filtered lookups, not a page through every desktop.
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaces']).toBe(3);
    host.simulator.resetCalls();
    const nobody = await host.invoke(TOOL, { userName: 'nobody' });
    expect(nobody.ok).toBe(false);
    expect(nobody.text).toContain('userName: no WorkSpace matches user nobody in us-east-1');
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaces']).toBe(4);
  });

  it('at 10,000 desktops a user is found with one lookup per directory of every region instead of a 240-page scan', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const target = estate.personal.desktops.find(
      (d) => d.region === 'us-east-1' && d.workspace.State === 'UNHEALTHY',
    );
    const directories = estate.personal.directories.filter(
      (d) => d.directory.WorkspaceType !== 'POOLS' && d.directory.State !== 'DEREGISTERED',
    );
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { userName: target?.workspace.UserName ?? '' });
    expect(result.region).toBe('us-east-1');
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaces']).toBe(directories.length);
  });

  it('an unknown id is an error naming the field and where it looked; nothing else is looked up', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await host.invoke(TOOL, { workspaceId: 'ws-nothere01' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('workspaceId: no WorkSpace matches ws-nothere01 in us-east-1');
    expect(host.requests.map((r) => r.action)).toEqual(['workspaces:DescribeWorkspaces']);
  });

  it('a desktop in eu-west-1 is diagnosed without naming its region, every lookup sent to eu-west-1', async () => {
    expect(toolSchemaBytes(diagnoseWorkspaceConnectivity)).toBeLessThanOrEqual(650);
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const desktop = estate.personal.desktops.find(
      (d) => d.region === 'eu-west-1' && d.workspace.State === 'UNHEALTHY',
    );
    const workspaceId = desktop?.workspace.WorkspaceId ?? '';
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId });
    expect(result).toMatchObject({ region: 'eu-west-1', workspace: { workspaceId, state: 'UNHEALTHY' } });
    expect(result.errors).toEqual([]);
    // The id is asked of both regions (25 a request); everything after that only of eu-west-1.
    const after = host.requests.filter((r) => r.action !== 'workspaces:DescribeWorkspaces');
    expect(after.length).toBeGreaterThan(3);
    expect(after.every((r) => r.region === 'eu-west-1')).toBe(true);
  });

  it('a region that cannot be searched is named when the desktop is found nowhere else', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 42, desktops: 40 },
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaces',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await host.invoke(TOOL, { workspaceId: 'ws-nothere01' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      'workspaceId: no WorkSpace matches ws-nothere01 in us-east-1; could not search eu-west-1 (AccessDeniedException)',
    );
  });

  it('AccessDenied on the desktop lookup fails the call and names the IAM action and the policy that grants it', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'workspaces', operation: 'DescribeWorkspaces', code: 'AccessDeniedException' }],
      },
    });
    const result = await host.invoke(TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('workspaces:DescribeWorkspaces');
    expect(result.text).toContain('iam/tier0-diagnostics.json');
  });

  it('AccessDenied on CloudWatch and EC2 are partial failures: the rest of the diagnosis stands', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          { service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' },
          {
            service: 'ec2',
            operation: 'DescribeSubnets',
            code: 'UnauthorizedOperation',
            httpStatusCode: 403,
          },
        ],
      },
    });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.status).toBe('unhealthy');
    expect(result.metrics?.connectionAttempts).toBeNull();
    expect(result.directory?.freeIpAddresses).toBeNull();
    const byService = new Map(result.errors.map((e) => [e.service, e]));
    expect(byService.get('Amazon CloudWatch')).toMatchObject({
      code: 'AccessDeniedException',
      iamAction: 'cloudwatch:GetMetricData',
    });
    expect(byService.get('Amazon CloudWatch')?.message).toContain(
      'Access denied for cloudwatch:GetMetricData',
    );
    expect(byService.get('Amazon EC2')).toMatchObject({
      code: 'UnauthorizedOperation',
      iamAction: 'ec2:DescribeSubnets',
    });
  });

  it('persistent throttling of the snapshot lookup is reported in errors after the SDK retries', {
    timeout: 20_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'DescribeWorkspaceSnapshots', code: 'ThrottlingException' },
        ],
      },
    });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaceSnapshots']).toBe(3);
    expect(result.errors).toEqual([
      expect.objectContaining({
        service: 'WorkSpaces Personal',
        code: 'ThrottlingException',
        iamAction: 'workspaces:DescribeWorkspaceSnapshots',
      }),
    ]);
    expect(result.snapshots).toBeUndefined();
    expect(result.status).toBe('unhealthy');
  });

  it('a throttled request that succeeds on retry leaves no trace in the answer', {
    timeout: 20_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaceSnapshots',
            code: 'ThrottlingException',
            times: 1,
          },
        ],
      },
    });
    const result = await invokeOk<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaceSnapshots']).toBe(2);
    expect(result.errors).toEqual([]);
    expect(result.snapshots?.lastRestore).toBe('2026-06-17T06:00:00.000Z');
  });

  it('refuses ambiguous input and bad ids before any AWS call', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const both = await host.invoke(TOOL, { workspaceId: 'ws-unheal001', computerName: 'x' });
    expect(both.ok).toBe(false);
    expect(both.text).toContain('exactly one of');
    const bad = await host.invoke(TOOL, { workspaceId: 'WS-BAD' });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('workspaceId: "WS-BAD" is not a WorkSpace id');
    const long = await host.invoke(TOOL, { workspaceId: 'ws-unheal001', lookbackHours: 500 });
    expect(long.text).toContain('lookbackHours: expected an integer from 1 to 168');
    expect(host.requests).toHaveLength(0);
  });
});
