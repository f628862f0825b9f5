import { definePlugin, defineTool, type ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk, type SimulatorOptions } from '@workspaces-euc-mcp/testing';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { editedEstate } from '../__tests__/sim.js';
import { plugin } from '../index.js';
import type { getEucServicePrices } from './get-euc-service-prices.js';

type Out = ToolOutput<typeof getEucServicePrices>;

// af-south-1 is on no short region list: it is priced through the Price List regionCode filter.
// The simulator prices it at 1.28 × us-east-1: POWER Windows Server 175/100 AlwaysOn $99.75,
// AutoStop $24.25 + $0.87/h; BYOL $96.75 + $0.84/h.
const REGION = 'af-south-1';
const estate = () => editedEstate([{ id: 'ws-1' }]);

async function prices(input: Record<string, unknown>, simulator: SimulatorOptions = {}) {
  const host = await createTestHost({ plugins: [plugin], estate: estate(), simulator });
  return { host, out: await invokeOk<Out>(host, 'get_euc_service_prices', { regions: [REGION], ...input }) };
}

describe('get_euc_service_prices', () => {
  it('prices a Personal configuration in a region outside any short list, with its break-even', async () => {
    const { out, host } = await prices({
      service: 'personal',
      computeType: 'POWER',
      rootVolumeGib: 175,
      userVolumeGib: 100,
    });
    expect(out.personal?.matches).toEqual([
      {
        region: REGION,
        alwaysOnMonthlyUsd: 99.75,
        autoStopMonthlyBaseUsd: 24.25,
        autoStopHourlyUsd: 0.87,
        breakEvenHours: 86.8,
      },
    ]);
    expect(out.personal?.licence).toBe('Windows Server, licence included');
    expect(out.priceListQueries).toBe(1);
    expect(host.requests.every((r) => r.region === 'us-east-1')).toBe(true);
  });

  it('prices Windows 11 as BYOL, on its own SKUs', async () => {
    const { out } = await prices({
      service: 'personal',
      computeType: 'POWER',
      operatingSystem: 'WINDOWS_11',
      rootVolumeGib: 175,
      userVolumeGib: 100,
    });
    expect(out.personal?.matches[0]).toMatchObject({ alwaysOnMonthlyUsd: 96.75, autoStopHourlyUsd: 0.84 });
    expect(out.personal?.licence).toBe('BYOL Windows');
  });

  it('lists the priced storage pairings of a compute type, each inheriting the family hourly rate', async () => {
    const { out } = await prices({ service: 'personal', computeType: 'POWER' });
    expect(out.personal?.rows.map((r) => r.storage)).toEqual([
      'Root:175 GB,User:100 GB',
      'Root:175 GB,User:200 GB',
      'Root:80 GB,User:10 GB',
      'Root:80 GB,User:100 GB',
      'Root:80 GB,User:50 GB',
    ]);
    expect(new Set(out.personal?.rows.map((r) => r.autoStopHourlyUsd))).toEqual(new Set([0.87]));
  });

  it('says what it could not match and why', async () => {
    const custom = await prices({
      service: 'personal',
      computeType: 'POWER',
      rootVolumeGib: 175,
      userVolumeGib: 333,
    });
    expect(custom.out.unmatched).toEqual([
      expect.objectContaining({ why: expect.stringContaining('Root:175 GB,User:333 GB') }),
    ]);
    const notOffered = await prices({ service: 'secure-browser' });
    expect(notOffered.out.unmatched).toEqual([
      expect.objectContaining({
        what: 'Secure Browser',
        why: expect.stringContaining('regionCode af-south-1'),
      }),
    ]);
    const retired = await prices({ service: 'personal', computeType: 'GRAPHICS' });
    expect(retired.out.unmatched).toEqual([expect.objectContaining({ what: 'Personal GRAPHICS' })]);
  });

  it('prices Pools, Applications, Secure Browser and Core in us-east-1', async () => {
    const region = 'us-east-1';
    const pools = await prices({ service: 'pools', computeType: 'POWER', regions: [region] });
    expect(pools.out.rates.map((r) => [r.item, r.usd])).toEqual([
      ['Power streaming, licence Bring Your Own License', 0.29],
      ['Power streaming, licence Included', 0.33],
      ['Stopped instance (provisioned, idle)', 0.025],
      ['User fee (per user per month)', 4.19],
    ]);
    const apps = await prices({
      service: 'applications',
      regions: [region],
      instanceType: 'stream.standard.medium',
      platform: 'WINDOWS_SERVER_2022',
    });
    // 0.10 × 730 = 73.00 a month running all the time.
    expect(apps.out.rates.find((r) => r.item.startsWith('stream.standard.medium'))).toMatchObject({
      item: 'stream.standard.medium Fleet Windows',
      usd: 0.1,
      monthlyAt730HoursUsd: 73,
    });
    expect(apps.out.rates.map((r) => r.item)).toContain(
      'Stopped fleet instance (On-Demand, provisioned idle)',
    );
    expect(
      apps.out.rates
        .filter((r) => r.item.startsWith('Microsoft user fee'))
        .map((r) => r.usd)
        .sort(),
    ).toEqual([2.23, 4.19, 6.42]);
    const web = await prices({ service: 'secure-browser', regions: [region] });
    expect(web.out.rates.map((r) => [r.item, r.usd])).toEqual([
      ['standard.large', 10.5],
      ['standard.regular', 7],
      ['standard.xlarge', 14],
    ]);
    const core = await prices({ service: 'core', regions: [region], instanceType: 'm7i.large' });
    expect(core.out.rates.map((r) => [r.item, r.usd])).toEqual([
      ['m7i.large Hourly Dedicated', 0.044],
      ['m7i.large Hourly Shared', 0.04],
      ['m7i.large Monthly Dedicated', 19.25],
      ['m7i.large Monthly Shared', 17.5],
    ]);
  });

  it('attaches the Personal licensing note to Personal answers only, not to Secure Browser or Core', async () => {
    const region = 'us-east-1';
    const personalNote = (notes: readonly string[]) => notes.some((n) => /BYOL|Windows 10\/11/.test(n));
    expect(personalNote((await prices({ service: 'personal', regions: [region] })).out.notes)).toBe(true);
    expect(personalNote((await prices({ service: 'secure-browser', regions: [region] })).out.notes)).toBe(
      false,
    );
    const core = await prices({ service: 'core', regions: [region], instanceType: 'm7i.large' });
    expect(personalNote(core.out.notes)).toBe(false);
  });

  it('reports a Price List failure as data', async () => {
    const { out } = await prices(
      { service: 'pools', computeType: 'POWER' },
      { faults: [{ service: 'pricing', code: 'AccessDeniedException' }] },
    );
    expect(out.errors.length).toBe(3);
    expect(out.errors[0]).toMatchObject({ service: 'AWS Price List', code: 'AccessDeniedException' });
  });

  it('is callable by another plugin through the host, with a stable result shape', async () => {
    const consumer = definePlugin({
      name: 'test-consumer',
      version: '0.0.0',
      description: 'calls the price tool',
      tools: [
        defineTool({
          name: 'price_my_fleet',
          title: 'test',
          description: 'test',
          tier: 1,
          iam: [],
          input: Type.Object({}),
          output: Type.Object({ monthly: Type.Number() }),
          async run(_input, ctx) {
            const outcome = await ctx.callTool('get_euc_service_prices', {
              service: 'applications',
              regions: ['eu-west-1'],
              instanceType: 'stream.standard.medium',
              platform: 'WINDOWS_SERVER_2022',
            });
            if (!outcome.ok) throw new Error(outcome.message);
            const rates = outcome.result.rates as { item: string; monthlyAt730HoursUsd?: number }[];
            return { monthly: rates.find((r) => r.item.startsWith('stream'))?.monthlyAt730HoursUsd ?? 0 };
          },
        }),
      ],
    });
    const host = await createTestHost({ plugins: [plugin, consumer], estate: estate() });
    const result = await host.invoke('price_my_fleet', {});
    // eu-west-1 is 1.06 × us-east-1: $0.11/h (0.106 rounded to the cent) × 730 = $80.30.
    expect(result.ok && result.structured).toEqual({ monthly: 80.3 });
  });

  it('prices every region asked for (default: the configured ones), each row naming its region', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const both = await invokeOk<Out>(host, 'get_euc_service_prices', {
      service: 'personal',
      computeType: 'POWER',
      rootVolumeGib: 175,
      userVolumeGib: 100,
      regions: ['us-east-1', REGION],
    });
    expect(both.regions).toEqual(['us-east-1', REGION]);
    expect(both.personal?.matches.map((m) => [m.region, m.alwaysOnMonthlyUsd])).toEqual([
      ['us-east-1', 78],
      [REGION, 99.75],
    ]);
    expect(both.priceListQueries).toBe(2);
    const configured = await invokeOk<Out>(host, 'get_euc_service_prices', { service: 'secure-browser' });
    expect(configured.regions).toEqual(['us-east-1']);
    expect(configured.rates.every((r) => r.region === 'us-east-1')).toBe(true);
  });

  it('checks the bare inputs in code, naming the field', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const bad = await host.invoke('get_euc_service_prices', { service: 'personal', computeType: 'power!' });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('computeType');
    const fn = await host.invoke('get_euc_service_prices', {
      service: 'applications',
      instanceFunction: 'Flet',
    });
    expect(fn.text).toContain('instanceFunction');
    expect(host.requests).toHaveLength(0);
  });
});
