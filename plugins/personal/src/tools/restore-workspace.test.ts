import { describe, expect, it } from 'vitest';
import { desktopIn, smallEstate } from '../__tests__/estate.js';
import { call, personalHost } from '../__tests__/host.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';

const TOOL = 'restore_workspace';
const options = { enableWrites: true, enableDestructive: true };

describe('restore_workspace', () => {
  it('the plan shows the restore snapshot the desktop goes back to and what is lost since', async () => {
    const { host, requests } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result.targets[0]?.detail).toMatchObject({
      snapshot: '2026-06-17T06:00:00.000Z',
      snapshotAgeHours: 6,
    });
    expect(String(result.targets[0]?.detail?.dataLost)).toContain('after 2026-06-17T06:00:00.000Z');
    expect(result.impact).toContain('rolls back');
    expect(mutating(requests)).toEqual([]);
  });

  it('a desktop with no restore snapshot is skipped: there is nothing to restore to', async () => {
    const { host } = await personalHost(smallEstate(), options);
    const result = await call<Outcome>(host, TOOL, {
      workspaceId: 'ws-stopped01',
      confirm: true,
      acknowledge: 'RESTORE',
    });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toContain('no restore snapshot');
  });

  it('restores with confirm and the exact phrase; an unknown id is skipped as not found', async () => {
    const { host, simulator, requests } = await personalHost(smallEstate(), options);
    const done = await call<Outcome>(host, TOOL, {
      workspaceId: 'ws-error0001',
      confirm: true,
      acknowledge: 'RESTORE',
    });
    expect(done).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(requests)).toEqual(['workspaces:RestoreWorkspace']);
    expect(desktopIn(simulator.estate, 'ws-error0001').workspace.State).toBe('AVAILABLE');
    const missing = await call<Outcome>(host, TOOL, { workspaceId: 'ws-nothere01' });
    expect(missing.targets[0]?.message).toContain('not found');
  });

  it('a desktop put into maintenance after the plan is refused by AWS and reported failed', async () => {
    const { host } = await personalHost(smallEstate(), {
      ...options,
      afterRequest: (request, estate) => {
        if (request.operation === 'DescribeWorkspaceSnapshots')
          desktopIn(estate, 'ws-unheal001').workspace.State = 'ADMIN_MAINTENANCE';
      },
    });
    const result = await call<Outcome>(host, TOOL, {
      workspaceId: 'ws-unheal001',
      confirm: true,
      acknowledge: 'RESTORE',
    });
    expect(result).toMatchObject({ status: 'failed', counts: { failed: 1 } });
    expect(result.targets[0]?.code).toBe('InvalidResourceStateException');
  });
});
