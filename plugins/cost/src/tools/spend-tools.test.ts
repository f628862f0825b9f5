import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, invokeOk, type TestHost } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { billedEstate, handBill, twoAccountEstate } from '../__tests__/bill.js';
import { plugin } from '../index.js';
import type { compareEucCosts } from './compare-euc-costs.js';
import type { getEucCostForecast } from './get-euc-cost-forecast.js';
import type { getEucCostSummary } from './get-euc-cost-summary.js';

// The estate's now is Monday 2026-11-16 12:00 UTC; handBill() is described in __tests__/bill.ts.
type Summary = ToolOutput<typeof getEucCostSummary>;
type Forecast = ToolOutput<typeof getEucCostForecast>;
type Comparison = ToolOutput<typeof compareEucCosts>;

/** Cost Explorer requests of one operation the simulated estate answered. */
const calls = (host: TestHost, action: string) =>
  host.requests.filter((request) => request.action === `ce:${action}`).length;

describe('get_euc_cost_summary', () => {
  it('sums the EUC services of October and splits the WorkSpaces line into Personal / Pools / Core', async () => {
    // Ten groups per page force NextPageToken paging, which must merge into one result per period.
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill(), 10) });
    const out = await invokeOk<Summary>(host, 'get_euc_cost_summary', {
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      granularity: 'DAILY',
    });
    // WorkSpaces: 400 (1 Oct) + (5 + 3 + 1) × 31 = 679; AppStream 2 × 31 = 62; EC2 and Thin Client left out.
    expect(out.byService).toEqual([
      expect.objectContaining({ service: 'Amazon WorkSpaces', amount: 679 }),
      expect.objectContaining({ service: 'Amazon AppStream', amount: 62 }),
    ]);
    expect(out.total).toBe(741);
    // Personal 400 + 5 × 31 = 555; Pools 3 × 31 = 93; Core 1 × 31 = 31.
    expect(out.workspacesBreakdown).toEqual([
      { category: 'WorkSpaces Personal', amount: 555 },
      { category: 'WorkSpaces Pools', amount: 93 },
      { category: 'WorkSpaces Core', amount: 31 },
    ]);
    expect(out.byPeriod).toHaveLength(31);
    expect(out.byPeriod[0]).toMatchObject({ start: '2026-10-01', total: 411 });
    expect(calls(host, 'GetCostAndUsage')).toBeGreaterThan(2);
    expect(out.costExplorerRequests).toBe(calls(host, 'GetCostAndUsage'));
  });

  it('never asks Cost Explorer twice for the same window: the second call is served from the cache', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const first = await invokeOk<Summary>(host, 'get_euc_cost_summary', { lookbackDays: 30 });
    expect(calls(host, 'GetCostAndUsage')).toBe(2);
    const second = await invokeOk<Summary>(host, 'get_euc_cost_summary', { lookbackDays: 30 });
    expect(calls(host, 'GetCostAndUsage')).toBe(2);
    expect(second.costExplorerRequests).toBe(0);
    expect(second.total).toBe(first.total);
  });

  it('reports a failed split as data and keeps the totals', async () => {
    // The by-service answer is cached by a first call; the second call's split then fails.
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    await invokeOk(host, 'get_euc_cost_summary', {
      startDate: '2026-10-01',
      endDate: '2026-11-01',
      splitWorkspaces: false,
    });
    host.simulator.addFault({
      service: 'ce',
      operation: 'GetCostAndUsage',
      code: 'DataUnavailableException',
    });
    const out = await invokeOk<Summary>(host, 'get_euc_cost_summary', {
      startDate: '2026-10-01',
      endDate: '2026-11-01',
    });
    expect(out.total).toBe(741);
    expect(out.workspacesBreakdown).toEqual([]);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'AWS Cost Explorer', code: 'DataUnavailableException' }),
    ]);
  });

  it('refuses half a window and impossible dates before asking AWS, and passes on Cost Explorer’s own refusals', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    expect((await host.invoke('get_euc_cost_summary', { startDate: '2026-10-01' })).ok).toBe(false);
    expect(
      (await host.invoke('get_euc_cost_summary', { startDate: '2026-02-30', endDate: '2026-03-01' })).ok,
    ).toBe(false);
    expect(calls(host, 'GetCostAndUsage')).toBe(0);
    // Older than the retained history: Cost Explorer answers DataUnavailableException.
    const old = await host.invoke('get_euc_cost_summary', { startDate: '2025-01-01', endDate: '2025-02-01' });
    expect(old.ok).toBe(false);
    expect(old.text).toContain('DataUnavailable');
  });

  it('on a generated estate, the split adds up to the WorkSpaces line', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Summary>(host, 'get_euc_cost_summary', {});
    const workspaces = out.byService.find((s) => s.service === 'Amazon WorkSpaces')?.amount ?? 0;
    const split = out.workspacesBreakdown.reduce((sum, c) => sum + c.amount, 0);
    expect(split).toBeCloseTo(workspaces, 1);
    expect(out.workspacesBreakdown.map((c) => c.category).sort()).toEqual([
      'WorkSpaces Core',
      'WorkSpaces Personal',
      'WorkSpaces Pools',
    ]);
    expect(out.byService.map((s) => s.service)).toEqual(
      expect.arrayContaining(['Amazon AppStream', 'Amazon WorkSpaces Web']),
    );
    expect(out.byService.map((s) => s.service)).not.toContain('Amazon WorkSpaces Thin Client');
  });
});

