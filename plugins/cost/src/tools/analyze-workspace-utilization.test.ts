import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  type Estate,
  type EstateOptions,
  generateEstate,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { always, editedEstate, hourlyMetrics, onlyWhileRunning, workingHours } from '../__tests__/sim.js';
import { plugin } from '../index.js';
import type { analyzeWorkspaceUtilization } from './analyze-workspace-utilization.js';

// The estate's now is Monday 2026-11-16 12:00 UTC: the 14-day window is 2 Nov 12:00 → 16 Nov 12:00.
type Out = ToolOutput<typeof analyzeWorkspaceUtilization>;

const officeHours = workingHours([1, 2, 3, 4, 5], 9, 17);
const mondayWednesdayMornings = workingHours([1, 3], 9, 13);

function handEstate() {
  const estate = editedEstate([
    { id: 'ws-full', mode: 'ALWAYS_ON' },
    { id: 'ws-part', mode: 'AUTO_STOP' },
    { id: 'ws-idle', mode: 'ALWAYS_ON' },
    { id: 'ws-unused', mode: 'ALWAYS_ON' },
    {
      id: 'ws-stopped',
      mode: 'AUTO_STOP',
      state: 'STOPPED',
      lastConnection: new Date('2026-08-20T10:00:00Z'),
    },
    { id: 'ws-stopped-new', mode: 'AUTO_STOP', state: 'STOPPED' },
    { id: 'ws-silent', mode: 'AUTO_STOP', lastConnection: new Date('2026-11-10T10:00:00Z') },
    { id: 'ws-dark', mode: 'ALWAYS_ON' },
    { id: 'ws-standby', mode: 'AUTO_STOP', state: 'STOPPED', standbyOf: 'ws-full' },
    { id: 'ws-gone', mode: 'ALWAYS_ON', state: 'TERMINATED' },
  ]);
  estate.metricOverride = hourlyMetrics({
    // Weekdays 09-17: 5 h on 2 Nov (from 12:00) + 32 h (3-6 Nov) + 40 h (9-13 Nov) + 3 h (16 Nov 09-12) = 80 h.
    'ws-full': { UserConnected: officeHours },
    // Mon and Wed 09-13: 1 h (2 Nov from 12:00) + 4 (4 Nov) + 4 (9 Nov) + 4 (11 Nov) + 3 (16 Nov) = 16 h.
    'ws-part': { UserConnected: onlyWhileRunning(mondayWednesdayMornings) },
    'ws-idle': { UserConnected: (t) => (t.toISOString() === '2026-11-05T14:00:00.000Z' ? 1 : 0) },
    'ws-unused': { UserConnected: always(0) },
    'ws-stopped': {},
    'ws-stopped-new': {},
    'ws-silent': {},
    'ws-dark': {},
    'ws-standby': {},
  });
  return estate;
}

async function analyse(estate: Estate | EstateOptions, input: Record<string, unknown> = {}) {
  const host = await createTestHost({ plugins: [plugin], estate });
  return { out: await invokeOk<Out>(host, 'analyze_workspace_utilization', input), host };
}

