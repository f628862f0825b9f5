import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  GetCostForecastCommand,
  GetDimensionValuesCommand,
  type ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

const PAYER = '111122223333';
const MEMBER = '444455556666';
const estate = generateEstate({ seed: 5, desktops: 300, accounts: [PAYER, MEMBER] });
const sim = createSimulator(estate);
const ce = simulatedClient(CostExplorerClient, sim, { region: 'us-east-1', account: PAYER });
const memberCe = simulatedClient(CostExplorerClient, sim, { region: 'us-east-1', account: MEMBER });
// Estate now is 2026-11-16T12:00Z.
const LAST_30 = { Start: '2026-10-17', End: '2026-11-16' };

/** Every page (Cost Explorer has no SDK paginator for GetCostAndUsage). */
async function all(client: CostExplorerClient, input: GetCostAndUsageCommandInput): Promise<ResultByTime[]> {
  const results: ResultByTime[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }));
    results.push(...(page.ResultsByTime ?? []));
    token = page.NextPageToken;
  } while (token);
  return results;
}

function sumGroups(results: readonly ResultByTime[], keep: (keys: string[]) => boolean = () => true): number {
  let total = 0;
  for (const r of results)
    for (const g of r.Groups ?? []) if (keep(g.Keys ?? [])) total += Number(g.Metrics?.UnblendedCost?.Amount);
  return total;
}

