import { createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktopIn, smallEstate } from '../__tests__/estate.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';
import { billingNote } from './modify-workspace-running-mode.js';

const TOOL = 'modify_workspace_running_mode';

describe('modify_workspace_running_mode', () => {
  it('plans AlwaysOn → AutoStop with the next-month billing note; already-AutoStop and illegal targets are skipped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-graph0001', 'ws-avail0001', 'ws-impdir001', 'ws-unheal001'],
      runningMode: 'AUTO_STOP',
    });
    expect(result.warnings).toEqual([
      billingNote('AUTO_STOP'),
      expect.stringContaining(
        'ws-graph0001: GPU (or GeneralPurpose.4xlarge/8xlarge) bundles do not hibernate',
      ),
      'ws-graph0001 is a PRIMARY with standby ws-stdby0001 in us-west-2: switching the primary does not change the standby.',
    ]);
    expect(result.warnings[0]).toContain('next month');
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-graph0001')?.status).toBe('planned');
    expect(byId.get('ws-avail0001')?.message).toBe('already AUTO_STOP.');
    expect(byId.get('ws-unheal001')?.message).toContain(
      'cannot modify the properties of a desktop in UNHEALTHY',
    );
    expect(byId.get('ws-impdir001')?.message).toBe('already AUTO_STOP.');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('skips a desktop whose previous property change is still being applied', async () => {
    const estate = smallEstate();
    desktopIn(estate, 'ws-graph0001').workspace.ModificationStates = [
      { Resource: 'COMPUTE_TYPE', State: 'UPDATE_IN_PROGRESS' },
    ];
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-graph0001'],
      runningMode: 'AUTO_STOP',
    });
    expect(result.targets[0]?.message).toContain('another property change is still being applied');
  });

  it('applies one ModifyWorkspaceProperties per desktop with the mode and timeout, and the estate follows', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const input = {
      workspaceIds: ['ws-graph0001', 'ws-admin0001', 'ws-avail0001'],
      runningMode: 'AUTO_STOP',
      autoStopTimeoutMinutes: 120,
    };
    const { planId } = await invokeOk<Outcome>(host, TOOL, input);
    const result = await invokeOk<Outcome>(host, TOOL, {
      ...input,
      confirm: true,
      planId,
    });
    // ws-avail0001 is AUTO_STOP but its timeout changes, so it is not skipped; ADMIN_MAINTENANCE is.
    expect(result.counts).toMatchObject({ ok: 2, skipped: 1 });
    const modified = host.requests
      .filter((r) => r.action === 'workspaces:ModifyWorkspaceProperties')
      .map((r) => r.input);
    expect(modified.map((input) => input.WorkspaceId).sort()).toEqual(['ws-avail0001', 'ws-graph0001']);
    for (const input of modified)
      expect(input.WorkspaceProperties).toEqual({
        RunningMode: 'AUTO_STOP',
        RunningModeAutoStopTimeoutInMinutes: 120,
      });
    expect(desktopIn(host.simulator.estate, 'ws-graph0001').workspace.WorkspaceProperties).toMatchObject({
      RunningMode: 'AUTO_STOP',
      RunningModeAutoStopTimeoutInMinutes: 120,
    });
  });

  it('MANUAL is refused by AWS per desktop outside allow-listed Core accounts: each target fails with the code', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const input = { workspaceIds: ['ws-avail0001', 'ws-graph0001'], runningMode: 'MANUAL' };
    const { planId } = await invokeOk<Outcome>(host, TOOL, input);
    const result = await invokeOk<Outcome>(host, TOOL, {
      ...input,
      confirm: true,
      planId,
    });
    expect(result.warnings[0]).toContain('allow-listed');
    expect(result).toMatchObject({ status: 'failed', counts: { ok: 0, failed: 2 } });
    expect(result.targets.map((t) => t.code)).toEqual([
      'OperationNotSupportedException',
      'OperationNotSupportedException',
    ]);
  });

  it('gives the same AlwaysOn timing advice as recommend_running_mode, never a blanket "near month-end"', () => {
    const note = billingNote('ALWAYS_ON');
    expect(note).not.toMatch(/near month-end/);
    expect(note).toContain('Switch now when');
    expect(note).toContain('last UTC day');
  });

  it('warns only where AutoStop behaves differently: GPU bundles do not hibernate', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const toAlwaysOn = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-graph0001'],
      runningMode: 'ALWAYS_ON',
    });
    expect(toAlwaysOn.warnings.some((w) => w.includes('hibernate'))).toBe(false);
    const plain = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-manual001'],
      runningMode: 'AUTO_STOP',
    });
    expect(plain.warnings.some((w) => w.includes('hibernate'))).toBe(false);
  });

  it('says AlwaysOn billing is immediate and prorated, and refuses a timeout for it', async () => {
    expect(billingNote('ALWAYS_ON')).toContain('immediately, prorated');
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001'],
      runningMode: 'ALWAYS_ON',
      autoStopTimeoutMinutes: 60,
    });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toContain('only to AUTO_STOP');
    const odd = await host.invoke(TOOL, {
      workspaceIds: ['ws-avail0001'],
      runningMode: 'AUTO_STOP',
      autoStopTimeoutMinutes: 90,
    });
    expect(odd.ok).toBe(false);
    expect(odd.text).toContain('autoStopTimeoutMinutes: expected an integer from 60 to 2880 in steps of 60');
  });
});
