import { definePlugin, defineTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { estateHost } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { personalPrices, product } from '../__tests__/prices.js';
import { plugin } from '../index.js';

const NOW = new Date('2025-03-17T10:30:00Z');
// mx-central-1 (Mexico) is on no short region list: it must be priced through regionCode.
const REGION = 'mx-central-1';
const products = [
  ...personalPrices({
    region: REGION,
    bundle: 'Power',
    operatingSystem: 'Windows',
    license: 'Included',
    storage: 'Root:175 GB,User:100 GB',
    alwaysOn: 124,
    base: 26,
    hourly: 0.99,
  }),
  ...personalPrices({
    region: REGION,
    bundle: 'Power-0',
    operatingSystem: 'Windows',
    license: 'Included',
    storage: 'Root:80 GB,User:10 GB',
    alwaysOn: 116,
    base: 24,
  }),
  ...personalPrices({
    region: REGION,
    bundle: 'Power',
    operatingSystem: 'Windows',
    license: 'Bring Your Own License',
    storage: 'Root:175 GB,User:100 GB',
    alwaysOn: 120,
    base: 26,
    hourly: 0.95,
  }),
  product(
    'AmazonWorkSpaces',
    { regionCode: REGION, bundle: 'Power', runningMode: 'Pool', license: 'Included' },
    { unit: 'Hour', usd: 0.48 },
  ),
  product(
    'AmazonWorkSpaces',
    { regionCode: REGION, bundle: 'Power', runningMode: 'Pool', license: 'Bring Your Own License' },
    { unit: 'Hour', usd: 0.417 },
  ),
  product(
    'AmazonWorkSpaces',
    { regionCode: REGION, bundle: 'Stopped Instance', runningMode: 'Not Applicable Pools' },
    { unit: 'Hour', usd: 0.025 },
  ),
  product(
    'AmazonWorkSpaces',
    { regionCode: REGION, bundle: 'User Fee', runningMode: 'Not Applicable Pools' },
    { unit: 'Month', usd: 4.19 },
  ),
  product(
    'AmazonAppStream',
    {
      regionCode: REGION,
      instanceType: 'stream.standard.medium',
      instanceFunction: 'Fleet',
      operatingSystem: 'Windows',
    },
    { unit: 'Hour', usd: 0.1 },
    'Streaming Instance',
  ),
  product(
    'AmazonAppStream',
    {
      regionCode: REGION,
      instanceType: 'stream.standard.medium',
      instanceFunction: 'Fleet',
      operatingSystem: 'Windows BYOL',
    },
    { unit: 'Hour', usd: 0.08 },
    'Streaming Instance',
  ),
  product(
    'AmazonAppStream',
    { regionCode: REGION, instanceFunction: 'StoppedFleetInstance' },
    { unit: 'Hour', usd: 0.025 },
    'Streaming Instance',
  ),
  product(
    'AmazonAppStream',
    { regionCode: REGION, usagetype: 'MX-UserFee-SingleSession' },
    { unit: 'Month', usd: 4.19 },
    'User Fees',
  ),
  product(
    'AmazonWorkSpacesWeb',
    { regionCode: REGION, usagetype: 'MXC1-WEB-ST-LARGE' },
    { unit: 'Month', usd: 9 },
    'Secure Browser',
  ),
  product(
    'AmazonWorkSpacesInstances',
    { regionCode: REGION, instanceType: 'm7i.large', billingoption: 'Hourly' },
    { unit: 'Hour', usd: 0.05 },
    'Core',
  ),
];

async function prices(input: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const env = await estateHost(plugin, { desktops: [], products, ...extra }, { now: NOW });
  const result = await env.host.invoke('get_euc_service_prices', { region: REGION, ...input });
  if (!result.ok) throw new Error(result.text);
  return {
    ...env,
    out: result.structured as Record<string, unknown> & {
      rates: { item: string; usd: number; monthlyAt730HoursUsd?: number }[];
      unmatched: { what: string; why: string }[];
    },
  };
}

describe('get_euc_service_prices', () => {
  it('prices a Personal configuration in a region outside any short list, with its break-even', async () => {
    const { out, requests } = await prices({
      service: 'personal',
      computeType: 'POWER',
      operatingSystem: 'WINDOWS_SERVER_2022',
      rootVolumeGib: 175,
      userVolumeGib: 100,
    });
    // (124 − 26) / 0.99 = 98.99 → 99.0 h.
    expect(out.personal).toMatchObject({
      licence: 'Windows Server, licence included',
      match: {
        alwaysOnMonthlyUsd: 124,
        autoStopMonthlyBaseUsd: 26,
        autoStopHourlyUsd: 0.99,
        breakEvenHours: 99,
      },
    });
    const pricing = requests.filter((r) => r.operation === 'GetProducts');
    expect(pricing.every((r) => r.region === 'us-east-1')).toBe(true);
    expect(pricing[0]?.input.Filters).toContainEqual({
      Type: 'TERM_MATCH',
      Field: 'regionCode',
      Value: REGION,
    });
  });

  it('prices Windows 11 as BYOL, on its own SKUs', async () => {
    const { out } = await prices({
      service: 'personal',
      computeType: 'POWER',
      operatingSystem: 'WINDOWS_11',
      rootVolumeGib: 175,
      userVolumeGib: 100,
    });
    // (120 − 26) / 0.95 = 98.95 → 98.9 h.
    expect(out.personal).toMatchObject({
      licence: 'BYOL Windows',
      match: { alwaysOnMonthlyUsd: 120, breakEvenHours: 98.9 },
    });
  });

  it('lists the priced storage pairings of a compute type, inheriting the family hourly rate', async () => {
    const { out } = await prices({ service: 'personal', computeType: 'POWER' });
    expect((out.personal as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({
        storage: 'Root:175 GB,User:100 GB',
        alwaysOnMonthlyUsd: 124,
        autoStopHourlyUsd: 0.99,
      }),
      // (116 − 24) / 0.99 = 92.9 h.
      expect.objectContaining({
        storage: 'Root:80 GB,User:10 GB',
        alwaysOnMonthlyUsd: 116,
        breakEvenHours: 92.9,
      }),
    ]);
  });

  it('says what it could not match and why', async () => {
    const { out } = await prices({
      service: 'personal',
      computeType: 'POWER',
      rootVolumeGib: 175,
      userVolumeGib: 333,
    });
    expect(out.unmatched).toEqual([
      expect.objectContaining({ why: expect.stringContaining('Root:175 GB,User:333 GB') }),
    ]);
    const elsewhere = await prices({ service: 'secure-browser', region: 'af-south-1' });
    expect(elsewhere.out.unmatched).toEqual([
      expect.objectContaining({
        what: 'Secure Browser',
        why: expect.stringContaining('regionCode af-south-1'),
      }),
    ]);
  });

  it('prices Pools, Applications, Secure Browser and Core', async () => {
    const pools = await prices({ service: 'pools', computeType: 'POWER' });
    expect(pools.out.rates.map((r) => [r.item, r.usd])).toEqual([
      ['Power streaming, licence Bring Your Own License', 0.417],
      ['Power streaming, licence Included', 0.48],
      ['Stopped instance (provisioned, idle)', 0.025],
      ['User fee (per user per month)', 4.19],
    ]);
    const apps = await prices({
      service: 'applications',
      instanceType: 'stream.standard.medium',
      platform: 'WINDOWS_SERVER_2022',
    });
    // 0.10 × 730 = 73.00 a month running all the time.
    expect(apps.out.rates[0]).toMatchObject({
      item: 'stream.standard.medium Fleet Windows',
      usd: 0.1,
      monthlyAt730HoursUsd: 73,
    });
    expect(apps.out.rates.map((r) => r.item)).toContain(
      'Stopped fleet instance (On-Demand, provisioned idle)',
    );
    expect(apps.out.rates.some((r) => r.item.includes('Windows BYOL'))).toBe(false);
    const web = await prices({ service: 'secure-browser' });
    expect(web.out.rates).toEqual([expect.objectContaining({ item: 'standard.large', usd: 9 })]);
    const core = await prices({ service: 'core', instanceType: 'm7i.large' });
    expect(core.out.rates).toEqual([expect.objectContaining({ item: 'm7i.large Hourly', usd: 0.05 })]);
  });

  it('reports a Price List failure as data', async () => {
    const { out } = await prices(
      { service: 'secure-browser' },
      { failures: { GetProducts: awsError('AccessDeniedException', 'denied') } },
    );
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'AWS Price List', code: 'AccessDeniedException' }),
    ]);
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
              region: REGION,
              instanceType: 'stream.standard.medium',
              platform: 'WINDOWS_SERVER_2022',
            });
            if (!outcome.ok) throw new Error(outcome.message);
            const rates = outcome.result.rates as { monthlyAt730HoursUsd?: number }[];
            return { monthly: rates[0]?.monthlyAt730HoursUsd ?? 0 };
          },
        }),
      ],
    });
    const env = await estateHost(plugin, { desktops: [], products }, { now: NOW, extraPlugins: [consumer] });
    const result = await env.host.invoke('price_my_fleet', {});
    expect(result.ok && result.structured).toEqual({ monthly: 73 });
  });
});
