import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import {
  confirmOk,
  createTestHost,
  invokeOk,
  type SentRequest,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { updateApplicationFleetCapacity } from './update-application-fleet-capacity.js';

const TOOL = 'update_application_fleet_capacity';
const updates = (host: { requests: readonly SentRequest[] }) =>
  host.requests.filter((r) => r.action === 'appstream:UpdateFleet');

describe('update_application_fleet_capacity', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(updateApplicationFleetCapacity)).toBeLessThanOrEqual(650);
  });

  it('plans current → new with the instances in use, then sends DesiredInstances on confirm', async () => {
    const estate = fleetEstate();
    const fleet = scenarioFleet(estate, 'on-demand'); // Desired 15, 8 in use
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { fleet: fleet.fleet.Name, desired: 6 });
    expect(plan.targets[0]).toMatchObject({
      status: 'planned',
      action: 'set desired instances 15 → 6',
      detail: { from: 15, to: 6, inUse: 8 },
    });
    expect(plan.warnings.join(' ')).toContain('8 instances are in use, more than the new desired 6');
    expect(updates(host)).toEqual([]);
    const done = await confirmOk<WriteOutcome>(host, TOOL, {
      fleet: fleet.fleet.Name,
      desired: 12,
    });
    expect(done.status).toBe('applied');
    expect(updates(host).map((r) => r.input)).toEqual([
      { Name: fleet.fleet.Name, ComputeCapacity: { DesiredInstances: 12 } },
    ]);
    expect(fleet.fleet.ComputeCapacityStatus?.Desired).toBe(12);
  });

  it('a multi-session fleet is sized in user sessions (DesiredSessions)', async () => {
    const estate = fleetEstate();
    const fleet = scenarioFleet(estate, 'multi-session'); // 10 sessions per instance
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const done = await confirmOk<WriteOutcome>(host, TOOL, {
      fleet: fleet.fleet.Name,
      desired: 70,
    });
    expect(done.targets[0]).toMatchObject({
      status: 'ok',
      detail: { unit: 'user sessions', to: 70, instancesTo: 7 },
    });
    expect(updates(host).map((r) => r.input.ComputeCapacity)).toEqual([{ DesiredSessions: 70 }]);
    expect(fleet.fleet.ComputeCapacityStatus?.DesiredUserSessions).toBe(70);
  });

  it('refuses Elastic fleets, fleets in transition and cuts of more instances than the blast-radius cap, sending nothing', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      limits: { maxBulkTargets: 5 },
    });
    const onDemand = scenarioFleet(estate, 'on-demand').fleet.Name;
    const cases: [string | undefined, number, RegExp][] = [
      [scenarioFleet(estate, 'elastic').fleet.Name, 10, /^Elastic fleet: .*MaxConcurrentSessions/],
      [scenarioFleet(estate, 'starting').fleet.Name, 3, /^STARTING: .*ConcurrentModificationException/],
      [onDemand, 5, /would remove 10 instances \(15 → 5\), more than the blast-radius cap of 5/],
      [onDemand, 15, /already 15 instances/],
    ];
    for (const [fleet, desired, reason] of cases) {
      const result = await confirmOk<WriteOutcome>(host, TOOL, { fleet, desired });
      expect(result.status, `${fleet} ${desired}`).toBe('nothing-to-do');
      expect(result.targets[0]?.message).toMatch(reason);
    }
    expect(updates(host)).toEqual([]);
    // Within the cap: 15 → 10 removes 5.
    const within = await confirmOk<WriteOutcome>(host, TOOL, { fleet: onDemand, desired: 10 });
    expect(within.status).toBe('applied');
  });

  it('more than the instance quota fails with LimitExceededException', async () => {
    const estate = fleetEstate();
    const fleet = scenarioFleet(estate, 'exhausted'); // held at its stream.compute.large quota
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      fleet: fleet.fleet.Name,
      desired: 22,
    });
    expect(result.status).toBe('failed');
    expect(result.targets[0]).toMatchObject({ code: 'LimitExceededException' });
    expect(result.warnings.join(' ')).toContain('Always-On');
  });
});
