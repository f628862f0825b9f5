import { describe, expect, it } from 'vitest';
import type { UsageTotals } from './daily.js';
import { sizeFleet } from './sizing.js';

const totals = (t: Partial<UsageTotals>): UsageTotals => ({
  daysWithData: 14,
  peakInUse: 0,
  peakCapacity: 0,
  avgCapacity: 0,
  rejected: 0,
  runningInstanceHours: 0,
  inUseInstanceHours: 0,
  utilizationPercent: null,
  ...t,
});
const base = {
  state: 'RUNNING',
  billing: 'ALWAYS_ON' as const,
  model: 'single' as const,
  perInstance: 1,
  days: 14,
};

describe('fleet sizing', () => {
  it('an Always-On fleet of 20 peaking at 10 is over-provisioned: 10 × 1.1 + 1 = 12, 8 × 730 = 5,840 h/month saved at the full rate', () => {
    expect(
      sizeFleet({ ...base, totals: totals({ peakInUse: 10, peakCapacity: 20, avgCapacity: 20 }) }),
    ).toMatchObject({
      verdict: 'over',
      recommendedDesired: 12,
      instanceHoursPerMonth: -5840,
      billedAt: 'full-rate',
    });
  });

  it('On-Demand idle instances only cost the stopped-instance fee', () => {
    const sizing = sizeFleet({
      ...base,
      billing: 'ON_DEMAND',
      totals: totals({ peakInUse: 10, peakCapacity: 15, avgCapacity: 15 }),
    });
    expect(sizing).toMatchObject({
      verdict: 'over',
      recommendedDesired: 12,
      instanceHoursPerMonth: -2190,
      billedAt: 'stopped-fee',
    });
  });

  it('refused sessions make it under-provisioned with at least 25% headroom, never less than it already has', () => {
    const sizing = sizeFleet({
      ...base,
      totals: totals({ peakInUse: 10, peakCapacity: 10, avgCapacity: 8, rejected: 40 }),
    });
    // 10 × 1.25 + 1 = 13.5 → 14; (14 − 8) × 730 = 4,380 h added.
    expect(sizing).toMatchObject({ verdict: 'under', recommendedDesired: 14, instanceHoursPerMonth: 4380 });
    expect(sizing.reason).toContain('lower bound');
  });

  it('a multi-session fleet is sized in sessions, rounded to whole instances of 8', () => {
    const sizing = sizeFleet({
      ...base,
      model: 'multi',
      perInstance: 8,
      totals: totals({ peakInUse: 30, peakCapacity: 80, avgCapacity: 80 }),
    });
    // 30 × 1.1 + 8 = 41 → 48 sessions = 6 instances; 80 sessions = 10 instances; 4 × 730 saved.
    expect(sizing).toMatchObject({ verdict: 'over', recommendedDesired: 48, instanceHoursPerMonth: -2920 });
  });

  it('Elastic, stopped and silent fleets are not judged; a small trim is "right"', () => {
    expect(sizeFleet({ ...base, billing: 'ELASTIC', model: 'elastic', totals: totals({}) }).verdict).toBe(
      'not-judged',
    );
    expect(sizeFleet({ ...base, state: 'STOPPED', totals: totals({}) }).verdict).toBe('not-judged');
    expect(sizeFleet({ ...base, totals: totals({ daysWithData: 0 }) }).verdict).toBe('not-judged');
    expect(
      sizeFleet({ ...base, totals: totals({ peakInUse: 10, peakCapacity: 13, avgCapacity: 13 }) }).verdict,
    ).toBe('right');
  });
});
