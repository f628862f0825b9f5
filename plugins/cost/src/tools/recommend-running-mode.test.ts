import { describe, expect, it } from 'vitest';
import { always, estateHost, type FakeDesktop, onlyWhileRunning, workingHours } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { personalPrices } from '../__tests__/prices.js';
import { plugin } from '../index.js';

// A region outside any short list, priced through the Price List regionCode filter.
const REGION = 'ap-southeast-5';
// Monday 17 March 2025 10:30 UTC: the 14-day window is 3 Mar 10:00 → 17 Mar 10:00 (336 h).
const NOW = new Date('2025-03-17T10:30:00Z');
const WINDOW_START = Date.parse('2025-03-03T10:00:00Z');

const desk = (id: string, mode: string, os: string, user = 50): FakeDesktop => ({
  WorkspaceId: id,
  UserName: id.replace('ws-', ''),
  State: 'AVAILABLE',
  WorkspaceProperties: {
    RunningMode: mode,
    ...(mode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: 60 } : {}),
    ComputeTypeName: 'STANDARD',
    OperatingSystemName: os,
    RootVolumeSizeGib: 80,
    UserVolumeSizeGib: user,
  },
});
const SERVER = 'WINDOWS_SERVER_2022';

// Made-up list prices. Included: AlwaysOn $40, AutoStop $10 + $0.50/h → break-even 60 h (band 54-66 h).
// BYOL: AlwaysOn $36, AutoStop $10 + $0.45/h → break-even 57.8 h.
const products = [
  ...personalPrices({
    region: REGION,
    bundle: 'Standard',
    operatingSystem: 'Windows',
    license: 'Included',
    storage: 'Root:80 GB,User:50 GB',
    alwaysOn: 40,
    base: 10,
    hourly: 0.5,
  }),
  ...personalPrices({
    region: REGION,
    bundle: 'Standard',
    operatingSystem: 'Any',
    license: 'Bring Your Own License',
    storage: 'Root:80 GB,User:50 GB',
    alwaysOn: 36,
    base: 10,
    hourly: 0.45,
  }),
  // Another region's prices must not leak in.
  ...personalPrices({
    region: 'us-east-1',
    bundle: 'Standard',
    operatingSystem: 'Windows',
    license: 'Included',
    storage: 'Root:80 GB,User:50 GB',
    alwaysOn: 35,
    base: 9.75,
    hourly: 0.26,
  }),
];

const estate = {
  desktops: [
    desk('ws-unused', 'ALWAYS_ON', SERVER),
    desk('ws-light', 'ALWAYS_ON', SERVER),
    desk('ws-heavy', 'AUTO_STOP', SERVER),
    desk('ws-coin', 'ALWAYS_ON', SERVER),
    desk('ws-byol', 'ALWAYS_ON', 'WINDOWS_10'),
    desk('ws-optout', 'ALWAYS_ON', SERVER),
    desk('ws-custom', 'ALWAYS_ON', SERVER, 77),
    desk('ws-nodata', 'ALWAYS_ON', SERVER),
  ],
  metrics: {
    'ws-unused': { UserConnected: always(0) },
    // Mon and Wed 09-13, each session + 1 h tail: 3 Mar 10-12 (3+1) + 5, 10, 12 Mar (5 each)
    // + 17 Mar 09:00 (1, tail beyond the window) = 20 billable hours.
    'ws-light': { UserConnected: workingHours([1, 3], 9, 13) },
    // Weekdays 09-17 + 1 h tail: 3 Mar 10-16 (7+1) + 4 × 9 + 5 × 9 + 17 Mar 09:00 (1) = 90 billable hours.
    'ws-heavy': { UserConnected: onlyWhileRunning(workingHours([1, 2, 3, 4, 5], 9, 17)) },
    // One 26-hour session: 26 + 1 tail = 27 billable hours.
    'ws-coin': {
      UserConnected: (t: Date) => {
        const h = (t.getTime() - WINDOW_START) / 3_600_000;
        return h >= 100 && h < 126 ? 1 : 0;
      },
    },
    'ws-byol': { UserConnected: always(0) },
    'ws-optout': { UserConnected: always(0) },
    'ws-custom': { UserConnected: always(0) },
  },
  metricStatus: { 'ws-nodata': 'InternalError' },
  tags: { 'ws-optout': [{ Key: 'skip_convert', Value: 'finance' }] },
  products,
};

