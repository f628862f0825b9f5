import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { DAY_MS, HOUR_MS } from '../../model.js';
import type { AppFleetScenario, SimAppFleet } from './model.js';

const estate = generateEstate({ seed: 42, desktops: 40, fleets: 9 });
const NOW = estate.settings.now.getTime();

function fleetOf(scenario: AppFleetScenario): SimAppFleet {
  const fleet = estate.applications.fleets.find((f) => f.scenario === scenario);
  if (!fleet) throw new Error(`no ${scenario} fleet`);
  return fleet;
}

/** One series of one fleet metric, oldest first. */
async function series(
  fleet: SimAppFleet,
  metric: string,
  stat: string,
  period: number,
  from: number,
  to = NOW,
): Promise<{ t: number; v: number }[]> {
  const client = simulatedClient(CloudWatchClient, createSimulator(estate), { region: fleet.region });
  const out = await client.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(to),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/AppStream',
              MetricName: metric,
              Dimensions: [{ Name: 'Fleet', Value: fleet.fleet.Name }],
            },
            Period: period,
            Stat: stat,
          },
        },
      ],
    }),
  );
  const result = out.MetricDataResults?.[0];
  return (result?.Timestamps ?? []).map((t, i) => ({ t: t.getTime(), v: result?.Values?.[i] ?? Number.NaN }));
}

const sum = (points: readonly { v: number }[]) => points.reduce((a, p) => a + p.v, 0);
const max = (points: readonly { v: number }[]) => Math.max(...points.map((p) => p.v));
const localHour = (fleet: SimAppFleet, t: number) =>
  ((((t + fleet.usage.utcOffsetHours * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;

describe('simulated AWS/AppStream fleet metrics through GetMetricData', () => {
  it('counts refused sessions for the exhausted fleet in the last day, none before its users grew', async () => {
    const fleet = fleetOf('exhausted');
    expect(sum(await series(fleet, 'InsufficientCapacityError', 'Sum', 3600, NOW - DAY_MS))).toBeGreaterThan(
      0,
    );
    const before = await series(
      fleet,
      'InsufficientCapacityError',
      'Sum',
      3600,
      NOW - 40 * DAY_MS,
      NOW - 11 * DAY_MS,
    );
    expect(before.length).toBeGreaterThan(0);
    expect(sum(before)).toBe(0);
    expect(
      sum(await series(fleetOf('on-demand'), 'InsufficientCapacityError', 'Sum', 3600, NOW - 7 * DAY_MS)),
    ).toBe(0);
  });

  it('follows the working day: InUseCapacity peaks mid-morning and is near zero at night', async () => {
    const fleet = fleetOf('exhausted');
    // The estate's now is a Monday, 11:00 for these users: the last ten hours are their Monday.
    const hourly = await series(fleet, 'InUseCapacity', 'Average', 3600, NOW - 10 * HOUR_MS);
    const morning = hourly.filter((p) => localHour(fleet, p.t) >= 9 && localHour(fleet, p.t) < 12);
    const night = hourly.filter((p) => localHour(fleet, p.t) >= 0 && localHour(fleet, p.t) < 5);
    expect(morning.length).toBeGreaterThan(0);
    expect(night.length).toBeGreaterThan(0);
    expect(Math.min(...morning.map((p) => p.v))).toBeGreaterThanOrEqual(8);
    expect(max(night)).toBeLessThanOrEqual(1);
  });

  it("ends where DescribeFleets is: the last minute's capacity matches the fleet's describe record", async () => {
    const fleet = fleetOf('exhausted');
    const status = fleet.fleet.ComputeCapacityStatus;
    const from = NOW - 5 * 60_000;
    const last = async (metric: string) => (await series(fleet, metric, 'Average', 60, from)).at(-1)?.v;
    expect(await last('InUseCapacity')).toBe(status?.InUse);
    expect(await last('RunningCapacity')).toBe(status?.Running);
    expect(await last('AvailableCapacity')).toBe(0);
    expect(await last('CapacityUtilization')).toBe(100);
  });

  it('publishes user-session metrics for multi-session fleets and RunningCapacity only for Always-On ones', async () => {
    const multi = fleetOf('multi-session');
    const active = await series(multi, 'ActiveUserSessionCapacity', 'Maximum', 3600, NOW - DAY_MS);
    expect(max(active)).toBeGreaterThan(0);
    expect(await series(multi, 'InUseCapacity', 'Maximum', 3600, NOW - DAY_MS)).toEqual([]);
    expect(
      max(await series(multi, 'CapacityUtilization', 'Maximum', 3600, NOW - DAY_MS)),
    ).toBeLessThanOrEqual(100);
    expect(await series(fleetOf('on-demand'), 'RunningCapacity', 'Maximum', 3600, NOW - DAY_MS)).toEqual([]);
  });

  it('shows the idle fleet running four instances with nobody on them for weeks, after earlier use', async () => {
    const idle = fleetOf('idle');
    const recent = NOW - 14 * DAY_MS;
    expect(max(await series(idle, 'InUseCapacity', 'Maximum', 3600, recent))).toBe(0);
    expect(
      Math.min(...(await series(idle, 'RunningCapacity', 'Minimum', 3600, recent)).map((p) => p.v)),
    ).toBe(4);
    expect(
      max(await series(idle, 'InUseCapacity', 'Maximum', 3600, NOW - 60 * DAY_MS, NOW - 40 * DAY_MS)),
    ).toBeGreaterThan(0);
  });

  it('publishes nothing for a stopped fleet after it stopped, nor for an unknown fleet', async () => {
    const stopped = fleetOf('stopped');
    expect(await series(stopped, 'DesiredCapacity', 'Maximum', 3600, NOW - 7 * DAY_MS)).toEqual([]);
    expect(
      (await series(stopped, 'DesiredCapacity', 'Maximum', 3600, NOW - 30 * DAY_MS)).length,
    ).toBeGreaterThan(0);
    const ghost = { ...stopped, fleet: { ...stopped.fleet, Name: 'no-such-fleet' } };
    expect(await series(ghost, 'DesiredCapacity', 'Maximum', 3600, NOW - DAY_MS)).toEqual([]);
  });
});
