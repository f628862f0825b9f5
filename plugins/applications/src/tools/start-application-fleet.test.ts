import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { startApplicationFleet } from './start-application-fleet.js';

const TOOL = 'start_application_fleet';
const starts = (host: { requests: readonly { action: string }[] }) =>
  host.requests.filter((r) => r.action === 'appstream:StartFleet');

describe('start_application_fleet', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(startApplicationFleet)).toBeLessThanOrEqual(650);
  });

  it('plans a STOPPED fleet with its billing and the errors that will block it, then starts it on confirm', async () => {
    const estate = fleetEstate();
    const onDemand = scenarioFleet(estate, 'on-demand');
    onDemand.fleet.State = 'STOPPED';
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { fleet: onDemand.fleet.Name });
    expect(plan).toMatchObject({ status: 'planned', dryRun: true, counts: { actionable: 1 } });
    expect(plan.targets[0]).toMatchObject({
      current: 'STOPPED',
      detail: { fleetType: 'ON_DEMAND', desired: 15 },
    });
    expect(plan.warnings.join(' ')).toContain('Never price it as 24×7');
    expect(starts(host)).toEqual([]);
    const done = await confirmOk<WriteOutcome>(host, TOOL, { fleet: onDemand.fleet.Name });
    expect(done).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(starts(host).map((r) => (r as { input?: unknown }).input)).toEqual([
      { Name: onDemand.fleet.Name },
    ]);
    expect(onDemand.fleet.State).not.toBe('STOPPED');
    const blocked = await invokeOk<WriteOutcome>(host, TOOL, {
      fleet: scenarioFleet(estate, 'stopped').fleet.Name,
    });
    expect(blocked.warnings.join(' ')).toContain('DOMAIN_JOIN_ERROR_ACCESS_DENIED will make the start fail');
  });

  it('RUNNING, STARTING and STOPPING fleets are skipped with the reason and nothing is sent', async () => {
    const estate = fleetEstate();
    const stopping = scenarioFleet(estate, 'on-demand');
    stopping.fleet.State = 'STOPPING';
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const cases: [string, RegExp][] = [
      [scenarioFleet(estate, 'exhausted').fleet.Name ?? '', /^already RUNNING/],
      [scenarioFleet(estate, 'starting').fleet.Name ?? '', /^already STARTING/],
      [stopping.fleet.Name ?? '', /ConcurrentModificationException/],
    ];
    for (const [fleet, reason] of cases) {
      const result = await confirmOk<WriteOutcome>(host, TOOL, { fleet });
      expect(result.status, fleet).toBe('nothing-to-do');
      expect(result.targets[0]?.message, fleet).toMatch(reason);
    }
    expect(starts(host)).toEqual([]);
  });

  it('a start AWS refuses fails with its code; a throttled one is retried', async () => {
    const estate = fleetEstate();
    const roleless = scenarioFleet(estate, 'role-missing');
    roleless.fleet.State = 'STOPPED';
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [{ service: 'appstream', operation: 'StartFleet', code: 'ThrottlingException', times: 1 }],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { fleet: roleless.fleet.Name });
    expect(result.status).toBe('failed');
    expect(result.targets[0]).toMatchObject({ status: 'failed', code: 'InvalidRoleException' });
    expect(starts(host).length).toBe(2);
  });
});