describe('analyze_workspace_utilization', () => {
  it('classifies each desktop from its connected hours, on hand-checked numbers', async () => {
    const { out } = await analyse(handEstate());
    const classOf = Object.fromEntries(out.desktops.map((d) => [d.workspaceId, d.class]));
    expect(classOf).toEqual({
      'ws-full': 'full-time',
      'ws-part': 'part-time',
      'ws-idle': 'idle',
      'ws-unused': 'unused',
      'ws-stopped': 'unused',
      'ws-stopped-new': 'unused',
      'ws-silent': 'unknown',
      'ws-dark': 'unknown',
    });
    const hours = Object.fromEntries(out.desktops.map((d) => [d.workspaceId, d.connectedHours]));
    expect(hours).toMatchObject({ 'ws-full': 80, 'ws-part': 16, 'ws-idle': 1, 'ws-unused': 0 });
    expect(out.standbyExcluded).toBe(1);
    expect(out.desktops.map((d) => d.class).slice(0, 4)).toEqual(['unused', 'unused', 'unused', 'idle']);
  });

  it('calls a silent AutoStop desktop unused only when its last connection predates the window', async () => {
    const { out, host } = await analyse(handEstate());
    const reason = (id: string) => out.desktops.find((d) => d.workspaceId === id)?.reason ?? '';
    expect(reason('ws-stopped')).toContain('last user connection 2026-08-20');
    expect(reason('ws-stopped-new')).toContain('never connected');
    expect(reason('ws-silent')).toContain('inside the window');
    expect(reason('ws-dark')).toContain('AlwaysOn');
    // Three silent non-AlwaysOn desktops: one DescribeWorkspacesConnectionStatus call.
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspacesConnectionStatus']).toBe(1);
    expect(out.connectionStatusRequests).toBe(1);
  });

  it('says the metrics are missing, not "stopped", for a running desktop that published none', async () => {
    const estate = editedEstate([
      {
        id: 'ws-avail',
        mode: 'AUTO_STOP',
        state: 'AVAILABLE',
        lastConnection: new Date('2026-08-20T10:00:00Z'),
      },
      { id: 'ws-sick', mode: 'AUTO_STOP', state: 'UNHEALTHY' },
      { id: 'ws-off', mode: 'AUTO_STOP', state: 'STOPPED', lastConnection: new Date('2026-08-20T10:00:00Z') },
    ]);
    estate.metricOverride = hourlyMetrics({ 'ws-avail': {}, 'ws-sick': {}, 'ws-off': {} });
    const { out } = await analyse(estate);
    const reason = (id: string) => out.desktops.find((d) => d.workspaceId === id)?.reason ?? '';
    for (const id of ['ws-avail', 'ws-sick']) {
      expect(reason(id)).not.toContain('Stopped throughout');
      expect(reason(id)).toMatch(/metrics are missing/);
    }
    expect(reason('ws-sick')).toContain('UNHEALTHY');
    expect(reason('ws-off')).toContain('Stopped throughout the window');
  });

  it('keeps silent desktops unknown when the connection status cannot be read', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: handEstate(),
      simulator: {
        faults: [{ operation: 'DescribeWorkspacesConnectionStatus', code: 'AccessDeniedException' }],
      },
    });
    const out = await invokeOk<Out>(host, 'analyze_workspace_utilization');
    const classOf = Object.fromEntries(out.desktops.map((d) => [d.workspaceId, d.class]));
    expect(classOf['ws-stopped']).toBe('unknown');
    expect(classOf['ws-unused']).toBe('unused');
    expect(out.errors).toEqual([expect.objectContaining({ code: 'AccessDeniedException' })]);
  });

  it('treats a failed GetMetricData as unknown for every desktop, never unused', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: handEstate(),
      simulator: { faults: [{ operation: 'GetMetricData', code: 'InternalFailure' }] },
    });
    const out = await invokeOk<Out>(host, 'analyze_workspace_utilization');
    expect(out.counts).toEqual({ unused: 0, idle: 0, 'part-time': 0, 'full-time': 0, unknown: 8 });
    expect(out.errors.length).toBeGreaterThan(0);
  });

  it('on a generated estate, leaves unknown only desktops whose state publishes nothing or whose data contradicts itself', async () => {
    const { out } = await analyse(generateEstate({ seed: 42, desktops: 200 }), {
      classes: ['unknown'],
      limit: 100,
    });
    expect(out.counts.unknown).toBeLessThanOrEqual(8);
    for (const d of out.desktops)
      expect(d.reason).toMatch(
        /publishes no WorkSpaces metrics in that state|AlwaysOn desktop|inside the window/,
      );
    expect(out.counts.unused).toBeGreaterThan(0);
  });

  it('pages the list with a cursor while the counts cover every desktop', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: handEstate(), limits: { pageSize: 5 } });
    const page1 = await invokeOk<Out>(host, 'analyze_workspace_utilization', { limit: 5 });
    expect(page1.desktops).toHaveLength(5);
    const page2 = await invokeOk<Out>(host, 'analyze_workspace_utilization', {
      limit: 5,
      cursor: page1.nextCursor,
    });
    expect(page2.desktops).toHaveLength(3);
    expect(page2.nextCursor).toBeUndefined();
    expect(new Set([...page1.desktops, ...page2.desktops].map((d) => d.workspaceId)).size).toBe(8);
    const wrong = await host.invoke('analyze_workspace_utilization', {
      lookbackDays: 7,
      cursor: page1.nextCursor,
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.text).toContain('cursor: not a cursor this tool issued for these filters');
  });

  it('answers for both regions of the default estate, rows naming their region', async () => {
    const { out } = await analyse({ seed: 42, desktops: 200 }, { limit: 200 });
    expect(out.byScope.map((s) => s.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(out.byScope.reduce((n, s) => n + s.desktops, 0)).toBe(out.desktopsAnalysed);
    expect(new Set(out.desktops.map((d) => d.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect(out.desktops.every((d) => d.account === undefined)).toBe(true);
  });

  it('refuses an out-of-range knob with an error naming the field, before asking AWS', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: handEstate() });
    const result = await host.invoke('analyze_workspace_utilization', { lookbackDays: 400 });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('lookbackDays');
    const classes = await host.invoke('analyze_workspace_utilization', { classes: ['busy'] });
    expect(classes.text).toContain('classes');
    expect(host.requests).toHaveLength(0);
  });

  it('at 10,000 desktops in two regions answers within the 20 KB budget with the fewest requests', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 10_000 } });
    const out = await invokeOk<Out>(host, 'analyze_workspace_utilization', {});
    const counts = host.simulator.countsByAction();
    const perRegion = out.byScope.map((s) => s.desktops);
    // Billed, non-standby desktops are measured, 500 series per GetMetricData request.
    expect(counts['cloudwatch:GetMetricData']).toBeGreaterThanOrEqual(
      perRegion.reduce((n, d) => n + Math.ceil(d / 500), 0),
    );
    expect(out.metricRequests).toBe(perRegion.reduce((n, d) => n + Math.ceil(d / 500), 0));
    expect(counts['workspaces:DescribeWorkspacesConnectionStatus']).toBe(out.connectionStatusRequests);
    expect(out.connectionStatusRequests).toBeLessThan(Math.ceil(out.desktopsAnalysed / 25) / 2);
    expect(out.desktops).toHaveLength(25);
    expect(out.summary).toContain('pass nextCursor');
    const bytes = answerBytes(out);
    expect(bytes).toBeLessThanOrEqual(ANSWER_BUDGET);
    console.info(
      `utilization at 10k: ${JSON.stringify(counts)}, ${out.desktopsAnalysed} analysed, ${bytes} bytes`,
    );
  }, 180_000);
});
