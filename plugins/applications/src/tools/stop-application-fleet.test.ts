import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  confirmOk,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { stopApplicationFleet } from './stop-application-fleet.js';

const TOOL = 'stop_application_fleet';
const stops = (host: { requests: readonly { action: string }[] }) =>
  host.requests.filter((r) => r.action === 'appstream:StopFleet');

describe('stop_application_fleet', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(stopApplicationFleet)).toBeLessThanOrEqual(650);
  });

  it('the plan names the live sessions that will end; confirm stops the fleet and they are gone', async () => {
    const estate = fleetEstate();
    const fleet = scenarioFleet(estate, 'exhausted');
    const name = fleet.fleet.Name ?? '';
    const live = estate.applications.sessions.filter(
      (s) => s.session.FleetName === name && s.session.State !== 'EXPIRED',
    );
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { fleet: name });
    expect(plan.status).toBe('planned');
    expect(plan.targets[0]?.detail).toMatchObject({ liveSessions: live.length });
    expect(plan.warnings[0]).toContain(`${live.length} live session(s) end now`);
    expect(plan.warnings[0]).toContain(live[0]?.session.UserId ?? '?');
    expect(stops(host)).toEqual([]);
    const done = await confirmOk<WriteOutcome>(host, TOOL, { fleet: name });
    expect(done).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(fleet.fleet.State).toBe('STOPPED');
    expect(estate.applications.sessions.filter((s) => s.session.FleetName === name)).toEqual([]);
  });

  it('STOPPED, STOPPING and STARTING fleets are skipped with the reason and nothing is sent', async () => {
    const estate = fleetEstate();
    const stopping = scenarioFleet(estate, 'on-demand');
    stopping.fleet.State = 'STOPPING';
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const cases: [string, RegExp][] = [
      [scenarioFleet(estate, 'stopped').fleet.Name ?? '', /^already STOPPED/],
      [stopping.fleet.Name ?? '', /^already STOPPING/],
      [scenarioFleet(estate, 'starting').fleet.Name ?? '', /ConcurrentModificationException/],
    ];
    for (const [fleet, reason] of cases) {
      const result = await confirmOk<WriteOutcome>(host, TOOL, { fleet });
      expect(result.status, fleet).toBe('nothing-to-do');
      expect(result.targets[0]?.message, fleet).toMatch(reason);
    }
    expect(stops(host)).toEqual([]);
  });

  it('sessions that cannot be read are a warning to assume users are cut off, never silence', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [{ service: 'appstream', operation: 'DescribeSessions', code: 'AccessDeniedException' }],
      },
    });
    const plan = await invokeOk<WriteOutcome>(host, TOOL, {
      fleet: scenarioFleet(estate, 'exhausted').fleet.Name,
    });
    expect(plan.status).toBe('planned');
    expect(plan.warnings[0]).toMatch(/^Could not read the live sessions .*assume users are cut off/);
  });

  it('at 10,000 desktops the plan for the busiest fleet names a bounded few sessions and fits the answer budget', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 42, desktops: 10_000 });
    const counts = new Map<string, number>();
    for (const s of estate.applications.sessions)
      counts.set(s.session.FleetName ?? '', (counts.get(s.session.FleetName ?? '') ?? 0) + 1);
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const fleet = estate.applications.fleets.find((f) => f.fleet.Name === busiest?.[0]);
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { fleet: fleet?.fleet.Arn });
    expect(plan.status).toBe('planned');
    expect(answerBytes(plan)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
