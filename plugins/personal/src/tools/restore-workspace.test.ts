import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktopIn, smallEstate } from '../__tests__/estate.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'restore_workspace';
const options = { enableWrites: true, enableDestructive: true };

describe('restore_workspace', () => {
  it('the plan shows the restore snapshot the desktop goes back to and what is lost since', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceId: 'ws-unheal001',
      includeRecentlyUsed: true,
    });
    expect(result.targets[0]?.detail).toMatchObject({
      snapshot: '2026-06-17T06:00:00.000Z',
      snapshotAgeHours: 6,
    });
    expect(String(result.targets[0]?.detail?.dataLost)).toContain('after 2026-06-17T06:00:00.000Z');
    expect(result.impact).toContain('rolls back');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('a desktop used in the last 14 days is skipped unless includeRecentlyUsed', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceId: 'ws-unheal001' });
    expect(result).toMatchObject({ status: 'nothing-to-do', counts: { skipped: 1 } });
    expect(result.targets[0]?.message).toBe(
      'in use: its user connected 1 d ago (within 14 days); includeRecentlyUsed: true keeps it.',
    );
    expect(result.planId).toBeUndefined();
  });

  it('a desktop with no restore snapshot is skipped: there is nothing to restore to', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceId: 'ws-stopped01',
      acknowledge: 'RESTORE',
    });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toContain('no restore snapshot');
  });

  it('restores with confirm and the exact phrase; an unknown id is an error naming the field', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const done = await confirmOk<Outcome>(host, TOOL, {
      workspaceId: 'ws-error0001',
      acknowledge: 'RESTORE',
    });
    expect(done).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(host.requests)).toEqual(['workspaces:RestoreWorkspace']);
    expect(desktopIn(host.simulator.estate, 'ws-error0001').workspace.State).toBe('AVAILABLE');
    const missing = await host.invoke(TOOL, { workspaceId: 'ws-nothere01' });
    expect(missing.ok).toBe(false);
    expect(missing.text).toContain('workspaceId: no WorkSpace ws-nothere01 in us-east-1');
  });

  it('a desktop put into maintenance after the plan is refused by AWS and reported failed', async () => {
    const estate = smallEstate();
    let armed = false;
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      ...options,
      simulator: {
        // Put into maintenance while the confirmed call's plan reads the snapshots.
        observe: (request) => {
          if (armed && request.operation === 'DescribeWorkspaceSnapshots')
            desktopIn(estate, 'ws-unheal001').workspace.State = 'ADMIN_MAINTENANCE';
        },
      },
    });
    const input = { workspaceId: 'ws-unheal001', includeRecentlyUsed: true };
    const { planId } = await invokeOk<Outcome>(host, TOOL, input);
    armed = true;
    const result = await invokeOk<Outcome>(host, TOOL, {
      ...input,
      confirm: true,
      planId,
      acknowledge: 'RESTORE',
    });
    expect(result).toMatchObject({ status: 'failed', counts: { failed: 1 } });
    expect(result.targets[0]?.code).toBe('InvalidResourceStateException');
  });
});
