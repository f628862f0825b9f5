import { describe, expect, it } from 'vitest';
import { runRate } from './spend.js';

describe('runRate', () => {
  it('leaves out the 1st of the month, when AlwaysOn fees post', () => {
    // 15 Feb - 16 Mar at 10/day, with 300 posted on 1 Mar: without the exclusion the 7-day
    // average of a window holding 1 Mar would look like a spike.
    const days = new Map<string, number>();
    for (let t = Date.parse('2025-02-15T00:00:00Z'); t < Date.parse('2025-03-17T00:00:00Z'); t += 86_400_000)
      days.set(new Date(t).toISOString().slice(0, 10), 10);
    days.set('2025-03-01', 300);
    expect(runRate(days)).toEqual({
      recentDailyAverage: 10,
      trailingDailyAverage: 10,
      excludedDays: ['2025-03-01'],
    });
  });

  it('compares the last 7 kept days with all kept days', () => {
    // 10 days at 10, then 7 days at 24: recent 24; trailing (100 + 168) / 17 = 15.76.
    const days = new Map<string, number>();
    for (let i = 0; i < 17; i += 1) days.set(`2025-04-${String(i + 2).padStart(2, '0')}`, i < 10 ? 10 : 24);
    const rate = runRate(days);
    expect(rate?.recentDailyAverage).toBe(24);
    expect(rate?.trailingDailyAverage).toBeCloseTo(268 / 17, 6);
  });
});
