import { confirmOk, createTestHost } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktopIn, smallEstate } from '../__tests__/estate.js';
import type { Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'modify_workspace_state';

describe('modify_workspace_state', () => {
  it('only AVAILABLE desktops enter ADMIN_MAINTENANCE; STOPPED ones are skipped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001', 'ws-stopped01', 'ws-admin0001'],
      state: 'ADMIN_MAINTENANCE',
    });
    expect(result.counts).toMatchObject({ ok: 1, skipped: 2 });
    expect(result.targets.find((t) => t.id === 'ws-stopped01')?.message).toContain('only from AVAILABLE');
    expect(result.targets.find((t) => t.id === 'ws-admin0001')?.message).toBe(
      'already in ADMIN_MAINTENANCE.',
    );
    expect(
      host.requests.filter((r) => r.action === 'workspaces:ModifyWorkspaceState').map((r) => r.input),
    ).toEqual([{ WorkspaceId: 'ws-avail0001', WorkspaceState: 'ADMIN_MAINTENANCE' }]);
    expect(result.warnings[0]).toContain('cannot sign in');
    expect(desktopIn(host.simulator.estate, 'ws-avail0001').workspace.State).toBe('ADMIN_MAINTENANCE');
  });

  it('returns ADMIN_MAINTENANCE desktops to AVAILABLE', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-admin0001', 'ws-avail0001'],
      state: 'AVAILABLE',
    });
    expect(result.targets.map((t) => t.status)).toEqual(['ok', 'skipped']);
    expect(desktopIn(host.simulator.estate, 'ws-admin0001').workspace.State).toBe('AVAILABLE');
  });

  it('a denied request fails its target with the IAM action named', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      enableWrites: true,
      simulator: {
        faults: [{ service: 'workspaces', operation: 'ModifyWorkspaceState', code: 'AccessDeniedException' }],
      },
    });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001'],
      state: 'ADMIN_MAINTENANCE',
    });
    expect(result).toMatchObject({ status: 'failed', counts: { failed: 1 } });
    expect(result.targets[0]?.message).toContain('workspaces:ModifyWorkspaceState');
  });
});
