import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { call, personalHost } from '../__tests__/host.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';

const TOOL = 'rebuild_workspaces';
const options = { enableWrites: true, enableDestructive: true };

describe('rebuild_workspaces', () => {
  it('the plan shows each desktop’s rebuild snapshot and what is lost; illegal states are skipped', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-error0001', 'ws-admin0001', 'ws-stopped01'],
    });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-unheal001')?.detail).toMatchObject({ snapshot: '2026-06-17T00:00:00.000Z' });
    expect(String(byId.get('ws-unheal001')?.detail?.dataLost)).toContain('after 2026-06-17T00:00:00.000Z');
    expect(byId.get('ws-error0001')?.detail?.snapshot).toBe('2026-06-15T12:00:00.000Z');
    expect(byId.get('ws-admin0001')?.status).toBe('skipped');
    expect(result.warnings).toEqual([
      'ws-stopped01: no rebuild snapshot yet; the user volume may come back empty.',
    ]);
    // One snapshot lookup per actionable desktop, none for skipped ones.
    expect(
      requests
        .filter((r) => r.operation === 'DescribeWorkspaceSnapshots')
        .map((r) => r.input.WorkspaceId)
        .sort(),
    ).toEqual(['ws-error0001', 'ws-stopped01', 'ws-unheal001']);
    expect(mutating(requests)).toEqual([]);
  });

  it('sends exactly one desktop per RebuildWorkspaces request', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-unheal001', 'ws-error0001', 'ws-avail0001'],
      confirm: true,
      acknowledge: 'REBUILD',
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 3, failed: 0 } });
    const sent = requests
      .filter((r) => r.operation === 'RebuildWorkspaces')
      .map((r) => r.input.RebuildWorkspaceRequests);
    expect(sent).toHaveLength(3);
    expect(sent.every((batch) => (batch as unknown[]).length === 1)).toBe(true);
  });
});
