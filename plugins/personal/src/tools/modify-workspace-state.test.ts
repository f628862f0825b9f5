import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { call, personalHost } from '../__tests__/host.js';
import type { Outcome } from '../__tests__/outcome.js';

const TOOL = 'modify_workspace_state';

describe('modify_workspace_state', () => {
  it('only AVAILABLE desktops enter ADMIN_MAINTENANCE; STOPPED ones are skipped', async () => {
    const { host, requests } = await personalHost(smallEstate(), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001', 'ws-stopped01', 'ws-admin0001'],
      state: 'ADMIN_MAINTENANCE',
      confirm: true,
    });
    expect(result.counts).toMatchObject({ ok: 1, skipped: 2 });
    expect(result.targets.find((t) => t.id === 'ws-stopped01')?.message).toContain('only from AVAILABLE');
    expect(result.targets.find((t) => t.id === 'ws-admin0001')?.message).toBe(
      'already in ADMIN_MAINTENANCE.',
    );
    expect(requests.filter((r) => r.operation === 'ModifyWorkspaceState').map((r) => r.input)).toEqual([
      { WorkspaceId: 'ws-avail0001', WorkspaceState: 'ADMIN_MAINTENANCE' },
    ]);
  });

  it('returns ADMIN_MAINTENANCE desktops to AVAILABLE', async () => {
    const { host } = await personalHost(smallEstate(), { enableWrites: true });
    const result = await call<Outcome>(host, TOOL, {
      workspaceIds: ['ws-admin0001', 'ws-avail0001'],
      state: 'AVAILABLE',
    });
    expect(result.targets.map((t) => t.status)).toEqual(['planned', 'skipped']);
  });
});