type Row = {
  workspaceId: string;
  decision: string;
  recommendedMode?: string;
  monthlySavingUsd: number;
  billableHours?: number;
  projectedBillableHoursPerMonth?: number;
  breakEvenHours?: number;
  autoStopMonthlyUsd?: number;
  licence?: string;
  skipConvert: string;
  timing?: { switchWhen: string; billingEffectiveFrom: string };
};
type Out = {
  summary: string;
  counts: Record<string, number>;
  totalMonthlySavingUsd: number;
  savingToAutoStopUsd: number;
  savingToAlwaysOnUsd: number;
  recommendations: Row[];
  unmatchedConfigurations: { userVolumeGib: number | null; available: { storage: string }[] }[];
  requests: { priceListQueries: number; tagChecks: number };
  errors: { service: string; code: string }[];
};

async function run(
  input: Record<string, unknown>,
  over: Partial<typeof estate> & Record<string, unknown> = {},
) {
  const env = await estateHost(plugin, { ...estate, ...over }, { now: NOW });
  const result = await env.host.invoke('recommend_running_mode', {
    region: REGION,
    decisions: [
      'switch-to-auto-stop',
      'switch-to-always-on',
      'coin-flip',
      'keep',
      'opted-out',
      'unpriced',
      'unknown',
      'skipped',
    ],
    ...input,
  });
  if (!result.ok) throw new Error(result.text);
  const out = result.structured as Out;
  const byId = Object.fromEntries(out.recommendations.map((r) => [r.workspaceId, r]));
  return { ...env, out, byId };
}

describe('recommend_running_mode', () => {
  it('prices each desktop in its region and licence and recommends the cheaper mode', async () => {
    const { out, byId } = await run({});
    // Unused AlwaysOn: 0 h + 1 maintenance h → AutoStop 10 + 0.5 × 1 = 10.50 vs 40 → saves 29.50.
    expect(byId['ws-unused']).toMatchObject({
      decision: 'switch-to-auto-stop',
      monthlySavingUsd: 29.5,
      autoStopMonthlyUsd: 10.5,
    });
    // Light AlwaysOn: 20 billable h × 730 / 336 = 43.45 + 1 = 44.45 h → 10 + 22.23 = 32.23 → saves 7.77.
    expect(byId['ws-light']).toMatchObject({
      decision: 'switch-to-auto-stop',
      billableHours: 20,
      monthlySavingUsd: 7.77,
    });
    expect(byId['ws-light']?.projectedBillableHoursPerMonth).toBeCloseTo(44.5, 1);
    // Heavy AutoStop: 90 h × 730 / 336 = 195.54 + 1 = 196.54 h → 10 + 98.27 = 108.27 vs 40 → saves 68.27.
    expect(byId['ws-heavy']).toMatchObject({
      decision: 'switch-to-always-on',
      billableHours: 90,
      monthlySavingUsd: 68.27,
    });
    // Coin flip: 27 h × 730 / 336 = 58.66 + 1 = 59.66 h, inside 54-66 h → keep ALWAYS_ON.
    expect(byId['ws-coin']).toMatchObject({ decision: 'coin-flip', monthlySavingUsd: 0, breakEvenHours: 60 });
    // BYOL Windows 10 on its own prices: 10 + 0.45 × 1 = 10.45 vs 36 → saves 25.55 (not 29.50).
    expect(byId['ws-byol']).toMatchObject({
      decision: 'switch-to-auto-stop',
      monthlySavingUsd: 25.55,
      licence: 'BYOL Windows',
    });
    expect(byId['ws-byol']?.breakEvenHours).toBeCloseTo(57.8, 1);
    expect(byId['ws-custom']?.decision).toBe('unpriced');
    expect(byId['ws-nodata']?.decision).toBe('unknown');
    // 29.50 + 7.77 + 25.55 = 62.82 to AutoStop; 68.27 to AlwaysOn; 131.09 in all.
    expect(out.savingToAutoStopUsd).toBe(62.82);
    expect(out.savingToAlwaysOnUsd).toBe(68.27);
    expect(out.totalMonthlySavingUsd).toBe(131.09);
    expect(out.unmatchedConfigurations).toEqual([
      expect.objectContaining({
        userVolumeGib: 77,
        available: [expect.objectContaining({ storage: 'Root:80 GB,User:50 GB' })],
      }),
    ]);
  });

  it('queries the Price List in us-east-1 with the target region as regionCode, once per licence model', async () => {
    const { requests, out } = await run({});
    const pricing = requests.filter((r) => r.operation === 'GetProducts');
    expect(pricing).toHaveLength(2);
    for (const request of pricing) {
      expect(request.region).toBe('us-east-1');
      expect(request.input.Filters).toContainEqual({
        Type: 'TERM_MATCH',
        Field: 'regionCode',
        Value: REGION,
      });
    }
    expect(out.requests.priceListQueries).toBe(2);
    // Other requests go to the desktops' region.
    expect(
      requests.filter((r) => r.operation === 'DescribeWorkspaces').every((r) => r.region === REGION),
    ).toBe(true);
  });

  it('times the switches: to AutoStop from the next renewal, to AlwaysOn now when it pays this month', async () => {
    const { byId } = await run({});
    expect(byId['ws-unused']?.timing).toMatchObject({
      switchWhen: 'before-month-end',
      billingEffectiveFrom: '2025-04-01T00:00:00.000Z',
    });
    // 0.5 × 196.54 = 98.27 > 40: the rest of the month in hours costs more than the prorated fee.
    expect(byId['ws-heavy']?.timing).toMatchObject({ switchWhen: 'now' });
    expect(byId['ws-coin']?.timing).toBeUndefined();
  });

  it('respects the Skip_Convert tag (any case) and checks tags only for switch candidates', async () => {
    const { byId, count, out } = await run({});
    expect(byId['ws-optout']).toMatchObject({
      decision: 'opted-out',
      skipConvert: 'opted-out',
      monthlySavingUsd: 0,
    });
    expect(byId['ws-optout']?.recommendedMode).toBeUndefined();
    // Candidates: unused, light, heavy, byol, optout.
    expect(count('DescribeTags')).toBe(5);
    expect(out.requests.tagChecks).toBe(5);
    expect(byId['ws-coin']?.skipConvert).toBe('not-needed');
  });

  it('checks the largest savings first and says how many were not checked', async () => {
    const { byId, out, count } = await run({ maxTagChecks: 2 });
    expect(count('DescribeTags')).toBe(2);
    expect(byId['ws-heavy']?.skipConvert).toBe('not-opted-out');
    expect(byId['ws-unused']?.skipConvert).toBe('not-opted-out');
    expect(byId['ws-light']?.skipConvert).toBe('unchecked');
    expect(out.summary).toContain('3 switch candidates were not checked');
  });

  it('skips a candidate whose tags cannot be read (fail-safe)', async () => {
    const failIf = (r: { operation: string; input: Record<string, unknown> }) =>
      r.operation === 'DescribeTags' && r.input.ResourceId === 'ws-light'
        ? awsError('AccessDeniedException', 'denied')
        : undefined;
    const { byId, out } = await run({}, { failIf });
    expect(byId['ws-light']).toMatchObject({
      decision: 'skipped',
      skipConvert: 'lookup-failed',
      monthlySavingUsd: 0,
    });
    expect(out.errors.filter((e) => e.service === 'Amazon WorkSpaces')).toEqual([
      expect.objectContaining({ code: 'AccessDeniedException' }),
    ]);
    // 131.09 − 7.77 (ws-light skipped) = 123.32.
    expect(out.totalMonthlySavingUsd).toBe(123.32);
  });

  it('reports a failed Price List lookup as data and leaves those desktops unpriced', async () => {
    const { out } = await run(
      {},
      { failures: { GetProducts: awsError('AccessDeniedException', 'no pricing:GetProducts') } },
    );
    expect(out.counts.unpriced).toBe(7);
    expect(out.totalMonthlySavingUsd).toBe(0);
    expect(out.errors.filter((e) => e.service === 'AWS Price List')).toHaveLength(2);
  });

  it('lists only the switches by default, largest saving first', async () => {
    const env = await estateHost(plugin, estate, { now: NOW });
    const result = await env.host.invoke('recommend_running_mode', { region: REGION });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(out.recommendations.map((r) => r.workspaceId)).toEqual([
      'ws-heavy',
      'ws-unused',
      'ws-byol',
      'ws-light',
    ]);
  });
});

