import { describe, expect, it } from 'vitest';
import { costAndUsageOf, eucAccount } from '../__tests__/cost-explorer.js';
import { estateHost } from '../__tests__/estate.js';
import { plugin } from '../index.js';

const NOW = new Date('2025-03-17T10:30:00Z');

describe('compare_euc_costs', () => {
  it('compares the last 30 whole days with the 30 before and finds the driver', async () => {
    const { host, count } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf(eucAccount()) },
      { now: NOW },
    );
    const result = await host.invoke('compare_euc_costs', {});
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as {
      baselineStart: string;
      comparisonStart: string;
      comparisonEnd: string;
      baselineTotal: number;
      comparisonTotal: number;
      delta: number;
      deltaPct: number;
      topDrivers: { service: string; usageType: string; category: string; delta: number }[];
      byService: { service: string; delta: number }[];
      costExplorerRequests: number;
    };
    expect(out).toMatchObject({
      comparisonStart: '2025-02-15',
      comparisonEnd: '2025-03-17',
      baselineStart: '2025-01-16',
    });
    // Comparison 15 Feb - 16 Mar: 400 (1 Mar) + 9 × 30 + AppStream 23 × 2 + 7 × 12 = 400 + 270 + 130 = 800.
    // Baseline 16 Jan - 14 Feb: 400 (1 Feb) + 270 + 2 × 30 = 730. Delta +70 (+9.6%).
    expect(out.comparisonTotal).toBe(800);
    expect(out.baselineTotal).toBe(730);
    expect(out.delta).toBe(70);
    expect(out.deltaPct).toBe(9.6);
    expect(out.topDrivers).toEqual([
      expect.objectContaining({
        usageType: 'EU-Fleet-Usage',
        category: 'WorkSpaces Applications',
        delta: 70,
      }),
    ]);
    expect(out.byService[0]).toMatchObject({ service: 'Amazon AppStream', delta: 70 });
    expect(count('GetCostAndUsage')).toBe(3);
    expect(out.costExplorerRequests).toBe(3);
  });

  it('accepts explicit windows and notes when their lengths differ', async () => {
    const { host } = await estateHost(
      plugin,
      { desktops: [], costAndUsage: costAndUsageOf(eucAccount()) },
      { now: NOW },
    );
    const result = await host.invoke('compare_euc_costs', {
      startDate: '2025-03-01',
      endDate: '2025-03-17',
      baselineStartDate: '2025-02-01',
      baselineEndDate: '2025-03-01',
    });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as { notes: string[]; baselineTotal: number };
    // February: 400 + 9 × 28 + 2 × 28 = 708.
    expect(out.baselineTotal).toBe(708);
    expect(out.notes.join(' ')).toContain('differ in length (28 vs 16 days)');
  });
});
