import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, generateEstate, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getWorkspaceConnectionHistory } from './get-workspace-connection-history.js';

type History = ToolOutput<typeof getWorkspaceConnectionHistory>;
const TOOL = 'get_workspace_connection_history';

describe('get_workspace_connection_history', () => {
  it('sums connection counts over daily buckets and says how often a user was connected', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<History>(host, TOOL, { workspaceId: 'ws-avail0001' });
    expect(result.window).toEqual({
      start: '2026-06-10T00:00:00.000Z',
      end: '2026-06-17T00:00:00.000Z',
      periodHours: 24,
    });
    // One attempt an hour: 24 a day, 168 in the week, summed (an average would say 1).
    expect(result.totals).toMatchObject({
      buckets: 7,
      connectedBuckets: 7,
      attempts: 168,
      failures: 0,
      failureRatePct: 0,
      avgLatencyMs: 40,
    });
    expect(result.buckets?.[0]).toMatchObject({
      start: '2026-06-10T00:00:00.000Z',
      attempts: 24,
      disconnects: null,
    });
    expect(result.summary).toContain('A user was connected in 7 of 7 daily periods');
    expect(result.lastKnownUserConnection).toBe('2026-06-17T11:00:00.000Z');
    expect(host.simulator.countsByAction()).toEqual({
      'cloudwatch:GetMetricData': 1,
      'workspaces:DescribeWorkspaces': 1,
      'workspaces:DescribeWorkspacesConnectionStatus': 1,
    });
    const queries = host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData')[0]?.input
      .MetricDataQueries as {
      MetricStat: { Stat: string; Metric: { MetricName: string } };
    }[];
    expect(
      queries.filter((q) => q.MetricStat.Stat === 'Sum').map((q) => q.MetricStat.Metric.MetricName),
    ).toEqual(['ConnectionAttempt', 'ConnectionSuccess', 'ConnectionFailure', 'SessionDisconnect']);
  });

  it('a desktop whose every attempt failed has a 100% failure rate; without UserConnected data its connected time is unknown', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<History>(host, TOOL, {
      workspaceId: 'ws-unheal001',
      lookbackDays: 2,
      periodHours: 12,
    });
    // Two attempts an hour, every one failing: 24 per 12-hour period, 96 over two days.
    // The override publishes no UserConnected: connected time is unknown, not zero.
    expect(result.totals).toMatchObject({
      buckets: 4,
      connectedBuckets: null,
      attempts: 96,
      failures: 96,
      failureRatePct: 100,
    });
    expect(result.summary).toContain('No UserConnected data in the last 2 day(s)');
    expect(result.summary).toContain('96 connection attempt(s), 96 failed (100%)');
  });

  it('totals are null, and said to be unknown, where the estate published no datapoint; zero only where it did', async () => {
    const estate = generateEstate({ seed: 42, desktops: 300 });
    const idle = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.usage === 'never' &&
        d.workspace.State === 'AVAILABLE' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON',
    );
    expect(idle).toBeDefined();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<History>(host, TOOL, { workspaceId: idle?.workspace.WorkspaceId ?? '' });
    // It ran all week (UserConnected 0 every day) but nobody tried to connect: no attempt datapoints.
    expect(result.totals).toMatchObject({
      connectedBuckets: 0,
      attempts: null,
      successes: null,
      failures: null,
      disconnects: null,
      failureRatePct: null,
    });
    expect(result.summary).toContain('attempt, success and failure counts are unknown (null), not zero');
    expect(result.notes.join(' ')).toContain('no data, not zero');
  });

  it('an unknown desktop is an error naming the field and where it looked; CloudWatch is not asked', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await host.invoke(TOOL, { workspaceId: 'ws-nothere01' });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('workspaceId: no WorkSpace ws-nothere01 in us-east-1');
    expect(host.requests.map((r) => r.action)).toEqual(['workspaces:DescribeWorkspaces']);
  });

  it('a desktop in eu-west-1 is found without naming its region, and its metrics are read there', async () => {
    expect(toolSchemaBytes(getWorkspaceConnectionHistory)).toBeLessThanOrEqual(650);
    const estate = generateEstate({ seed: 42, desktops: 60 });
    const desktop = estate.personal.desktops.find((d) => d.region === 'eu-west-1');
    const workspaceId = desktop?.workspace.WorkspaceId ?? '';
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<History>(host, TOOL, { workspaceId });
    expect(result).toMatchObject({ workspaceId, region: 'eu-west-1' });
    expect(host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData').map((r) => r.region)).toEqual(
      ['eu-west-1'],
    );
  });

  it('a denied connection-status lookup is an error entry; the metric history stands', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspacesConnectionStatus',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<History>(host, TOOL, {
      workspaceId: 'ws-avail0001',
    });
    expect(result.errors).toEqual([
      expect.objectContaining({ iamAction: 'workspaces:DescribeWorkspacesConnectionStatus' }),
    ]);
    expect(result.lastKnownUserConnection).toBeNull();
    expect(result.totals.attempts).toBe(168);
  });

  it('90 hourly days are totalled but not listed period by period', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<History>(host, TOOL, {
      workspaceId: 'ws-avail0001',
      lookbackDays: 90,
      periodHours: 1,
    });
    expect(result.totals.buckets).toBe(2160);
    expect(result.totals.attempts).toBe(2160);
    expect(result.buckets).toBeUndefined();
  });
});
