import { definePlugin, type IdleContributor, type ToolOutput } from '@workspaces-euc-mcp/host';
import { ANSWER_BUDGET, answerBytes, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { always, type DesktopSpec, editedEstate, hourlyMetrics } from '../__tests__/sim.js';
import { plugin } from '../index.js';
import type { listUnusedResources } from './list-unused-resources.js';

// The estate's now is Monday 2026-11-16 12:00 UTC; a 30-day window starts 17 Oct 12:00 UTC.
const WINDOW_START = Date.parse('2026-10-17T12:00:00Z');
const busy: DesktopSpec[] = Array.from({ length: 30 }, (_, i) => ({
  id: `ws-busy${String(i).padStart(2, '0')}`,
  mode: 'AUTO_STOP',
  lastConnection: new Date('2026-11-13T12:00:00Z'),
}));

function estate() {
  const e = editedEstate([
    { id: 'ws-old', mode: 'ALWAYS_ON', lastConnection: new Date('2026-09-01T08:00:00Z') },
    { id: 'ws-recent', mode: 'ALWAYS_ON', lastConnection: new Date('2026-11-10T09:00:00Z') },
    { id: 'ws-never-old', mode: 'AUTO_STOP', state: 'STOPPED' },
    { id: 'ws-never-new', mode: 'AUTO_STOP', state: 'STOPPED' },
    { id: 'ws-standby', mode: 'ALWAYS_ON', standbyOf: 'ws-old' },
    { id: 'ws-pending', mode: 'AUTO_STOP', state: 'PENDING' },
    ...busy,
  ]);
  e.metricOverride = hourlyMetrics({
    // Stopped on the window's first day: it existed 30 days ago.
    'ws-never-old': { Stopped: (t: Date) => (t.getTime() >= WINDOW_START ? 1 : undefined) },
    'ws-never-new': {},
    'ws-standby': { Available: always(1) },
  });
  return e;
}

const fleetContributor: IdleContributor = {
  id: 'test.fleets',
  service: 'WorkSpaces Applications',
  iam: ['appstream:DescribeFleets'],
  collect: async () => [
    { id: 'fleet-a', resourceType: 'Fleet', reason: 'Stopped for 40 days', idleDays: 40 },
  ],
};
const brokenContributor: IdleContributor = {
  id: 'test.portals',
  service: 'WorkSpaces Secure Browser',
  iam: ['workspaces-web:ListPortals'],
  collect: async () => {
    throw Object.assign(new Error('not authorized to perform workspaces-web:ListPortals'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
  },
};
const otherPlugin = definePlugin({
  name: 'test-idle',
  version: '0.0.0',
  description: 'idle contributors for tests',
  tools: [],
  contributes: { idle: [fleetContributor, brokenContributor] },
});

type Out = ToolOutput<typeof listUnusedResources>;

describe('list_unused_resources', () => {
  it('lists desktops idle past the window and never-connected ones that existed at its start', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const out = await invokeOk<Out>(host, 'list_unused_resources', { includeOtherServices: false });
    // Largest monthly cost first: terminating ws-old saves its AlwaysOn fee ($78, POWER Windows
    // Server, us-east-1); ws-never-old is a stopped AutoStop desktop: $19 base + 1 maintenance
    // hour × $0.68. 1 Sep 08:00 → 16 Nov 12:00 is 76 days.
    expect(out.items.map((i) => [i.id, i.idleDays, i.action, i.monthlyCostUsd])).toEqual([
      ['ws-old', 76, 'terminate', 78],
      ['ws-never-old', null, 'terminate', 19.68],
    ]);
    expect(out.totalMonthlySavingUsd).toBe(97.68);
    expect(out.counts).toMatchObject({
      desktopsChecked: 34,
      unused: 1,
      neverConnected: 1,
      neverConnectedUnconfirmed: 1,
      unknown: 0,
      standbyExcluded: 1,
    });
    expect(out.needsReview.map((r) => r.workspaceId)).toEqual(['ws-never-new']);
    expect(out.items.find((i) => i.id === 'ws-old')).toMatchObject({
      region: 'us-east-1',
      lastConnection: '2026-09-01',
      reason: 'No connection for 76 days.',
    });
    // 34 checked desktops → ceil(34 / 25) = 2 connection-status calls; UserConnected for the 34
    // (the recent-use guard and AutoStop hours) and 2 health series → 3 GetMetricData calls.
    const counts = host.simulator.countsByAction();
    expect(counts['workspaces:DescribeWorkspacesConnectionStatus']).toBe(2);
    expect(counts['cloudwatch:GetMetricData']).toBe(3);
  });

  it('a failed connection-status batch makes its desktops unknown (in use), never unused', async () => {
    // The first batch of 25 ids (ws-old among them) fails; the second answers.
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      simulator: {
        faults: [{ operation: 'DescribeWorkspacesConnectionStatus', code: 'ValidationException', times: 1 }],
      },
    });
    const out = await invokeOk<Out>(host, 'list_unused_resources', { includeOtherServices: false });
    expect(out.items.some((i) => i.id === 'ws-old')).toBe(false);
    expect(out.counts.unknown).toBe(25);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Personal', code: 'ValidationException' }),
    ]);
  });

  it('a failed health-metric read leaves never-connected desktops for review, not unused', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      simulator: { faults: [{ operation: 'GetMetricData', code: 'InternalFailure' }] },
    });
    const out = await invokeOk<Out>(host, 'list_unused_resources', { includeOtherServices: false });
    expect(out.counts.neverConnected).toBe(0);
    expect(out.counts.neverConnectedUnconfirmed).toBe(2);
    expect(out.items.map((i) => i.id)).toEqual(['ws-old']);
    expect(out.errors[0]).toMatchObject({ service: 'Amazon CloudWatch' });
  });

  it('on a generated estate lists the desktops whose users stopped connecting, and never a standby', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Out>(host, 'list_unused_resources', {
      includeOtherServices: false,
      limit: 200,
    });
    const desktops = host.simulator.estate.personal.desktops;
    const usage = new Map(desktops.map((d) => [d.workspace.WorkspaceId, d]));
    expect(out.counts.unused).toBeGreaterThan(0);
    for (const item of out.items) {
      const d = usage.get(item.id);
      // An idle user (one short session a fortnight) can go 30 days without one; busy users never do.
      expect(['unused', 'never', 'idle']).toContain(d?.usage);
      expect(d?.workspace.RelatedWorkspaces?.some((r) => r.Type === 'PRIMARY') ?? false).toBe(false);
    }
  });

  it("adds other plugins' idle resources and reports a failing contributor as data", async () => {
    const host = await createTestHost({ plugins: [plugin, otherPlugin], estate: estate() });
    expect(host.registered.get('list_unused_resources')?.iamActions).toContain('appstream:DescribeFleets');
    const out = await invokeOk<Out>(host, 'list_unused_resources', {});
    expect(out.items.map((i) => i.id)).toEqual(['ws-old', 'ws-never-old', 'fleet-a']);
    expect(out.counts.otherServices).toBe(1);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Secure Browser', code: 'AccessDeniedException' }),
    ]);
  });

  it('asks every region of the default estate, contributions included, and totals across them', async () => {
    const host = await createTestHost({
      plugins: [plugin, otherPlugin],
      estate: { seed: 42, desktops: 200 },
    });
    const out = await invokeOk<Out>(host, 'list_unused_resources', { limit: 200 });
    expect(out.byScope.map((s) => s.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(out.counts.unused + out.counts.neverConnected).toBe(
      out.byScope.reduce((n, s) => n + s.unusedDesktops, 0),
    );
    // The test contributor answers once per region; the broken one fails once per region.
    expect(
      out.items
        .filter((i) => i.id === 'fleet-a')
        .map((i) => i.region)
        .sort(),
    ).toEqual(['eu-west-1', 'us-east-1']);
    expect(out.errors.map((e) => e.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('at 10,000 desktops in two regions answers within the 20 KB budget', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 10_000 } });
    const out = await invokeOk<Out>(host, 'list_unused_resources', {});
    const counts = host.simulator.countsByAction();
    // 25 ids per connection-status request, per region.
    expect(counts['workspaces:DescribeWorkspacesConnectionStatus']).toBeLessThanOrEqual(
      Math.ceil(out.counts.desktopsChecked / 25) + 1,
    );
    expect(out.items).toHaveLength(16);
    expect(out.summary).toContain('pass nextCursor');
    const bytes = answerBytes(out);
    expect(bytes).toBeLessThanOrEqual(ANSWER_BUDGET);
    console.info(`unused at 10k: ${JSON.stringify(counts)}, ${out.totalItems} items, ${bytes} bytes`);
  }, 600_000);
});

