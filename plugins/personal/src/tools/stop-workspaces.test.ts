import { confirmOk, createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { desktopIn, smallEstate } from '../__tests__/estate.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'stop_workspaces';
const ids = ['ws-avail0001', 'ws-unheal001', 'ws-stopped01', 'ws-error0001', 'ws-nothere01'];

describe('stop_workspaces', () => {
  it('without confirm returns the plan, skips illegal and unknown targets, and sends no mutating call', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ids });
    expect(result).toMatchObject({
      status: 'planned',
      dryRun: true,
      counts: { targets: 5, actionable: 2, skipped: 3 },
    });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get('ws-avail0001')).toMatchObject({ status: 'planned', current: 'AVAILABLE' });
    expect(byId.get('ws-error0001')).toMatchObject({ status: 'planned', current: 'ERROR' });
    expect(byId.get('ws-unheal001')?.message).toContain('ALWAYS_ON');
    expect(byId.get('ws-stopped01')?.message).toContain('cannot stop a desktop in STOPPED');
    expect(byId.get('ws-nothere01')?.message).toContain('not found');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('with confirm stops only the legal targets in one request', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), enableWrites: true });
    const result = await confirmOk<Outcome>(host, TOOL, { workspaceIds: ids });
    expect(result).toMatchObject({
      status: 'applied',
      dryRun: false,
      counts: { ok: 2, failed: 0, skipped: 3 },
    });
    expect(
      host.requests
        .filter((r) => r.action === 'workspaces:StopWorkspaces')
        .map((r) => r.input.StopWorkspaceRequests),
    ).toEqual([[{ WorkspaceId: 'ws-avail0001' }, { WorkspaceId: 'ws-error0001' }]]);
    expect(desktopIn(host.simulator.estate, 'ws-avail0001').workspace.State).toBe('STOPPED');
  });

  it('a desktop that changed state between plan and apply fails alone, with the code AWS gave', async () => {
    const estate = smallEstate();
    let armed = false;
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        // Someone stops ws-avail0001 right after the confirmed call's plan read it.
        observe: (request) => {
          if (armed && request.operation === 'DescribeWorkspaces')
            desktopIn(estate, 'ws-avail0001').workspace.State = 'STOPPED';
        },
      },
    });
    const input = { workspaceIds: ['ws-avail0001', 'ws-error0001'] };
    const { planId } = await invokeOk<Outcome>(host, TOOL, input);
    armed = true;
    const result = await invokeOk<Outcome>(host, TOOL, { ...input, confirm: true, planId });
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 1, failed: 1 } });
    expect(result.targets.find((t) => t.id === 'ws-avail0001')).toMatchObject({
      status: 'failed',
      code: 'InvalidResourceState.Workspace',
    });
  });

  it('a desktop stopped between the dry run and the confirmed call is refused with a fresh plan; nothing is sent', async () => {
    const estate = smallEstate();
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const input = { workspaceIds: ['ws-avail0001', 'ws-error0001'] };
    const { planId } = await invokeOk<Outcome>(host, TOOL, input);
    desktopIn(estate, 'ws-avail0001').workspace.State = 'STOPPED';
    const result = await invokeOk<Outcome>(host, TOOL, { ...input, confirm: true, planId });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'plan' }, counts: { actionable: 1 } });
    expect(result.planId).toEqual(expect.any(String));
    expect(result.planId).not.toBe(planId);
    expect(mutating(host.requests)).toEqual([]);
  });

  it('is not registered without --enable-writes', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await host.invoke(TOOL, { workspaceIds: ids });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('Unknown tool stop_workspaces');
  });

  it('a desktop in eu-west-1 is stopped in eu-west-1; a batch over two regions sends one request per region', async () => {
    const estate = generateEstate({ seed: 42, desktops: 200 });
    const stoppable = (region: string) =>
      estate.personal.desktops.find(
        (d) =>
          d.region === region &&
          d.workspace.State === 'AVAILABLE' &&
          d.workspace.WorkspaceProperties?.RunningMode === 'AUTO_STOP',
      )?.workspace.WorkspaceId ?? '';
    const eu = stoppable('eu-west-1');
    const us = stoppable('us-east-1');
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const plan = await invokeOk<Outcome>(host, TOOL, { workspaceIds: [eu, us] });
    expect(plan.targets.map((t) => t.detail?.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(mutating(host.requests)).toEqual([]);
    const done = await confirmOk<Outcome>(host, TOOL, { workspaceIds: [eu, us] });
    expect(done.counts).toMatchObject({ ok: 2, failed: 0 });
    const stops = host.requests.filter((r) => r.action === 'workspaces:StopWorkspaces');
    expect(stops.map((r) => [r.region, r.input.StopWorkspaceRequests])).toEqual([
      ['eu-west-1', [{ WorkspaceId: eu }]],
      ['us-east-1', [{ WorkspaceId: us }]],
    ]);
    expect(
      host.simulator.estate.personal.desktops.find((d) => d.workspace.WorkspaceId === eu)?.workspace.State,
    ).toBe('STOPPED');
  });

  it('a second configured account is reached, and its commands go to that account', async () => {
    const accounts = ['111122223333', '444455556666'];
    const estate = generateEstate({ seed: 8, desktops: 80, accounts, regions: ['us-east-1'] });
    const target = estate.personal.desktops.find(
      (d) =>
        d.account === accounts[1] &&
        d.workspace.State === 'AVAILABLE' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'AUTO_STOP',
    );
    const id = target?.workspace.WorkspaceId ?? '';
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const done = await confirmOk<Outcome>(host, TOOL, { workspaceIds: [id] });
    expect(done.targets[0]?.detail).toMatchObject({ account: accounts[1], region: 'us-east-1' });
    expect(
      host.requests.filter((r) => r.action === 'workspaces:StopWorkspaces').map((r) => r.account),
    ).toEqual([accounts[1]]);
  });

  it('an id in a region that could not be searched is skipped with where it looked, and a warning', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 42, desktops: 40 },
      enableWrites: true,
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspaces',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ['ws-nothere01'] });
    expect(result.targets[0]?.message).toBe(
      'not found in us-east-1; could not search eu-west-1 (AccessDeniedException).',
    );
    expect(result.warnings[0]).toContain('could not search eu-west-1');
  });
});
