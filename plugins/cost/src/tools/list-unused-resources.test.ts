import { definePlugin, type IdleContributor } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { always, estateHost, type FakeDesktop } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { plugin } from '../index.js';

// Monday 17 March 2025 10:30 UTC; a 30-day window starts 15 Feb 10:00 UTC.
const NOW = new Date('2025-03-17T10:30:00Z');
const WINDOW_START = Date.parse('2025-02-15T10:00:00Z');
const desk = (id: string, mode: string, extra: Partial<FakeDesktop> = {}): FakeDesktop => ({
  WorkspaceId: id,
  UserName: id.replace('ws-', ''),
  State: 'AVAILABLE',
  WorkspaceProperties: { RunningMode: mode, ComputeTypeName: 'STANDARD' },
  ...extra,
});
const busy = Array.from({ length: 30 }, (_, i) => desk(`ws-busy${i}`, 'AUTO_STOP'));

const estate = {
  desktops: [
    desk('ws-recent', 'ALWAYS_ON'),
    desk('ws-old', 'ALWAYS_ON'),
    desk('ws-never-old', 'AUTO_STOP', { State: 'STOPPED' }),
    desk('ws-never-new', 'AUTO_STOP', { State: 'STOPPED' }),
    desk('ws-standby', 'ALWAYS_ON', { RelatedWorkspaces: [{ WorkspaceId: 'ws-old', Type: 'PRIMARY' }] }),
    desk('ws-pending', 'AUTO_STOP', { State: 'PENDING' }),
    ...busy,
  ],
  lastConnection: {
    'ws-recent': new Date('2025-03-10T09:00:00Z'),
    'ws-old': new Date('2025-01-01T08:00:00Z'),
    ...Object.fromEntries(busy.map((d) => [d.WorkspaceId, new Date('2025-03-14T12:00:00Z')])),
  },
  metrics: {
    // Stopped on the window's first day: it existed 30 days ago.
    'ws-never-old': { Stopped: (t: Date) => (t.getTime() >= WINDOW_START ? 1 : undefined) },
    'ws-standby': { Available: always(1) },
  },
};

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
    throw awsError('AccessDeniedException', 'not authorized to perform workspaces-web:ListPortals');
  },
};
const otherPlugin = definePlugin({
  name: 'test-idle',
  version: '0.0.0',
  description: 'idle contributors for tests',
  tools: [],
  contributes: { idle: [fleetContributor, brokenContributor] },
});

type Out = {
  counts: Record<string, number>;
  items: { id: string; idleDays: number | null; service: string; reason: string }[];
  needsReview: { workspaceId: string }[];
  errors: { service: string; code: string }[];
};

describe('list_unused_resources', () => {
  it('lists desktops idle past the window and never-connected ones that existed at its start', async () => {
    const { host, count } = await estateHost(plugin, estate, { now: NOW });
    const result = await host.invoke('list_unused_resources', { includeOtherServices: false });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    // Never-connected first, then the longest idle: Jan 1 08:00 → Mar 17 10:30 is 75 days.
    expect(out.items.map((i) => [i.id, i.idleDays])).toEqual([
      ['ws-never-old', null],
      ['ws-old', 75],
    ]);
    expect(out.counts).toMatchObject({
      desktopsChecked: 34,
      unused: 1,
      neverConnected: 1,
      neverConnectedUnconfirmed: 1,
      unknown: 0,
      standbyExcluded: 1,
    });
    expect(out.needsReview.map((r) => r.workspaceId)).toEqual(['ws-never-new']);
    expect(out.items.find((i) => i.id === 'ws-old')?.reason).toContain('full monthly fee');
    // 34 checked desktops → ceil(34 / 25) = 2 connection-status calls; 2 health series → 2 GetMetricData calls.
    expect(count('DescribeWorkspacesConnectionStatus')).toBe(2);
    expect(count('GetMetricData')).toBe(2);
  });

  it('a failed connection-status batch makes its desktops unknown (in use), never unused', async () => {
    const failing = {
      ...estate,
      failIf: (request: { operation: string; input: Record<string, unknown> }) =>
        request.operation === 'DescribeWorkspacesConnectionStatus' &&
        (request.input.WorkspaceIds as string[]).includes('ws-old')
          ? awsError('ValidationException', 'bad batch', 400)
          : undefined,
    };
    const { host } = await estateHost(plugin, failing, { now: NOW });
    const result = await host.invoke('list_unused_resources', { includeOtherServices: false });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(out.items.some((i) => i.id === 'ws-old')).toBe(false);
    expect(out.counts.unknown).toBe(25);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'Amazon WorkSpaces', code: 'ValidationException' }),
    ]);
  });

  it('a failed health-metric read leaves never-connected desktops for review, not unused', async () => {
    const { host } = await estateHost(
      plugin,
      { ...estate, failures: { GetMetricData: awsError('InternalFailure', 'down', 500) } },
      { now: NOW },
    );
    const result = await host.invoke('list_unused_resources', { includeOtherServices: false });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(out.counts.neverConnected).toBe(0);
    expect(out.counts.neverConnectedUnconfirmed).toBe(2);
    expect(out.items.map((i) => i.id)).toEqual(['ws-old']);
    expect(out.errors[0]).toMatchObject({ service: 'Amazon CloudWatch' });
  });

  it("adds other plugins' idle resources and reports a failing contributor as data", async () => {
    const { host } = await estateHost(plugin, estate, { now: NOW, extraPlugins: [otherPlugin] });
    expect(host.registered.get('list_unused_resources')?.iamActions).toContain('appstream:DescribeFleets');
    const result = await host.invoke('list_unused_resources', {});
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(out.items.map((i) => i.id)).toEqual(['ws-never-old', 'ws-old', 'fleet-a']);
    expect(out.counts.otherServices).toBe(1);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Secure Browser', code: 'AccessDeniedException' }),
    ]);
  });
});