describe('list_unused_resources asked again', () => {
  const connectionReads = (host: { requests: readonly { action: string }[] }) =>
    host.requests.filter((r) => r.action === 'workspaces:DescribeWorkspacesConnectionStatus').length;

  it('reads last connections from the estate snapshot, and again with fresh: true', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    await invokeOk(host, 'list_unused_resources', { includeOtherServices: false });
    const first = connectionReads(host);
    expect(first).toBeGreaterThan(0);
    await invokeOk(host, 'list_unused_resources', { includeOtherServices: false });
    expect(connectionReads(host)).toBe(first);
    await invokeOk(host, 'list_unused_resources', { includeOtherServices: false, fresh: true });
    expect(connectionReads(host)).toBe(2 * first);
  });

  it('keeps no answer with a failed connection-status batch: the next call asks again', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      // The first batch fails once (all its retries): the first call answers partially.
      simulator: {
        faults: [
          { operation: 'DescribeWorkspacesConnectionStatus', code: 'AccessDeniedException', times: 1 },
        ],
      },
    });
    const partial = await invokeOk<Out>(host, 'list_unused_resources', { includeOtherServices: false });
    expect(partial.errors).toEqual([expect.objectContaining({ code: 'AccessDeniedException' })]);
    const before = connectionReads(host);
    const whole = await invokeOk<Out>(host, 'list_unused_resources', { includeOtherServices: false });
    expect(whole.errors).toEqual([]);
    expect(connectionReads(host)).toBeGreaterThan(before);
  });
});
