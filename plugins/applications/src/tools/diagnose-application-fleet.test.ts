import { createTestHost, generateEstate, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet, scenarioName } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { diagnoseApplicationFleet } from './diagnose-application-fleet.js';

const TOOL = 'diagnose_application_fleet';

interface Diagnosis {
  summary: string;
  status: string;
  fleet: { name: string; state: string; region: string };
  capacity?: Record<string, number | string>;
  findings: { severity: string; title: string; detail?: string; fix?: string }[];
  scaling?: {
    activities: number;
    failedInWindow: number;
    failedSixWeeks: number;
    latestFailure?: { reason: string };
  };
  insufficientCapacityErrors: number | null;
  errors: { service: string; code: string; region: string }[];
}

describe('diagnose_application_fleet', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(diagnoseApplicationFleet)).toBeLessThanOrEqual(650);
  });

  it('the exhausted fleet is unhealthy: capacity exhausted, every page of its failed scale-outs naming the quota, refused sessions', async () => {
    const estate = fleetEstate();
    const exhausted = scenarioFleet(estate, 'exhausted');
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { fleet: exhausted.fleet.Name });
    expect(result.status).toBe('unhealthy');
    const titles = result.findings.map((f) => f.title);
    expect(titles.some((t) => t.startsWith('Capacity exhausted'))).toBe(true);
    expect(titles.some((t) => /session request\(s\) refused/.test(t))).toBe(true);
    expect(result.insufficientCapacityErrors).toBeGreaterThan(0);
    // All six weeks of activities, read in 50-a-page requests filtered to this fleet.
    const own = estate.applications.scalingActivities.filter(
      (a) => a.activity.ResourceId === `fleet/${exhausted.fleet.Name}`,
    );
    expect(own.length).toBeGreaterThan(50);
    expect(result.scaling?.activities).toBe(own.length);
    const reads = host.requests.filter(
      (r) => r.action === 'application-autoscaling:DescribeScalingActivities',
    );
    expect(reads.length).toBe(Math.ceil(own.length / 50));
    expect(reads.every((r) => r.input.ResourceId === `fleet/${exhausted.fleet.Name}`)).toBe(true);
    expect(result.scaling?.latestFailure?.reason).toMatch(/fleet instance quota of \d+/);
    expect(result.errors).toEqual([]);
  });

  it('every fleet error is a critical finding with its cause and fix; multi-session capacity is in user sessions', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Diagnosis>(host, TOOL, { fleet: scenarioName(estate, 'below-desired') });
    const error = result.findings.find((f) => f.title === 'Fleet error SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES');
    expect(error).toMatchObject({ severity: 'critical' });
    expect(error?.detail).toContain('Cause:');
    expect(error?.fix).toContain('subnets');
    expect(result.findings.some((f) => f.title.startsWith('Below desired capacity'))).toBe(true);
    const multi = await invokeOk<Diagnosis>(host, TOOL, { fleet: scenarioName(estate, 'multi-session') });
    expect(multi.capacity).toMatchObject({ unit: 'user sessions' });
    for (const field of [
      'desiredSessions',
      'actualUserSessions',
      'activeUserSessions',
      'availableUserSessions',
    ])
      expect(typeof multi.capacity?.[field], field).toBe('number');
    const elastic = await invokeOk<Diagnosis>(host, TOOL, { fleet: scenarioName(estate, 'elastic') });
    expect(elastic.capacity).toBeUndefined();
  });

  it('states: STOPPED is a warning, STARTING and STOPPING are transitions, RUNNING with nothing wrong is healthy', async () => {
    const estate = fleetEstate();
    const steady = estate.applications.fleets.find((f) => f.scenario === 'on-demand');
    if (!steady) throw new Error('no on-demand fleet');
    const stopping = scenarioFleet(estate, 'role-missing');
    stopping.fleet.State = 'STOPPING';
    const host = await createTestHost({ plugins: [plugin], estate });
    const stopped = await invokeOk<Diagnosis>(host, TOOL, { fleet: scenarioName(estate, 'stopped') });
    expect(stopped.findings.find((f) => f.title.startsWith('Fleet is STOPPED'))?.severity).toBe('warning');
    expect(stopped.findings.some((f) => f.title === 'Fleet error DOMAIN_JOIN_ERROR_ACCESS_DENIED')).toBe(
      true,
    );
    const starting = await invokeOk<Diagnosis>(host, TOOL, { fleet: scenarioName(estate, 'starting') });
    expect(starting.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', title: 'Fleet is STARTING' }),
    );
    const inStop = await invokeOk<Diagnosis>(host, TOOL, { fleet: stopping.fleet.Name });
    expect(inStop.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', title: 'Fleet is STOPPING' }),
    );
    const running = await invokeOk<Diagnosis>(host, TOOL, { fleet: steady.fleet.Name });
    expect(running.fleet.state).toBe('RUNNING');
    expect(running.status).toBe('healthy');
  });

  it('finds a fleet by ARN or name in any region, and names every region it looked in when absent', async () => {
    const estate = generateEstate({
      seed: 7,
      desktops: 10,
      regions: ['us-east-1', 'eu-west-1'],
      fleets: 9,
      portals: 0,
    });
    const inEu = estate.applications.fleets.find((f) => f.region === 'eu-west-1');
    const host = await createTestHost({ plugins: [plugin], estate });
    const byName = await invokeOk<Diagnosis>(host, TOOL, { fleet: inEu?.fleet.Name });
    expect(byName.fleet.region).toBe('eu-west-1');
    host.requests.length = 0;
    const byArn = await invokeOk<Diagnosis>(host, TOOL, { fleet: inEu?.fleet.Arn });
    expect(byArn.fleet.name).toBe(inEu?.fleet.Name);
    expect(host.requests.every((r) => r.region === 'eu-west-1')).toBe(true);
    const missing = await host.invoke(TOOL, { fleet: 'no-such-fleet' });
    expect(missing.ok).toBe(false);
    expect(missing.text).toMatch(
      /no WorkSpaces Applications fleet named "no-such-fleet" in .*us-east-1.*eu-west-1/,
    );
  });

  it('a name used in two regions is ambiguous: the answer lists both ARNs instead of guessing', async () => {
    const estate = generateEstate({
      seed: 7,
      desktops: 10,
      regions: ['us-east-1', 'eu-west-1'],
      fleets: 9,
      portals: 0,
    });
    const us = estate.applications.fleets.find((f) => f.region === 'us-east-1');
    const eu = estate.applications.fleets.find((f) => f.region === 'eu-west-1');
    if (!us || !eu) throw new Error('expected a fleet in each region');
    eu.fleet.Name = us.fleet.Name;
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await host.invoke(TOOL, { fleet: us.fleet.Name });
    expect(result.ok).toBe(false);
    expect(result.text).toContain(`matches 2 fleets (${us.fleet.Arn}, ${eu.fleet.Arn})`);
    const narrowed = await invokeOk<Diagnosis>(host, TOOL, { fleet: us.fleet.Name, regions: ['eu-west-1'] });
    expect(narrowed.fleet.region).toBe('eu-west-1');
  });

  it('a region that cannot be read does not hide a fleet in another; a throttled or denied read is retried or reported', async () => {
    const estate = generateEstate({
      seed: 7,
      desktops: 10,
      regions: ['us-east-1', 'eu-west-1'],
      fleets: 9,
      portals: 0,
    });
    const inUs = estate.applications.fleets.find(
      (f) => f.region === 'us-east-1' && f.scenario === 'exhausted',
    );
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'DescribeFleets',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
          { service: 'cloudwatch', operation: 'GetMetricData', code: 'ThrottlingException', times: 1 },
          { service: 'application-autoscaling', code: 'AccessDeniedException' },
        ],
      },
    });
    const result = await invokeOk<Diagnosis>(host, TOOL, { fleet: inUs?.fleet.Name });
    expect(result.fleet.region).toBe('us-east-1');
    expect(result.insufficientCapacityErrors).toBeGreaterThan(0);
    expect(result.scaling).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'Application Auto Scaling', code: 'AccessDeniedException' }),
    ]);
    expect(result.summary).toContain('Partial: see errors.');
  });
});
