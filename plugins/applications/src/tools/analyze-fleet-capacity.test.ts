import { definePlugin, defineTool } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioName } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';
import { analyzeFleetCapacity } from './analyze-fleet-capacity.js';

const TOOL = 'analyze_fleet_capacity';

interface Row {
  fleet: string;
  region: string;
  verdict: string;
  peakInUse: number;
  avgProvisioned: number;
  recommendedDesired?: number;
  instanceHoursPerMonth?: number;
  billedAt?: string;
  usdPerMonth?: number;
  reason: string;
}
interface Analysis {
  summary: string;
  counts: Record<string, number>;
  totals: {
    savingInstanceHoursPerMonth: number;
    addedInstanceHoursPerMonth: number;
    savingUsdPerMonth?: number;
  };
  fleets: Row[];
  nextCursor?: string;
  notes: string[];
  errors: { region: string; code: string }[];
}

/** A stand-in for the cost plugin's price tool: $1.00/h for every instance, $0.025/h stopped. */
function pricesPlugin(rates: unknown) {
  return definePlugin({
    name: 'test-prices',
    version: '0.0.0',
    description: 'Fixed list prices for tests.',
    tools: [
      defineTool({
        name: 'get_euc_service_prices',
        title: 'prices',
        description: 'test prices',
        tier: 1,
        iam: ['pricing:GetProducts'],
        input: Type.Object({}, { additionalProperties: true }),
        output: Type.Object({}, { additionalProperties: true }),
        run: async (input: Record<string, unknown>) => ({
          rates:
            typeof rates === 'function' ? (rates as (i: Record<string, unknown>) => unknown)(input) : rates,
        }),
      }),
    ],
  });
}

const fixedRates = (input: Record<string, unknown>) => [
  {
    unit: 'Hrs',
    usd: 1,
    attributes: {
      instanceType: String(input.instanceType),
      instanceFunction: String(input.instanceFunction),
    },
  },
  { unit: 'Hrs', usd: 0.025, attributes: { instanceFunction: 'StoppedFleetInstance' } },
];

describe('analyze_fleet_capacity', () => {
  it('fits the schema budget', () => {
    expect(toolSchemaBytes(analyzeFleetCapacity)).toBeLessThanOrEqual(650);
  });

  it('the idle Always-On fleet is over-provisioned by its 4 instances (2,920 instance-hours/month); the exhausted one is short', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Analysis>(host, TOOL, {});
    const row = (scenario: Parameters<typeof scenarioName>[1]) =>
      result.fleets.find((r) => r.fleet === scenarioName(estate, scenario));
    // Nobody streamed for five weeks; 4 GPU instances ran all day: recommended 0, 4 × 730 h saved.
    expect(row('idle')).toMatchObject({
      verdict: 'over',
      peakInUse: 0,
      avgProvisioned: 4,
      recommendedDesired: 0,
      instanceHoursPerMonth: -2920,
      billedAt: 'full-rate',
    });
    // Refused sessions at a quota-capped 10 instances: at least 10 × 1.25 + 1 = 13.5 → 14.
    expect(row('exhausted')).toMatchObject({ verdict: 'under', peakInUse: 10, recommendedDesired: 14 });
    expect(row('exhausted')?.reason).toContain('lower bound');
    // Short because its service role is gone: more capacity would not launch either.
    expect(row('role-missing')?.reason).toContain('IAM_SERVICE_ROLE_IS_MISSING');
    // Elastic, stopped and starting fleets are counted but not sized, and not listed estate-wide.
    expect(result.counts['not-judged']).toBeGreaterThanOrEqual(3);
    expect(row('elastic')).toBeUndefined();
    expect(result.notes.some((n) => n.includes('$ needs get_euc_service_prices'))).toBe(true);
    // One batched GetMetricData for the region's fleets, five series each.
    expect(host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData')).toHaveLength(1);
  });

  it('prices the change through get_euc_service_prices when it is loaded: full rate for Always-On, stopped fee for On-Demand', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin, pricesPlugin(fixedRates)], estate });
    const result = await invokeOk<Analysis>(host, TOOL, {});
    const idle = result.fleets.find((r) => r.fleet === scenarioName(estate, 'idle'));
    expect(idle?.usdPerMonth).toBe(-2920);
    // On-Demand: 15 provisioned, peak 10 → 12; the 3 idle instances only bill the stopped fee.
    const onDemand = result.fleets.find((r) => r.fleet === scenarioName(estate, 'on-demand'));
    expect(onDemand).toMatchObject({ verdict: 'over', recommendedDesired: 12, billedAt: 'stopped-fee' });
    expect(onDemand?.usdPerMonth).toBeCloseTo((onDemand?.instanceHoursPerMonth ?? 0) * 0.025, 2);
    expect(result.totals.savingUsdPerMonth).toBeGreaterThanOrEqual(2920);
    const broken = await createTestHost({
      plugins: [plugin, pricesPlugin('not a list')],
      estate: fleetEstate(),
    });
    const unpriced = await invokeOk<Analysis>(broken, TOOL, { fleet: scenarioName(estate, 'idle') });
    expect(unpriced.fleets[0]?.usdPerMonth).toBeUndefined();
    expect(unpriced.notes.some((n) => n.includes('contract'))).toBe(true);
  });

  it('one fleet: always its row, found by name wherever it lives', async () => {
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Analysis>(host, TOOL, { fleet: scenarioName(estate, 'elastic') });
    expect(result.fleets).toEqual([
      expect.objectContaining({ verdict: 'not-judged', reason: expect.stringContaining('Elastic') }),
    ]);
  });

  it('a 10,000-desktop estate fits the answer budget, pages the rest, and reports a failing region while answering the other', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 42, desktops: 10_000 });
    // Make every steady Always-On fleet of us-east-1 idle for a month: dozens of rows to rank.
    const idleSince = new Date(estate.settings.now.getTime() - 30 * 86_400_000);
    for (const f of estate.applications.fleets)
      if (f.region === 'us-east-1' && f.scenario === 'steady' && f.fleet.FleetType === 'ALWAYS_ON')
        Object.assign(f, { usage: { ...f.usage, usageEndsAt: idleSince } });
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          { service: 'appstream', operation: 'DescribeFleets', region: 'eu-west-1', code: 'InternalFailure' },
          { service: 'cloudwatch', operation: 'GetMetricData', code: 'ThrottlingException', times: 1 },
        ],
      },
    });
    const first = await invokeOk<Analysis>(host, TOOL, { lookbackDays: 7 });
    expect(answerBytes(first)).toBeLessThanOrEqual(ANSWER_BUDGET);
    expect(first.errors).toEqual([expect.objectContaining({ region: 'eu-west-1', code: 'InternalFailure' })]);
    expect(first.fleets.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(first.counts.over).toBeGreaterThan(15);
    expect(first.fleets.length).toBe(15);
    expect(first.summary).toContain('pass nextCursor for more');
    const ranked = (first.counts.over ?? 0) + (first.counts.under ?? 0);
    expect(first.summary).toContain(`${ranked - 15} more fleet(s) not shown.`);
    const impacts = first.fleets.map((r) => Math.abs(r.instanceHoursPerMonth ?? 0));
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    const second = await invokeOk<Analysis>(host, TOOL, { lookbackDays: 7, cursor: first.nextCursor });
    expect(second.fleets.map((r) => r.fleet)).not.toContain(first.fleets[0]?.fleet);
  });
});
