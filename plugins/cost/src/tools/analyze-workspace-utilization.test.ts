import { describe, expect, it } from 'vitest';
import { always, estateHost, type FakeDesktop, onlyWhileRunning, workingHours } from '../__tests__/estate.js';
import { plugin } from '../index.js';

// Monday 17 March 2025, 10:30 UTC: the 14-day window is 3 Mar 10:00 → 17 Mar 10:00.
const NOW = new Date('2025-03-17T10:30:00Z');
const desk = (id: string, mode: string, extra: Partial<FakeDesktop> = {}): FakeDesktop => ({
  WorkspaceId: id,
  UserName: id.replace('ws-', ''),
  State: 'AVAILABLE',
  WorkspaceProperties: { RunningMode: mode, ComputeTypeName: 'STANDARD' },
  ...extra,
});

const officeHours = workingHours([1, 2, 3, 4, 5], 9, 17);
const mondayWednesdayMornings = workingHours([1, 3], 9, 13);

const estate = {
  desktops: [
    desk('ws-full', 'ALWAYS_ON'),
    desk('ws-part', 'AUTO_STOP'),
    desk('ws-idle', 'ALWAYS_ON'),
    desk('ws-unused', 'ALWAYS_ON'),
    desk('ws-failed', 'ALWAYS_ON'),
    desk('ws-silent', 'AUTO_STOP'),
    desk('ws-standby', 'ALWAYS_ON', { RelatedWorkspaces: [{ WorkspaceId: 'ws-full', Type: 'PRIMARY' }] }),
    desk('ws-gone', 'ALWAYS_ON', { State: 'TERMINATED' }),
  ],
  metrics: {
    // Weekdays 09-17: 7 h on 3 Mar (from 10:00) + 32 h (4-7 Mar) + 40 h (10-14 Mar) + 1 h (17 Mar 09:00) = 80 h.
    'ws-full': { UserConnected: officeHours },
    // Mon and Wed 09-13: 3 h (3 Mar from 10:00) + 4 + 4 + 4 + 1 (17 Mar 09:00) = 16 h → 16 × 730 / 336 = 34.8 h/month.
    'ws-part': { UserConnected: onlyWhileRunning(mondayWednesdayMornings) },
    'ws-idle': { UserConnected: (t: Date) => (t.toISOString() === '2025-03-05T14:00:00.000Z' ? 1 : 0) },
    'ws-unused': { UserConnected: always(0) },
    'ws-failed': { UserConnected: always(1) },
    'ws-standby': { UserConnected: always(0) },
  },
  metricStatus: { 'ws-failed': 'InternalError' },
};

describe('analyze_workspace_utilization', () => {
  it('classifies each desktop from its connected hours; failed or missing metrics are unknown, not unused', async () => {
    const { host } = await estateHost(plugin, estate, { now: NOW });
    const result = await host.invoke('analyze_workspace_utilization', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = result.structured as {
      counts: Record<string, number>;
      desktops: { workspaceId: string; class: string; connectedHours: number | null }[];
      standbyExcluded: number;
      errors: { code: string }[];
      byRunningMode: Record<string, Record<string, number>>;
    };
    const classOf = Object.fromEntries(out.desktops.map((d) => [d.workspaceId, d.class]));
    expect(classOf).toEqual({
      'ws-full': 'full-time',
      'ws-part': 'part-time',
      'ws-idle': 'idle',
      'ws-unused': 'unused',
      'ws-failed': 'unknown',
      'ws-silent': 'unknown',
    });
    expect(out.desktops.find((d) => d.workspaceId === 'ws-full')?.connectedHours).toBe(80);
    expect(out.desktops.find((d) => d.workspaceId === 'ws-part')?.connectedHours).toBe(16);
    expect(out.counts).toEqual({ unused: 1, idle: 1, 'part-time': 1, 'full-time': 1, unknown: 2 });
    expect(out.byRunningMode.ALWAYS_ON).toMatchObject({ unused: 1, idle: 1, unknown: 1 });
    expect(out.standbyExcluded).toBe(1);
    expect(out.errors).toEqual([expect.objectContaining({ code: 'InternalError' })]);
    // Least used first.
    expect(out.desktops.map((d) => d.class).slice(0, 2)).toEqual(['unused', 'idle']);
  });

  it('treats a failed GetMetricData request as unknown for every desktop in it', async () => {
    const { awsError } = await import('../__tests__/fake-aws.js');
    const { host } = await estateHost(
      plugin,
      { ...estate, failures: { GetMetricData: awsError('InternalFailure', 'CloudWatch down', 500) } },
      { now: NOW },
    );
    const result = await host.invoke('analyze_workspace_utilization', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = result.structured as { counts: Record<string, number>; errors: unknown[] };
    expect(out.counts).toEqual({ unused: 0, idle: 0, 'part-time': 0, 'full-time': 0, unknown: 6 });
    expect(out.errors.length).toBeGreaterThan(0);
  });

  it('pages the list with a cursor while the counts cover every desktop', async () => {
    const { host } = await estateHost(plugin, estate, { now: NOW, pageSize: 4 });
    const first = await host.invoke('analyze_workspace_utilization', { limit: 4 });
    if (!first.ok) throw new Error(first.text);
    const page1 = first.structured as { desktops: { workspaceId: string }[]; nextCursor?: string };
    expect(page1.desktops).toHaveLength(4);
    expect(page1.nextCursor).toBeDefined();
    const second = await host.invoke('analyze_workspace_utilization', { limit: 4, cursor: page1.nextCursor });
    if (!second.ok) throw new Error(second.text);
    const page2 = second.structured as { desktops: { workspaceId: string }[]; nextCursor?: string };
    expect(page2.desktops).toHaveLength(2);
    expect(page2.nextCursor).toBeUndefined();
    const seen = [...page1.desktops, ...page2.desktops].map((d) => d.workspaceId);
    expect(new Set(seen).size).toBe(6);
    const wrong = await host.invoke('analyze_workspace_utilization', {
      lookbackDays: 7,
      cursor: page1.nextCursor,
    });
    expect(wrong.ok).toBe(false);
  });

  it('at 10,000 desktops uses 400 DescribeWorkspaces pages and ceil(10,000 / 300) = 34 GetMetricData calls', async () => {
    const desktops = Array.from({ length: 10_000 }, (_, i) =>
      desk(`ws-${String(i).padStart(6, '0')}`, 'ALWAYS_ON'),
    );
    const { host, count } = await estateHost(plugin, { desktops, metrics: {} }, { now: NOW });
    const result = await host.invoke('analyze_workspace_utilization', { limit: 10 });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as {
      desktopsAnalysed: number;
      desktops: unknown[];
      metricRequests: number;
    };
    expect(out.desktopsAnalysed).toBe(10_000);
    expect(out.desktops).toHaveLength(10);
    expect(count('DescribeWorkspaces')).toBe(400);
    // 14 days hourly = 336 points per series; 100,800 / 336 = 300 series per request.
    expect(count('GetMetricData')).toBe(34);
    expect(out.metricRequests).toBe(34);
    expect(JSON.stringify(result.structured).length).toBeLessThan(20_000);
  }, 60_000);
});