describe('get_euc_cost_forecast', () => {
  it('forecasts the EUC services with spend and warns when the run-rate jumped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const out = await invokeOk<Forecast>(host, 'get_euc_cost_forecast', {});
    expect(out.filteredServices).toEqual(['Amazon AppStream', 'Amazon WorkSpaces']);
    // Last 7 days (9-15 Nov): 9 + 12 = 21/day. 29 days kept (1 Nov left out): 21 × 11 + 8 × 21 = 399 → 13.76/day.
    expect(out.recentDailyAverage).toBe(21);
    expect(out.trailingDailyAverage).toBe(13.76);
    expect(out.runRateWarning).toContain('53% above');
    expect(out.byPeriod.map((p) => p.start)).toEqual(['2026-11-17', '2026-12-01']);
    for (const p of out.byPeriod) {
      expect(p.lower ?? 0).toBeLessThanOrEqual(p.mean);
      expect(p.upper ?? 0).toBeGreaterThanOrEqual(p.mean);
    }
    expect(out.forecastTotal).toBeGreaterThan(0);
    expect(calls(host, 'GetCostAndUsage') + calls(host, 'GetCostForecast')).toBe(2);
    expect(out.costExplorerRequests).toBe(2);
  });

  it('warns on the generated estate too: its load-test fleet has run for eight days', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Forecast>(host, 'get_euc_cost_forecast', {
      granularity: 'DAILY',
      daysAhead: 14,
    });
    expect(out.runRateWarning).toMatch(/above the 30-day daily average/);
    expect(out.byPeriod).toHaveLength(14);
  });

  it('does not ask for a forecast when there was no EUC spend', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: billedEstate(handBill().filter((l) => l.service.startsWith('Amazon Elastic'))),
    });
    const out = await invokeOk<Forecast>(host, 'get_euc_cost_forecast', {});
    expect(out.forecastTotal).toBeNull();
    expect(calls(host, 'GetCostForecast')).toBe(0);
  });

  it('refuses a DAILY forecast beyond Cost Explorer’s 90 days before asking AWS', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const result = await host.invoke('get_euc_cost_forecast', { granularity: 'DAILY', daysAhead: 120 });
    expect(result.ok).toBe(false);
    expect(calls(host, 'GetCostAndUsage')).toBe(0);
  });
});

describe('compare_euc_costs', () => {
  it('compares the last 30 whole days with the 30 before and finds the driver', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const out = await invokeOk<Comparison>(host, 'compare_euc_costs', {});
    // 17 Oct - 15 Nov: WorkSpaces 400 + 9 × 30 = 670, AppStream 22 × 2 + 8 × 12 = 140 → 810.
    // 17 Sep - 16 Oct: WorkSpaces 400 + 270 = 670, AppStream 60 → 730.
    expect(out.comparisonTotal).toBe(810);
    expect(out.baselineTotal).toBe(730);
    expect(out.delta).toBe(80);
    expect(out.deltaPct).toBe(11);
    expect(out.topDrivers).toEqual([
      expect.objectContaining({
        usageType: 'USE1-stream.standard.medium-fl',
        category: 'WorkSpaces Applications',
        delta: 80,
      }),
    ]);
    expect(out.byService[0]).toMatchObject({ service: 'Amazon AppStream', delta: 80 });
    expect(calls(host, 'GetCostAndUsage')).toBe(3);
    expect(out.costExplorerRequests).toBe(3);
  });

  it('names the generated estate’s surge as the largest driver', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Comparison>(host, 'compare_euc_costs', { topN: 3 });
    expect(out.topDrivers[0]?.usageType).toBe(host.simulator.estate.billing.story.surgeUsageType);
  });

  it('accepts explicit windows and notes when their lengths differ', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const out = await invokeOk<Comparison>(host, 'compare_euc_costs', {
      startDate: '2026-11-01',
      endDate: '2026-11-16',
      baselineStartDate: '2026-10-01',
      baselineEndDate: '2026-11-01',
    });
    expect(out.baselineTotal).toBe(741);
    expect(out.notes.join(' ')).toContain('differ in length (31 vs 15 days)');
  });
});