describe('GetCostAndUsage', () => {
  it('splits the Amazon WorkSpaces line into Personal / Pools / Core usage types that add up to it', async () => {
    const byService = await all(ce, {
      TimePeriod: LAST_30,
      Granularity: 'MONTHLY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    const services = new Set(byService.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0])));
    for (const name of [
      'Amazon WorkSpaces',
      'Amazon AppStream',
      'Amazon WorkSpaces Web',
      'Amazon WorkSpaces Thin Client',
      'AWS Directory Service',
      'Amazon Elastic Compute Cloud - Compute',
    ])
      expect(services).toContain(name);
    const workspaces = sumGroups(byService, (k) => k[0] === 'Amazon WorkSpaces');
    const byUsage = await all(ce, {
      TimePeriod: LAST_30,
      Granularity: 'MONTHLY',
      Metrics: ['UnblendedCost'],
      Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon WorkSpaces'] } },
      GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
    });
    const usageTypes = byUsage.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0] ?? ''));
    const pools = sumGroups(byUsage, (k) => /Pools/.test(k[0] ?? ''));
    const core = sumGroups(byUsage, (k) => /ManagedInstances|-Core-/.test(k[0] ?? ''));
    const personal = sumGroups(byUsage, (k) => !/Pools|ManagedInstances|-Core-/.test(k[0] ?? ''));
    expect(usageTypes.some((u) => /^USE1-AW-HW-\d+-AutoStop-Usage$/.test(u))).toBe(true);
    expect(usageTypes.some((u) => /^EU-AW-HWB-\d+$/.test(u))).toBe(true);
    expect(pools).toBeGreaterThan(0);
    expect(core).toBeGreaterThan(0);
    expect(personal).toBeGreaterThan(pools);
    expect(personal + pools + core).toBeCloseTo(workspaces, 4);
  });

  it('lets the payer see every linked account and a member only its own', async () => {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: LAST_30,
      Granularity: 'MONTHLY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
    };
    const payer = await ce.send(new GetCostAndUsageCommand(input));
    expect(new Set(payer.ResultsByTime?.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0])))).toEqual(
      new Set([PAYER, MEMBER]),
    );
    expect(payer.DimensionValueAttributes?.map((a) => a.Attributes?.description)).toEqual([
      'euc-management',
      'euc-emea',
    ]);
    const member = await memberCe.send(new GetCostAndUsageCommand(input));
    expect(new Set(member.ResultsByTime?.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0])))).toEqual(
      new Set([MEMBER]),
    );
  });

  it('returns Total without GroupBy, TAG keys as Key$value, every metric, and marks this month Estimated', async () => {
    const totals = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-10-01', End: '2026-12-01' },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost', 'BlendedCost', 'AmortizedCost', 'UsageQuantity'],
      }),
    );
    const [october, november] = totals.ResultsByTime ?? [];
    expect(october?.Estimated).toBe(false);
    expect(november?.Estimated).toBe(true);
    expect(october?.Total?.UnblendedCost?.Unit).toBe('USD');
    expect(october?.Total?.BlendedCost?.Amount).toBe(october?.Total?.UnblendedCost?.Amount);
    expect(october?.Total?.UsageQuantity?.Unit).toBe('N/A');
    const tagged = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: LAST_30,
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'TAG', Key: 'Department' }],
      }),
    );
    const keys = tagged.ResultsByTime?.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0])) ?? [];
    expect(keys).toContain('Department$');
    expect(keys).toContain('Department$Finance');
  });

  it('pages groups with NextPageToken and refuses a token replayed with other parameters', async () => {
    estate.billing.pageSize = 40;
    try {
      const input: GetCostAndUsageCommandInput = {
        TimePeriod: LAST_30,
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      };
      const first = await ce.send(new GetCostAndUsageCommand(input));
      expect(first.NextPageToken).toBeDefined();
      sim.resetCalls();
      const paged = await all(ce, input);
      expect(sim.countsByAction()['ce:GetCostAndUsage']).toBeGreaterThan(5);
      estate.billing.pageSize = 100_000;
      const whole = await ce.send(new GetCostAndUsageCommand(input));
      expect(sumGroups(paged)).toBeCloseTo(sumGroups(whole.ResultsByTime ?? []), 6);
      await expect(
        ce.send(
          new GetCostAndUsageCommand({
            ...input,
            Metrics: ['BlendedCost'],
            NextPageToken: first.NextPageToken,
          }),
        ),
      ).rejects.toMatchObject({ name: 'RequestChangedException' });
    } finally {
      estate.billing.pageSize = 500;
    }
  });

  it('evaluates And / Not / STARTS_WITH filter expressions', async () => {
    const input = (Filter: GetCostAndUsageCommandInput['Filter']) =>
      ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: LAST_30,
          Granularity: 'MONTHLY',
          Metrics: ['UnblendedCost'],
          GroupBy: [{ Type: 'DIMENSION', Key: 'USAGE_TYPE' }],
          Filter,
        }),
      );
    const eu = await input({
      And: [
        { Dimensions: { Key: 'SERVICE', Values: ['Amazon WorkSpaces'] } },
        { Dimensions: { Key: 'USAGE_TYPE', Values: ['EU-'], MatchOptions: ['STARTS_WITH'] } },
        { Not: { Dimensions: { Key: 'USAGE_TYPE', Values: ['Pools'], MatchOptions: ['CONTAINS'] } } },
      ],
    });
    const keys = eu.ResultsByTime?.flatMap((r) => (r.Groups ?? []).map((g) => g.Keys?.[0] ?? '')) ?? [];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('EU-') && !k.includes('Pools'))).toBe(true);
    await expect(input({ And: [{ Dimensions: { Key: 'SERVICE', Values: ['x'] } }] })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      input({
        Dimensions: { Key: 'SERVICE', Values: ['x'] },
        Not: { Dimensions: { Key: 'SERVICE', Values: ['y'] } },
      }),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('enforces the TimePeriod, granularity, metric and GroupBy rules with the real error codes', async () => {
    const send = (input: Partial<GetCostAndUsageCommandInput>) =>
      ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: LAST_30,
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          ...input,
        } as GetCostAndUsageCommandInput),
      );
    await expect(send({ TimePeriod: { Start: '2026-11-10', End: '2026-11-10' } })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('before end date'),
    });
    await expect(send({ TimePeriod: { Start: '2026-11-01', End: '2026-12-02' } })).rejects.toMatchObject({
      message: 'end date past the beginning of next month',
    });
    await expect(send({ TimePeriod: { Start: '2025-09-01', End: '2025-10-01' } })).rejects.toMatchObject({
      name: 'DataUnavailableException',
    });
    await expect(
      send({
        TimePeriod: { Start: '2026-11-15T00:00:00Z', End: '2026-11-16T00:00:00Z' },
        Granularity: 'HOURLY',
      }),
    ).rejects.toMatchObject({ name: 'DataUnavailableException' });
    await expect(send({ TimePeriod: { Start: '2026/11/01', End: '2026-11-02' } })).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(send({ Metrics: ['Cost'] })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      send({
        GroupBy: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'DIMENSION', Key: 'REGION' },
          { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
        ],
      }),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      send({ GroupBy: [{ Type: 'DIMENSION', Key: 'COLOUR' as 'SERVICE' }] }),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    // The oldest retained month is fine, as is the month still running.
    await expect(send({ TimePeriod: { Start: '2025-10-01', End: '2025-10-02' } })).resolves.toHaveProperty(
      'ResultsByTime',
    );
  });

  it('serves HOURLY for the last 14 days once enabled, and not before', async () => {
    estate.billing.hourlyGranularityEnabled = true;
    try {
      const hourly = await ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: '2026-11-15T00:00:00Z', End: '2026-11-15T06:00:00Z' },
          Granularity: 'HOURLY',
          Metrics: ['UnblendedCost'],
        }),
      );
      expect(hourly.ResultsByTime?.map((r) => r.TimePeriod?.Start)).toHaveLength(6);
      await expect(
        ce.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: '2026-10-01T00:00:00Z', End: '2026-10-02T00:00:00Z' },
            Granularity: 'HOURLY',
            Metrics: ['UnblendedCost'],
          }),
        ),
      ).rejects.toMatchObject({ message: expect.stringContaining('14 days') });
    } finally {
      estate.billing.hourlyGranularityEnabled = false;
    }
  });
});