describe('recommend_running_mode at 10,000 desktops', () => {
  it('uses 400 DescribeWorkspaces pages, 34 GetMetricData calls, 1 Price List query and bounded DescribeTags', async () => {
    const desktops = Array.from({ length: 10_000 }, (_, i) =>
      desk(`ws-${String(i).padStart(6, '0')}`, 'ALWAYS_ON', SERVER),
    );
    const metrics = Object.fromEntries(desktops.map((d) => [d.WorkspaceId, { UserConnected: always(0) }]));
    const { host, count } = await estateHost(plugin, { desktops, metrics, products }, { now: NOW });
    const result = await host.invoke('recommend_running_mode', { region: REGION, limit: 10 });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(count('DescribeWorkspaces')).toBe(400);
    expect(count('GetMetricData')).toBe(34);
    expect(count('GetProducts')).toBe(1);
    expect(count('DescribeTags')).toBe(200);
    expect(out.counts['switch-to-auto-stop']).toBe(10_000);
    // 10,000 × 29.50 = 295,000.
    expect(out.totalMonthlySavingUsd).toBe(295_000);
    expect(out.recommendations).toHaveLength(10);
    expect(out.summary).toContain('9800 switch candidates were not checked');
    expect(JSON.stringify(result.structured).length).toBeLessThan(20_000);
  }, 60_000);
});
