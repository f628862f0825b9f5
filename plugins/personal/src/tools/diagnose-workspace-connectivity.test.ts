import { describe, expect, it } from 'vitest';
import { AD, smallEstate } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { call, operations, personalHost } from '../__tests__/host.js';

interface Diagnosis {
  status: string;
  summary: string;
  workspace?: { workspaceId: string; state: string; allowedActions: string[] };
  otherMatches?: { workspaceId: string }[];
  directory?: { directoryServiceStage: string; registration: string | null };
  snapshots?: { lastRestore: string | null; lastRebuild: string | null };
  metrics?: {
    connectionAttempts: number | null;
    connectionFailures: number | null;
    inSessionLatencyMs: number | null;
  };
  maintenance?: { kind: string; opens?: string; closes?: string; inWindowNow?: boolean };
  findings: { id: string; severity: string }[];
  remediation: { step: string; tool?: string }[];
  errors: { service: string; code: string; message: string; iamAction?: string }[];
}

const TOOL = 'diagnose_workspace_connectivity';

describe('diagnose_workspace_connectivity', () => {
  it('an UNHEALTHY desktop whose every connection failed is unhealthy, state first, with the wait → reboot → check → rebuild ladder', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.status).toBe('unhealthy');
    expect(result.findings.map((f) => f.id).slice(0, 2)).toEqual(['state.unhealthy', 'connection.failures']);
    expect(result.findings[1]?.severity).toBe('critical');
    // 2 attempts and 2 failures an hour over 24 hourly buckets, summed (not averaged).
    expect(result.metrics).toMatchObject({ connectionAttempts: 48, connectionFailures: 48 });
    expect(result.remediation.map((s) => s.tool ?? null)).toEqual([
      null,
      'reboot_workspaces',
      null,
      'rebuild_workspaces',
    ]);
    expect(result.remediation[3]?.step).toContain('2026-06-17T00:00:00.000Z');
    expect(result.snapshots).toEqual({
      lastRestore: '2026-06-17T06:00:00.000Z',
      lastRebuild: '2026-06-17T00:00:00.000Z',
    });
    expect(result.workspace?.allowedActions).toEqual(['reboot', 'rebuild', 'restore', 'terminate']);
    expect(result.directory).toMatchObject({ registration: 'REGISTERED', directoryServiceStage: 'Active' });
    expect(result.maintenance?.kind).toBe('weekly-os');
    const ops = operations(requests);
    expect(ops.filter((op) => op === 'DescribeWorkspaceSnapshots')).toHaveLength(1);
    expect(ops.filter((op) => op === 'GetMetricData')).toHaveLength(1);
    const metricRequest = requests.find((r) => r.operation === 'GetMetricData');
    const stats = (
      (metricRequest?.input.MetricDataQueries ?? []) as { MetricStat: { Stat: string; Period: number } }[]
    ).map((q) => `${q.MetricStat.Stat}/${q.MetricStat.Period}`);
    expect(stats).toEqual(['Sum/3600', 'Sum/3600', 'Average/3600', 'Average/3600']);
  });

  it('a Directory Service directory that is Impaired ranks above the desktop’s own findings', async () => {
    const { host } = await personalHost(smallEstate());
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-impdir001' });
    expect(result.status).toBe('unhealthy');
    expect(result.findings[0]).toMatchObject({ id: 'directory.ds-stage', severity: 'critical' });
    expect(result.findings.map((f) => f.id)).toContain('modification.failed');
    expect(result.directory?.directoryServiceStage).toBe('Impaired');
    expect(result.remediation[0]?.step).toContain('domain controllers');
  });

  it('a WorkSpaces-managed (wsd-) directory is not looked up in Directory Service; a stopped AutoStop desktop is healthy', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const result = await call<Diagnosis>(host, TOOL, { computerName: 'wsamz-carol' });
    expect(result.workspace?.workspaceId).toBe('ws-stopped01');
    expect(result.status).toBe('healthy');
    expect(result.directory?.directoryServiceStage).toBe('not applicable (WorkSpaces-managed)');
    expect(requests.some((r) => r.serviceId === 'directory service')).toBe(false);
    // The directory's maintenance mode is off, so no monthly window applies.
    expect(result.maintenance?.kind).toBe('none');
    expect(result.findings.map((f) => f.id)).toContain('connection.stale');
  });

  it('an AutoStop desktop shows the monthly window from the third Monday (15 June 2026, open on 17 June)', async () => {
    const { host } = await personalHost(smallEstate());
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-avail0001' });
    expect(result.maintenance).toMatchObject({
      kind: 'monthly-autostop',
      opens: '2026-06-15',
      closes: '2026-06-28',
      inWindowNow: true,
    });
    expect(result.status).toBe('healthy');
    expect(result.metrics?.inSessionLatencyMs).toBe(40);
  });

  it('user name with a directory uses the server-side filter; two desktops for one user are called out', async () => {
    const estate = smallEstate();
    estate.workspaces.push({ ...estate.workspaces[0], WorkspaceId: 'ws-alice0002', State: 'STOPPED' });
    const { host, requests } = await personalHost(estate);
    const result = await call<Diagnosis>(host, TOOL, { userName: 'alice', directoryId: AD });
    expect(result.workspace?.workspaceId).toBe('ws-avail0001');
    expect(result.otherMatches?.map((m) => m.workspaceId)).toEqual(['ws-alice0002']);
    expect(result.findings.map((f) => f.id)).toContain('user.multiple-desktops');
    const first = requests.find((r) => r.operation === 'DescribeWorkspaces');
    expect(first?.input).toMatchObject({ UserName: 'alice', DirectoryId: AD });
  });

  it('an unknown id is not_found and nothing else is looked up', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-nothere01' });
    expect(result.status).toBe('not_found');
    expect(result.summary).toContain('ws-nothere01');
    expect(operations(requests)).toEqual(['DescribeWorkspaces']);
  });

  it('AccessDenied on the desktop lookup fails the call and names the IAM action and the policy that grants it', async () => {
    const { host } = await personalHost(smallEstate(), {
      overrides: {
        DescribeWorkspaces: () => {
          throw awsError('AccessDeniedException', 'User is not authorized', 403);
        },
      },
    });
    const result = await host.invoke(TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('workspaces:DescribeWorkspaces');
    expect(result.text).toContain('iam/tier0-diagnostics.json');
  });

  it('AccessDenied on CloudWatch is a partial failure: the rest of the diagnosis stands', async () => {
    const { host } = await personalHost(smallEstate(), {
      overrides: {
        GetMetricData: () => {
          throw awsError('AccessDeniedException', 'not authorized to perform cloudwatch:GetMetricData', 403);
        },
      },
    });
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.status).toBe('unhealthy');
    expect(result.metrics?.connectionAttempts).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        service: 'CloudWatch',
        code: 'AccessDeniedException',
        iamAction: 'cloudwatch:GetMetricData',
      }),
    ]);
    expect(result.errors[0]?.message).toContain('Access denied for cloudwatch:GetMetricData');
  });

  it('persistent throttling of the snapshot lookup is reported in errors after the SDK retries', {
    timeout: 20_000,
  }, async () => {
    let attempts = 0;
    const { host } = await personalHost(smallEstate(), {
      overrides: {
        DescribeWorkspaceSnapshots: () => {
          attempts += 1;
          throw awsError('ThrottlingException', 'Rate exceeded');
        },
      },
    });
    const result = await call<Diagnosis>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(attempts).toBe(3);
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

  it('refuses ambiguous input and bad ids before any AWS call', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const both = await host.invoke(TOOL, { workspaceId: 'ws-unheal001', computerName: 'x' });
    expect(both.ok).toBe(false);
    expect(both.text).toContain('exactly one of');
    const bad = await host.invoke(TOOL, { workspaceId: 'WS-BAD', lookbackHours: 500 });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('/workspaceId');
    expect(bad.text).toContain('/lookbackHours');
    expect(requests).toHaveLength(0);
  });
});
