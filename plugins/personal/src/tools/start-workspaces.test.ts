import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktop, desktopIn, smallEstate, WSD } from '../__tests__/estate.js';
import type { Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'start_workspaces';

describe('start_workspaces', () => {
  it('starts STOPPED AutoStop and Manual desktops in one request; AVAILABLE ones are skipped with the reason', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01', 'ws-manual001', 'ws-avail0001'],
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2, skipped: 1 } });
    expect(result.targets.find((t) => t.id === 'ws-avail0001')?.message).toBe(
      'cannot start a desktop in AVAILABLE; only STOPPED desktops start.',
    );
    expect(
      host.requests
        .filter((r) => r.action === 'workspaces:StartWorkspaces')
        .map((r) => r.input.StartWorkspaceRequests),
    ).toEqual([[{ WorkspaceId: 'ws-stopped01' }, { WorkspaceId: 'ws-manual001' }]]);
    // The estate changed: a later describe sees the desktops running.
    expect(desktopIn(host.simulator.estate, 'ws-stopped01').workspace.State).toBe('AVAILABLE');
  });

  it('calls out a standby desktop among the targets', async () => {
    const estate = smallEstate();
    estate.personal.desktops.push(
      desktop('ws-stdby0002', 'STOPPED', 'AUTO_STOP', 'carol', WSD, {
        RelatedWorkspaces: [{ WorkspaceId: 'ws-prim00002', Region: 'us-west-2', Type: 'PRIMARY' }],
      }),
    );
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ['ws-stdby0002'] });
    expect(result.status).toBe('planned');
    expect(result.warnings).toEqual([
      'ws-stdby0002 is the STANDBY of ws-prim00002 in us-west-2: users fail over to it during a regional outage; starting it does not change the primary.',
    ]);
  });

  it('when the only batch fails with throttling, every target is failed, none reported ok', {
    timeout: 20_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      enableWrites: true,
      simulator: {
        faults: [{ service: 'workspaces', operation: 'StartWorkspaces', code: 'ThrottlingException' }],
      },
    });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01', 'ws-manual001'],
    });
    expect(result).toMatchObject({ status: 'failed', counts: { ok: 0, failed: 2 } });
    expect(result.targets.map((t) => t.code)).toEqual(['ThrottlingException', 'ThrottlingException']);
    // The SDK retried the batch (3 attempts) before giving up.
    expect(host.simulator.countsByAction()['workspaces:StartWorkspaces']).toBe(3);
    expect(desktopIn(host.simulator.estate, 'ws-stopped01').workspace.State).toBe('STOPPED');
  });
});
