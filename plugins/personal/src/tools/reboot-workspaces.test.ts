import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktopIn, uniformEstate } from '../__tests__/estate.js';
import type { Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'reboot_workspaces';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `ws-uni${String(i).padStart(6, '0')}`);

describe('reboot_workspaces', () => {
  it('sends 30 desktops as batches of 25 and 5; a FailedRequests entry fails only its target', async () => {
    const estate = uniformEstate(30, 'UNHEALTHY');
    let armed = false;
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      limits: { maxBulkTargets: 50 },
      simulator: {
        // ws-uni000003 is stopped by someone else after the confirmed call's plan read it: AWS
        // refuses that one.
        observe: (request) => {
          if (armed && request.operation === 'DescribeWorkspaces')
            desktopIn(estate, 'ws-uni000003').workspace.State = 'STOPPED';
        },
      },
    });
    const { planId } = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids(30) });
    armed = true;
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids(30), confirm: true, planId });
    const batches = host.requests
      .filter((r) => r.action === 'workspaces:RebootWorkspaces')
      .map((r) => (r.input.RebootWorkspaceRequests as unknown[]).length);
    expect(batches.sort()).toEqual([25, 5]);
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 29, failed: 1 } });
    expect(result.targets.find((t) => t.id === 'ws-uni000003')).toMatchObject({
      status: 'failed',
      code: 'InvalidResourceState.Workspace',
    });
  });

  it('a batch whose whole request failed reports each of its targets failed; the other batch still applies', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: uniformEstate(30, 'AVAILABLE'),
      enableWrites: true,
      limits: { maxBulkTargets: 50, concurrency: 1 },
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'RebootWorkspaces', code: 'AccessDeniedException', times: 1 },
        ],
      },
    });
    const result = await confirmOk<Outcome>(host, TOOL, { workspaceIds: ids(30) });
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 5, failed: 25 } });
    const failed = result.targets.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.id)).toEqual(ids(25));
    expect(
      failed.every(
        (t) => t.code === 'AccessDeniedException' && t.message?.includes('workspaces:RebootWorkspaces'),
      ),
    ).toBe(true);
    expect(host.simulator.countsByAction()['workspaces:RebootWorkspaces']).toBe(2);
  });

  it('a plan over the blast-radius cap gets no planId, so no confirmed call can run it', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: uniformEstate(30, 'AVAILABLE'),
      enableWrites: true,
    });
    const plan = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids(30) });
    expect(plan).toMatchObject({ status: 'planned', withinBulkCap: false });
    expect(plan.planId).toBeUndefined();
    expect(plan.summary).toContain('more than the blast-radius cap of 25');
    const confirmed = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids(30), confirm: true });
    expect(confirmed).toMatchObject({ status: 'refused', refusal: { gate: 'plan' } });
    expect(host.simulator.countsByAction()['workspaces:RebootWorkspaces']).toBeUndefined();
  });

  it('a desktop already REBOOTING is planned with the 20-minute caution; a STOPPED one is skipped', async () => {
    const estate = uniformEstate(2, 'REBOOTING');
    desktopIn(estate, 'ws-uni000001').workspace.State = 'STOPPED';
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids(2) });
    expect(result.targets[0]?.detail?.caution).toContain('more than 20 minutes');
    expect(result.targets[1]).toMatchObject({ status: 'skipped', current: 'STOPPED' });
    expect(result.targets[1]?.message).toContain('AVAILABLE, UNHEALTHY, REBOOTING');
  });
});