describe('the spend story', () => {
  it('shows the recent surge: the last 7 days of EUC spend run well above the 30-day average (1sts left out)', async () => {
    const results = await all(ce, {
      TimePeriod: LAST_30,
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    });
    const daily = results
      .filter((r) => !(r.TimePeriod?.Start ?? '').endsWith('-01'))
      .map((r) => sumGroups([r], (k) => /WorkSpaces(?! Thin)|AppStream/.test(k[0] ?? '')));
    const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(average(daily.slice(-7)) / average(daily)).toBeGreaterThan(1.3);
    // The load test ran on a fleet that exists: its instance type is in the inventory.
    const surgeType = /-(stream\.[a-z0-9.-]+?)-(?:fl|el)(?:-[a-z0-9]+)?$/.exec(
      estate.billing.story.surgeUsageType,
    )?.[1];
    expect(estate.applications.fleets.map((f) => f.fleet.InstanceType)).toContain(surgeType);
  });

  it('carries a WorkSpaces credit as a negative Credit record', async () => {
    const { creditDay } = estate.billing.story;
    const answer = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: {
          Start: creditDay,
          End: `${creditDay.slice(0, 8)}${String(Number(creditDay.slice(8)) + 1).padStart(2, '0')}`,
        },
        Granularity: 'DAILY',
        Metrics: ['UnblendedCost'],
        Filter: { Dimensions: { Key: 'RECORD_TYPE', Values: ['Credit'] } },
      }),
    );
    expect(Number(answer.ResultsByTime?.[0]?.Total?.UnblendedCost?.Amount)).toBe(-250);
  });

  it('is deterministic: the same seed gives the same bill', () => {
    const again = generateEstate({ seed: 5, desktops: 300, accounts: [PAYER, MEMBER] });
    expect(again.billing.lines.length).toBe(estate.billing.lines.length);
    expect(JSON.stringify(again.billing.lines.slice(-500))).toBe(
      JSON.stringify(estate.billing.lines.slice(-500)),
    );
    expect(generateEstate({ seed: 6, desktops: 300 }).billing.lines.slice(-50)).not.toEqual(
      estate.billing.lines.slice(-50),
    );
  });
});

describe('GetDimensionValues and GetCostForecast', () => {
  it('lists the services with spend, with a search string', async () => {
    const answer = await ce.send(
      new GetDimensionValuesCommand({
        TimePeriod: LAST_30,
        Dimension: 'SERVICE',
        SearchString: 'workspaces',
      }),
    );
    expect(answer.DimensionValues?.map((v) => v.Value)).toEqual([
      'Amazon WorkSpaces',
      'Amazon WorkSpaces Thin Client',
      'Amazon WorkSpaces Web',
    ]);
    expect(answer.TotalSize).toBe(3);
  });

  it('forecasts from today with a prediction interval, and refuses a start in the past', async () => {
    const forecast = await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: '2026-11-17', End: '2026-12-17' },
        Metric: 'UNBLENDED_COST',
        Granularity: 'MONTHLY',
        PredictionIntervalLevel: 80,
        Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon WorkSpaces', 'Amazon AppStream'] } },
      }),
    );
    expect(forecast.ForecastResultsByTime?.map((f) => f.TimePeriod?.Start)).toEqual([
      '2026-11-17',
      '2026-12-01',
    ]);
    const [rest] = forecast.ForecastResultsByTime ?? [];
    expect(Number(rest?.PredictionIntervalLowerBound)).toBeLessThan(Number(rest?.MeanValue));
    expect(Number(rest?.PredictionIntervalUpperBound)).toBeGreaterThan(Number(rest?.MeanValue));
    expect(Number(forecast.Total?.Amount)).toBeGreaterThan(0);
    await expect(
      ce.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: '2026-11-10', End: '2026-12-01' },
          Metric: 'UNBLENDED_COST',
          Granularity: 'MONTHLY',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      ce.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: '2026-11-17', End: '2026-12-01' },
          Metric: 'USAGE_QUANTITY',
          Granularity: 'MONTHLY',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      ce.send(
        new GetCostForecastCommand({
          TimePeriod: { Start: '2026-11-17', End: '2026-12-01' },
          Metric: 'UNBLENDED_COST',
          Granularity: 'DAILY',
          Filter: { Dimensions: { Key: 'SERVICE', Values: ['Amazon Nothing'] } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'DataUnavailableException' });
  });
});
