import { confirmOk, createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { AD, desktopIn, hoursAgo, SUBNETS, smallEstate, uniformEstate } from '../__tests__/estate.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'rebuild_workspaces';
const options = { enableWrites: true, enableDestructive: true };

describe('rebuild_workspaces', () => {
  it('the plan shows each desktop’s rebuild snapshot, its age and what is lost; illegal states and desktops without a snapshot are skipped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-error0001', 'ws-admin0001', 'ws-stopped01'],
      includeRecentlyUsed: true,
    });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-unheal001')?.detail).toMatchObject({
      snapshot: '2026-06-17T00:00:00.000Z',
      snapshotAgeHours: 12,
      subnetFreeIps: 200,
    });
    expect(String(byId.get('ws-unheal001')?.detail?.dataLost)).toContain('after 2026-06-17T00:00:00.000Z');
    expect(byId.get('ws-error0001')?.detail).toMatchObject({
      snapshot: '2026-06-15T12:00:00.000Z',
      snapshotAgeHours: 48,
    });
    expect(byId.get('ws-admin0001')?.status).toBe('skipped');
    expect(byId.get('ws-stopped01')).toMatchObject({ status: 'skipped' });
    expect(byId.get('ws-stopped01')?.message).toContain('no rebuild snapshot exists yet');
    expect(result.impact).toContain('new private IP address');
    expect(result.warnings).toEqual([]);
    // One snapshot lookup per legal desktop, none for the illegal one.
    expect(
      host.requests
        .filter((r) => r.action === 'workspaces:DescribeWorkspaceSnapshots')
        .map((r) => r.input.WorkspaceId)
        .sort(),
    ).toEqual(['ws-error0001', 'ws-stopped01', 'ws-unheal001']);
    expect(mutating(host.requests)).toEqual([]);
  });

  it('warns when a subnet has fewer free IPs than rebuilds landing in it: each rebuilt desktop gets a new IP', async () => {
    const estate = smallEstate();
    const subnet = estate.personal.subnets.find((s) => s.subnetId === SUBNETS[AD][0].subnetId);
    if (subnet) subnet.availableIpAddressCount = 1;
    const host = await createTestHost({ plugins: [plugin], estate, ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-error0001'],
      includeRecentlyUsed: true,
    });
    expect(result.warnings).toEqual([
      `Subnet ${SUBNETS[AD][0].subnetId} has 1 free IP address(es) for 2 rebuild(s): each rebuilt desktop gets a new private IP, so 1 would fail. Free addresses first.`,
    ]);
    expect(host.simulator.countsByAction()['ec2:DescribeSubnets']).toBe(1);
  });

  it('with includeRecentlyUsed, says when the user worked after the snapshot, or is connected right now: that work is lost', async () => {
    const estate = smallEstate();
    desktopIn(estate, 'ws-unheal001').connection = {
      WorkspaceId: 'ws-unheal001',
      ConnectionState: 'DISCONNECTED',
      LastKnownUserConnectionTimestamp: hoursAgo(2),
    };
    const host = await createTestHost({ plugins: [plugin], estate, ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-avail0001'],
      includeRecentlyUsed: true,
    });
    expect(result.warnings).toEqual([
      'ws-unheal001: its user last connected at 2026-06-17T10:00:00.000Z, after the snapshot (2026-06-17T00:00:00.000Z): files saved in between are lost.',
      'ws-avail0001: a user is connected right now; they are disconnected and lose everything since 2026-06-17T07:00:00.000Z, unsaved work included.',
    ]);
    expect(result.targets.map((t) => t.detail?.usedSinceSnapshot)).toEqual([true, true]);
    // One connection-status call for both targets.
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspacesConnectionStatus']).toBe(1);
  });

  it('sends exactly one desktop per RebuildWorkspaces request', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-error0001', 'ws-avail0001'],
      includeRecentlyUsed: true,
      acknowledge: 'REBUILD',
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 3, failed: 0 } });
    const batches = host.requests
      .filter((r) => r.action === 'workspaces:RebuildWorkspaces')
      .map((r) => r.input.RebuildWorkspaceRequests);
    expect(batches).toHaveLength(3);
    expect(batches.every((batch) => (batch as unknown[]).length === 1)).toBe(true);
    expect(desktopIn(host.simulator.estate, 'ws-error0001').workspace.State).toBe('AVAILABLE');
  });

  it('looks up snapshots only up to the blast-radius cap: a bigger confirmed call would be refused anyway', async () => {
    const estate = uniformEstate(30, 'AVAILABLE');
    for (const d of estate.personal.desktops)
      d.snapshots = { restore: [], rebuild: [{ SnapshotTime: hoursAgo(3) }] };
    const host = await createTestHost({ plugins: [plugin], estate, ...options });
    const ids = estate.personal.desktops.map((d) => d.workspace.WorkspaceId ?? '');
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids });
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaceSnapshots']).toBe(25);
    expect(result.warnings[0]).toContain('first 25 of 30 targets');
    expect(result.summary).toContain('blast-radius cap of 25');
  });

  it('a desktop in eu-west-1 is planned from eu-west-1 (snapshot, use, subnets) and rebuilt there', async () => {
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const target = estate.personal.desktops.find(
      (d) =>
        d.region === 'eu-west-1' &&
        ['AVAILABLE', 'STOPPED', 'UNHEALTHY'].includes(d.workspace.State ?? '') &&
        d.snapshots.rebuild.length > 0 &&
        !d.workspace.RelatedWorkspaces,
    );
    const id = target?.workspace.WorkspaceId ?? '';
    const host = await createTestHost({ plugins: [plugin], estate, ...options });
    const done = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: [id],
      includeRecentlyUsed: true,
      acknowledge: 'REBUILD',
    });
    expect(done.targets[0]).toMatchObject({ status: 'ok', detail: { region: 'eu-west-1' } });
    expect(done.targets[0]?.detail?.snapshot).toEqual(expect.any(String));
    const afterLookup = host.requests.filter((r) => r.action !== 'workspaces:DescribeWorkspaces');
    expect(afterLookup.map((r) => r.action)).toContain('workspaces:RebuildWorkspaces');
    expect(afterLookup.every((r) => r.region === 'eu-west-1')).toBe(true);
  });

  it('skips desktops connected now or used in the last 14 days unless includeRecentlyUsed, and says which and why', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const workspaceIds = ['ws-avail0001', 'ws-unheal001', 'ws-error0001'];
    const plan = await invokeOk<Outcome>(host, TOOL, { workspaceIds });
    const byId = new Map(plan.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-avail0001')).toMatchObject({
      status: 'skipped',
      message: 'in use: a user is connected now (within 14 days); includeRecentlyUsed: true keeps it.',
    });
    expect(byId.get('ws-unheal001')).toMatchObject({
      status: 'skipped',
      message: 'in use: its user connected 1 d ago (within 14 days); includeRecentlyUsed: true keeps it.',
    });
    expect(byId.get('ws-error0001')?.status).toBe('planned');
    expect(plan.warnings).toContain(
      'Skipped 2 desktop(s) in use (connected now, used in the last 14 days, or use unknown): ws-avail0001, ws-unheal001. Pass includeRecentlyUsed: true to include them.',
    );
    // The planId binds the skips: confirming with includeRecentlyUsed widens the plan and is refused.
    const widened = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds,
      includeRecentlyUsed: true,
      confirm: true,
      planId: plan.planId,
      acknowledge: 'REBUILD',
    });
    expect(widened).toMatchObject({
      status: 'refused',
      refusal: { gate: 'plan' },
      counts: { actionable: 3 },
    });
    const done = await confirmOk<Outcome>(host, TOOL, { workspaceIds, acknowledge: 'REBUILD' });
    expect(done).toMatchObject({ status: 'applied', counts: { ok: 1, skipped: 2 } });
    expect(host.requests.filter((r) => r.action === 'workspaces:RebuildWorkspaces')).toHaveLength(1);
  });
});
