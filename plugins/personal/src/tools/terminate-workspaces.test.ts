import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { mutating, type Outcome } from '../__tests__/outcome.js';
import plugin from '../index.js';

const TOOL = 'terminate_workspaces';
const options = { enableWrites: true, enableDestructive: true };

describe('terminate_workspaces', () => {
  it('the plan states the permanent impact, skips SUSPENDED and calls out standby pairs', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ['ws-graph0001', 'ws-susp00001'] });
    expect(result.status).toBe('planned');
    expect(result.impact).toContain('PERMANENT and IRREVERSIBLE');
    expect(result.targets.find((t) => t.id === 'ws-susp00001')?.message).toContain('SUSPENDED');
    expect(result.warnings).toContain(
      'ws-graph0001 is a PRIMARY with standby ws-stdby0001 in us-west-2: terminating the primary does not change the standby, which stays (with its own charges) until you terminate it too.',
    );
    expect(result.targets.find((t) => t.id === 'ws-graph0001')?.detail).toMatchObject({
      lastUserConnection: 'never',
    });
    expect(mutating(host.requests)).toEqual([]);
  });

  it('skips desktops connected now or used in the last 14 days, saying which and why; nothing else is skipped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001', 'ws-unheal001', 'ws-stopped01'],
    });
    expect(result.targets.map((t) => [t.id, t.status, t.message])).toEqual([
      [
        'ws-avail0001',
        'skipped',
        'in use: a user is connected now (within 14 days); includeRecentlyUsed: true keeps it.',
      ],
      [
        'ws-unheal001',
        'skipped',
        'in use: its user connected 1 d ago (within 14 days); includeRecentlyUsed: true keeps it.',
      ],
      ['ws-stopped01', 'planned', undefined],
    ]);
    expect(result.warnings[0]).toBe(
      'Skipped 2 desktop(s) in use (connected now, used in the last 14 days, or use unknown): ws-avail0001, ws-unheal001. Pass includeRecentlyUsed: true to include them.',
    );
    expect(result.summary).toContain('for 1 target(s). 2 skipped');
  });

  it('with includeRecentlyUsed, warns about desktops in use now or in the last 14 days, and about the month already billed for AlwaysOn', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-avail0001', 'ws-unheal001', 'ws-stopped01'],
      includeRecentlyUsed: true,
    });
    expect(result.counts).toMatchObject({ actionable: 3, skipped: 0 });
    expect(result.warnings.slice(0, 2)).toEqual([
      'A user is connected right now to ws-avail0001.',
      'Used in the last 14 days, so probably not abandoned: ws-unheal001 (1 d ago).',
    ]);
    expect(result.warnings).toContain(
      "1 target(s) are ALWAYS_ON: their month is already billed, which is why AWS's Cost Optimizer for WorkSpaces terminates unused desktops only on the last day of the month.",
    );
    expect(result.targets.find((t) => t.id === 'ws-stopped01')?.detail).toMatchObject({
      connectionState: 'UNKNOWN',
      lastUserConnection: '2026-05-03T12:00:00.000Z',
    });
    // One batched connection-status call for the three targets.
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspacesConnectionStatus']).toBe(1);
  });

  it('a denied connection-status lookup skips the desktops (use unknown) and warns to check use another way', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      ...options,
      simulator: {
        faults: [
          {
            service: 'workspaces',
            operation: 'DescribeWorkspacesConnectionStatus',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<Outcome>(host, TOOL, { workspaceIds: ['ws-stopped01'] });
    expect(result.status).toBe('nothing-to-do');
    expect(result.targets[0]?.message).toContain('its last use could not be read (lookup failed)');
    expect(result.warnings[0]).toContain('Could not read who last used these desktops');
    const checked = await invokeOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01'],
      includeRecentlyUsed: true,
    });
    expect(checked.status).toBe('planned');
  });

  it('a wrong or lower-case acknowledgement is refused and nothing is terminated', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01'],
      acknowledge: 'terminate',
    });
    expect(result).toMatchObject({ status: 'refused', refusal: { gate: 'acknowledgement' } });
    expect(mutating(host.requests)).toEqual([]);
  });

  it('terminates with confirm and the exact phrase, and the desktop is gone from the estate', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), ...options });
    const result = await confirmOk<Outcome>(host, TOOL, {
      workspaceIds: ['ws-stopped01'],
      acknowledge: 'TERMINATE',
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(host.requests)).toEqual(['workspaces:TerminateWorkspaces']);
    expect(
      host.simulator.estate.personal.desktops.some((d) => d.workspace.WorkspaceId === 'ws-stopped01'),
    ).toBe(false);
  });
});
