import { describe, expect, it } from 'vitest';
import { costAndUsageOf, eucAccount } from '../__tests__/cost-explorer.js';
import { estateHost } from '../__tests__/estate.js';
import { awsError } from '../__tests__/fake-aws.js';
import { plugin } from '../index.js';

const NOW = new Date('2025-03-17T10:30:00Z');
type Out = {
  total: number;
  byService: { service: string; amount: number }[];
  workspacesBreakdown: { category: string; amount: number }[];
  byPeriod: { start: string; total: number }[];
  costExplorerRequests: number;
  errors: { service: string; code: string }[];
};

describe('get_euc_cost_summary', () => {
  it('sums EUC services for February and splits the WorkSpaces line by usage type', async () => {
    // Small pages force NextPageToken paging, which must merge into one result per period.
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf(eucAccount(), 2) },
      { now: NOW },
    );
    const result = await host.invoke('get_euc_cost_summary', {
      startDate: '2025-02-01',
      endDate: '2025-03-01',
    });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    // WorkSpaces: 400 (1 Feb) + (5 + 3 + 1) × 28 = 652; AppStream 2 × 28 = 56; EC2 and Thin Client left out.
    expect(out.byService).toEqual([
      expect.objectContaining({ service: 'Amazon WorkSpaces', amount: 652 }),
      expect.objectContaining({ service: 'Amazon AppStream', amount: 56 }),
    ]);
    expect(out.total).toBe(708);
    // Personal 400 + 5 × 28 = 540; Pools 3 × 28 = 84; Core 1 × 28 = 28.
    expect(out.workspacesBreakdown).toEqual([
      { category: 'WorkSpaces Personal', amount: 540 },
      { category: 'WorkSpaces Pools', amount: 84 },
      { category: 'WorkSpaces Core', amount: 28 },
    ]);
    expect(out.byPeriod).toEqual([expect.objectContaining({ start: '2025-02-01', total: 708 })]);
    expect(out.costExplorerRequests).toBeGreaterThanOrEqual(2);
    const sent = count('GetCostAndUsage');
    expect(out.costExplorerRequests).toBe(sent);
  });

  it('never asks Cost Explorer twice for the same window: the second call is served from the cache', async () => {
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf(eucAccount()) },
      { now: NOW },
    );
    const first = await host.invoke('get_euc_cost_summary', { lookbackDays: 30 });
    if (!first.ok) throw new Error(first.text);
    expect(count('GetCostAndUsage')).toBe(2);
    const second = await host.invoke('get_euc_cost_summary', { lookbackDays: 30 });
    if (!second.ok) throw new Error(second.text);
    expect(count('GetCostAndUsage')).toBe(2);
    expect((second.structured as Out).costExplorerRequests).toBe(0);
    expect((second.structured as Out).total).toBe((first.structured as Out).total);
  });

  it('reports a failed split as data and keeps the totals', async () => {
    const items = costAndUsageOf(eucAccount());
    const { host } = await estateHost(
      plugin,
      {
        desktops: [],
        costAndUsage: (input) => {
          if ((input.GroupBy as { Key: string }[])[0]?.Key === 'USAGE_TYPE')
            throw awsError('DataUnavailableException', 'data not ready');
          return items(input);
        },
      },
      { now: NOW },
    );
    const result = await host.invoke('get_euc_cost_summary', {
      startDate: '2025-02-01',
      endDate: '2025-03-01',
    });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as Out;
    expect(out.total).toBe(708);
    expect(out.workspacesBreakdown).toEqual([]);
    expect(out.errors).toEqual([
      expect.objectContaining({ service: 'AWS Cost Explorer', code: 'DataUnavailableException' }),
    ]);
  });

  it('refuses half a window and impossible dates before asking AWS', async () => {
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf([]) },
      { now: NOW },
    );
    expect((await host.invoke('get_euc_cost_summary', { startDate: '2025-02-01' })).ok).toBe(false);
    expect(
      (await host.invoke('get_euc_cost_summary', { startDate: '2025-02-30', endDate: '2025-03-01' })).ok,
    ).toBe(false);
    expect((await host.invoke('get_euc_cost_summary', { lookbackDays: 400 })).ok).toBe(false);
    expect(count('GetCostAndUsage')).toBe(0);
  });
});
