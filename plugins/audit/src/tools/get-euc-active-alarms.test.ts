import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_BUDGET,
  FIVE_ACCOUNTS_FOUR_REGIONS,
  sentBytes,
  sharedEstate,
  TEN_THOUSAND,
} from '../__tests__/estate.js';
import audit from '../index.js';
import { getEucActiveAlarms } from './get-euc-active-alarms.js';

type Alarms = ToolOutput<typeof getEucActiveAlarms>;

describe('get_euc_active_alarms', () => {
  it('costs the assistant at most 650 bytes of description and input schema', () => {
    expect(toolSchemaBytes(getEucActiveAlarms)).toBeLessThanOrEqual(650);
  });

  it('lists firing EUC alarms, leaving EC2 out and telling scaling alarms from incidents', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const result = await invokeOk<Alarms>(host, 'get_euc_active_alarms', {
      includeAutoscaling: true,
      limit: 200,
    });
    const names = result.alarms.map((a) => a.name);
    expect(names).not.toContain('ec2-bastion-cpu-high');
    expect(result.counts.accountAlarmsInAlarm).toBeGreaterThan(result.counts.eucInAlarm);
    for (const ns of ['WorkSpaces (Personal, Pools, Core)', 'WorkSpaces Applications'])
      expect(result.byService[ns]).toBeGreaterThan(0);
    const guard = result.alarms.find((a) => a.name.endsWith('-capacity-guard'));
    expect(guard).toMatchObject({
      autoscaling: true,
      scalingPolicy: { resource: expect.stringMatching(/^appstream\/fleet\//) },
    });
    const pager = result.alarms.find((a) => a.name.includes('scale-out-failures'));
    expect(pager?.autoscaling).toBe(false);
    expect(
      result.alarms.filter((a) => a.name.startsWith('TargetTracking-')).every((a) => a.autoscaling),
    ).toBe(true);
    const firstScaling = result.alarms.findIndex((a) => a.autoscaling);
    expect(result.alarms.slice(firstScaling).every((a) => a.autoscaling)).toBe(true);
    expect(result.counts.incidents + result.counts.autoscaling).toBe(result.counts.eucInAlarm);
  });

  it('does not call scaling at work on a fleet whose InsufficientCapacityError alarm fires: it lists and names it', async () => {
    const estate = sharedEstate();
    const starved = estate.governance.alarms.find(
      (a) =>
        a.kind === 'metric' &&
        a.alarm.StateValue === 'ALARM' &&
        'MetricName' in a.alarm &&
        a.alarm.MetricName === 'InsufficientCapacityError',
    );
    const fleet = starved && 'Dimensions' in starved.alarm ? starved.alarm.Dimensions?.[0]?.Value : undefined;
    expect(fleet).toBeDefined();
    const host = await createTestHost({ plugins: [audit], estate });
    const result = await invokeOk<Alarms>(host, 'get_euc_active_alarms', {
      regions: [starved?.region ?? ''],
      limit: 200,
    });
    const onFleet = result.alarms.filter(
      (a) => a.autoscaling && a.scalingPolicy?.resource.endsWith(`fleet/${fleet}`),
    );
    expect(onFleet.length).toBeGreaterThan(0);
    expect(result.counts.scalingBlocked).toBe(onFleet.length);
    expect(result.summary).toContain(`Scaling is failing, not at work, on ${fleet}`);
    // Any scaling alarm still called scaling at work is on another fleet.
    const atWork = result.counts.autoscaling - (result.counts.scalingBlocked ?? 0);
    if (atWork === 0) expect(result.summary).not.toContain('which is scaling at work');
    expect(result.notes.join(' ')).toContain('except on a fleet whose InsufficientCapacityError alarm fires');
  });

  it('recognises the metric-math and composite EUC alarms', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const result = await invokeOk<Alarms>(host, 'get_euc_active_alarms', {
      regions: ['us-east-1'],
      limit: 200,
    });
    expect(result.alarms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'euc-connection-failure-rate',
          type: 'metric-math',
          namespace: 'AWS/WorkSpaces',
        }),
        expect.objectContaining({ name: 'euc-service-degraded', type: 'composite' }),
      ]),
    );
    expect(result.counts.composite).toBe(1);
  });

  it('leaves scaling alarms out of the list by default, but still counts them', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const result = await invokeOk<Alarms>(host, 'get_euc_active_alarms', { limit: 200 });
    // Only the scaling alarms of a fleet that cannot get capacity are listed: scaling is failing there.
    expect(result.alarms.filter((a) => a.autoscaling)).toHaveLength(result.counts.scalingBlocked ?? 0);
    expect(result.counts.autoscaling).toBeGreaterThan(result.counts.scalingBlocked ?? 0);
    expect(result.counts.autoscaling).toBeGreaterThan(0);
    expect(result.summary).toMatch(/scaling alarms? in ALARM/);
  });

  it('costs one DescribeAlarms page per region for a small account', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate() });
    const result = await host.invoke('get_euc_active_alarms', {});
    expect(result.ok && result.calls.countsByAction()).toEqual({ 'cloudwatch:DescribeAlarms': 2 });
  });

  it('answers within 20 KB at 10,000 desktops and across 5 accounts × 4 regions, with progress per scope', {
    timeout: 120_000,
  }, async () => {
    for (const options of [TEN_THOUSAND, FIVE_ACCOUNTS_FOUR_REGIONS]) {
      const host = await createTestHost({ plugins: [audit], estate: sharedEstate(options) });
      const progress: [number, number | undefined][] = [];
      const result = await host.invoke(
        'get_euc_active_alarms',
        {},
        { progress: (done, total) => progress.push([done, total]) },
      );
      if (!result.ok) throw new Error(result.text);
      const alarms = result.structured as Alarms;
      expect(alarms.counts.incidents).toBeGreaterThan(0);
      expect(alarms.alarms.length).toBeLessThanOrEqual(20);
      expect(sentBytes(alarms)).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(progress.at(-1)).toEqual([alarms.scopes.length, alarms.scopes.length]);
    }
  });

  it('reports a failing region in errors and still counts the others', async () => {
    const host = await createTestHost({
      plugins: [audit],
      estate: sharedEstate(FIVE_ACCOUNTS_FOUR_REGIONS),
      simulator: {
        faults: [{ service: 'cloudwatch', region: 'eu-central-1', code: 'AccessDeniedException' }],
      },
    });
    const alarms = await invokeOk<Alarms>(host, 'get_euc_active_alarms', {});
    expect(alarms.errors).toHaveLength(5);
    expect(alarms.errors.every((e) => e.region === 'eu-central-1' && e.account)).toBe(true);
    expect(alarms.counts.eucInAlarm).toBeGreaterThan(0);
    expect(alarms.summary).toContain('Partial');
  });
});
