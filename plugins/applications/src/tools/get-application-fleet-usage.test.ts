import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet, scenarioName } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { getApplicationFleetUsage } from './get-application-fleet-usage.js';

const TOOL = 'get_application_fleet_usage';

interface Usage {
  summary: string;
  unit: string;
  billing: { rule: string; fullRateInstanceHours: number; stoppedFeeInstanceHours: number };
  dayColumns: string[];
  days: [string, number, number, number, number, number][];
  live?: { total: number; connected: number; byStack: Record<string, number>; sessions: { user: string }[] };
  errors: { service: string; code: string }[];
}

describe('get_application_fleet_usage', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(getApplicationFleetUsage)).toBeLessThanOrEqual(650);
  });

  it('an Always-On fleet: live sessions from every associated stack and authentication type, running instance-hours at the full rate', async () => {
    const estate = fleetEstate();
    const fleet = scenarioFleet(estate, 'exhausted');
    const name = fleet.fleet.Name ?? '';
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Usage>(host, TOOL, { fleet: name });
    const live = estate.applications.sessions.filter(
      (s) => s.session.FleetName === name && (s.session.State === 'ACTIVE' || s.session.State === 'PENDING'),
    );
    expect(live.length).toBeGreaterThan(0);
    expect(result.live?.total).toBe(live.length);
    const stacks = estate.applications.stackFleets
      .filter((l) => l.fleetName === name)
      .map((l) => l.stackName);
    const reads = host.requests.filter((r) => r.action === 'appstream:DescribeSessions');
    expect(new Set(reads.map((r) => `${r.input.StackName}/${r.input.AuthenticationType}`)).size).toBe(
      stacks.length * 4,
    );
    expect(reads.every((r) => r.input.FleetName === name && r.input.Limit === 50)).toBe(true);
    expect(result.billing.rule).toMatch(/^Always-On/);
    expect(result.billing.fullRateInstanceHours).toBeGreaterThan(0);
    expect(result.billing.stoppedFeeInstanceHours).toBe(0);
    expect(result.days).toHaveLength(8);
    expect(result.dayColumns).toEqual([
      'day',
      'capacityAvg',
      'capacityMax',
      'inUseAvg',
      'inUseMax',
      'rejected',
    ]);
    expect(result.days.some((d) => d[5] > 0)).toBe(true);
    expect(result.errors).toEqual([]);
  });

  it('never prices an On-Demand or Elastic fleet as 24×7: streamed hours at the full rate, idle ones at the stopped fee', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const onDemand = await invokeOk<Usage>(host, TOOL, { fleet: scenarioName(estate, 'on-demand') });
    expect(onDemand.billing.rule).toContain('Never price it as 24×7');
    expect(onDemand.summary).toContain('stopped-instance fee');
    expect(onDemand.billing.stoppedFeeInstanceHours).toBeGreaterThan(0);
    expect(onDemand.summary).not.toMatch(/24×7|730/);
    const elastic = await invokeOk<Usage>(host, TOOL, { fleet: scenarioName(estate, 'elastic') });
    expect(elastic.summary).toContain('streaming hours billed');
    expect(elastic.billing.rule).toMatch(/^Elastic/);
    const multi = await invokeOk<Usage>(host, TOOL, { fleet: scenarioName(estate, 'multi-session') });
    expect(multi.unit).toBe('user sessions');
    expect(multi.billing.rule).toContain('billed per instance, not per session');
  });

  it('a fleet stopped before the window has no datapoints and no live sessions, and says so', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const stopped = await invokeOk<Usage>(host, TOOL, {
      fleet: scenarioName(estate, 'stopped'),
      lookbackDays: 7,
    });
    expect(stopped.days).toEqual([]);
    expect(stopped.live?.total).toBe(0);
    expect(stopped.summary).toContain('no AWS/AppStream datapoints');
  });

  it('sessions that cannot be read are an error entry; the history still answers', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          { service: 'appstream', operation: 'DescribeSessions', code: 'AccessDeniedException' },
          { service: 'cloudwatch', operation: 'GetMetricData', code: 'ThrottlingException', times: 1 },
        ],
      },
    });
    const result = await invokeOk<Usage>(host, TOOL, { fleet: scenarioName(estate, 'exhausted') });
    expect(result.live).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Applications', code: 'AccessDeniedException' }),
    ]);
    expect(result.days.length).toBeGreaterThan(0);
  });

  it('stays within the answer budget for the busiest fleet of a 10,000-desktop estate over 90 days', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 42, desktops: 10_000 });
    const counts = new Map<string, number>();
    for (const s of estate.applications.sessions)
      counts.set(s.session.FleetName ?? '', (counts.get(s.session.FleetName ?? '') ?? 0) + 1);
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const host = await createTestHost({ plugins: [plugin], estate });
    const fleet = estate.applications.fleets.find((f) => f.fleet.Name === busiest?.[0]);
    const result = await invokeOk<Usage>(host, TOOL, { fleet: fleet?.fleet.Arn, lookbackDays: 90 });
    expect(result.live?.sessions.length).toBeLessThanOrEqual(20);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