describe('Cost Explorer across accounts and regions', () => {
  const october = { startDate: '2026-10-01', endDate: '2026-11-01' };

  it('sums each account’s own spend once, though the payer account also sees the linked one', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: twoAccountEstate() });
    const out = await invokeOk<Summary>(host, 'get_euc_cost_summary', october);
    // 741 per account (see the first test); the payer's unfiltered answer would add the linked 741 again.
    expect(out.total).toBe(1482);
    expect(out.byAccount).toEqual([
      { account: '111122223333', total: 741 },
      { account: '444455556666', total: 741 },
    ]);
    // Two requests per account (by service, then the WorkSpaces split), each filtered to its account.
    expect(calls(host, 'GetCostAndUsage')).toBe(4);
    expect(out.costExplorerRequests).toBe(4);
    expect(JSON.stringify(host.requests[0]?.input)).toContain('LINKED_ACCOUNT');
  });

  it('filters by region in the same requests, never one request per region', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: twoAccountEstate() });
    const out = await invokeOk<Summary>(host, 'get_euc_cost_summary', {
      ...october,
      regions: ['eu-west-1'],
      splitWorkspaces: false,
    });
    expect(out.total).toBe(741);
    expect(out.scope).toContain('regions eu-west-1');
    expect(calls(host, 'GetCostAndUsage')).toBe(2);
    const one = await invokeOk<Summary>(host, 'get_euc_cost_summary', {
      ...october,
      accounts: ['111122223333'],
      splitWorkspaces: false,
    });
    // One account alone is asked account-wide: the payer sees both accounts' spend.
    expect(one.total).toBe(1482);
    expect(one.byAccount).toBeUndefined();
  });

  it('answers for the accounts that work and lists the one that failed', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: twoAccountEstate(),
      simulator: { faults: [{ service: 'ce', account: '444455556666', code: 'AccessDeniedException' }] },
    });
    const summary = await invokeOk<Summary>(host, 'get_euc_cost_summary', october);
    expect(summary.total).toBe(741);
    expect(summary.errors).toEqual([
      expect.objectContaining({ account: '444455556666', code: 'AccessDeniedException' }),
    ]);
    const comparison = await invokeOk<Comparison>(host, 'compare_euc_costs', {});
    expect(comparison.comparisonTotal).toBe(810);
    expect(comparison.errors).toHaveLength(1);
    const forecast = await invokeOk<Forecast>(host, 'get_euc_cost_forecast', {});
    expect(forecast.filteredServices).toEqual(['Amazon AppStream', 'Amazon WorkSpaces']);
    expect(forecast.errors).toHaveLength(1);
  });

  it('adds the accounts’ forecasts and comparisons', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: twoAccountEstate() });
    const comparison = await invokeOk<Comparison>(host, 'compare_euc_costs', {});
    expect(comparison.comparisonTotal).toBe(1620);
    expect(comparison.baselineTotal).toBe(1460);
    expect(comparison.costExplorerRequests).toBe(6);
    const forecast = await invokeOk<Forecast>(host, 'get_euc_cost_forecast', {});
    // Both accounts ran 21/day over the last 7 days.
    expect(forecast.recentDailyAverage).toBe(42);
    expect(forecast.costExplorerRequests).toBe(4);
    const single = await createTestHost({ plugins: [plugin], estate: billedEstate(handBill()) });
    const one = await invokeOk<Forecast>(single, 'get_euc_cost_forecast', {});
    expect(forecast.forecastTotal).toBeCloseTo(2 * (one.forecastTotal ?? 0), 0);
  });
});
