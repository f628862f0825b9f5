import { describe, expect, it } from 'vitest';
import { remainingMonthFraction, timingToAlwaysOn, timingToAutoStop, utcMonth } from './billing-timing.js';

const prices = { alwaysOnMonthly: 40, autoStopMonthlyBase: 10, autoStopHourly: 0.5 };

describe('billing timing', () => {
  it('knows the UTC month, including the year end', () => {
    expect(utcMonth(new Date('2025-12-31T23:00:00Z'))).toMatchObject({
      next: new Date('2026-01-01T00:00:00Z'),
      lastDay: '2025-12-31',
    });
    // 17 Mar 10:30 → 1 Apr 00:00 is 349.5 h of March's 744 h.
    expect(remainingMonthFraction(new Date('2025-03-17T10:30:00Z'))).toBeCloseTo(349.5 / 744, 10);
  });

  it('AlwaysOn → AutoStop changes the bill at the next renewal, whenever you switch', () => {
    const t = timingToAutoStop(new Date('2025-03-17T10:30:00Z'));
    expect(t).toMatchObject({
      switchWhen: 'before-month-end',
      billingEffectiveFrom: '2025-04-01T00:00:00.000Z',
      thisMonthUsd: 0,
    });
  });

  it('AutoStop → AlwaysOn now, when the rest of the month in hours costs more than the prorated fee', () => {
    // 100 h/month: hourly 0.5 × 100 = 50 > AlwaysOn 40. Remaining fraction 349.5/744 = 0.46976:
    // prorated fee 40 × 0.46976 = 18.79; hourly rest 50 × 0.46976 = 23.49; this month +4.70.
    const t = timingToAlwaysOn(new Date('2025-03-17T10:30:00Z'), prices, 100);
    expect(t.switchWhen).toBe('now');
    expect(t.thisMonthUsd).toBeCloseTo(4.6976, 3);
  });

  it('AutoStop → AlwaysOn on the last day, when the base is already paid and the hours cost less than the fee', () => {
    // 70 h/month is above the 60 h break-even, but 0.5 × 70 = 35 < 40: switching mid-month
    // would pay 40 × f on top of the base for 35 × f of hours. On 31 Mar 12:00, f = 12/744:
    // 35 × f − 40 × f = −5 × 0.016129 = −0.0806.
    const t = timingToAlwaysOn(new Date('2025-03-31T12:00:00Z'), prices, 70);
    expect(t).toMatchObject({ switchWhen: 'on-last-day' });
    expect(t.thisMonthUsd).toBeCloseTo(-0.0806, 3);
    expect(t.advice).toContain('2025-03-31');
    // The same usage mid-month: still wait for the last day.
    expect(timingToAlwaysOn(new Date('2025-03-10T00:00:00Z'), prices, 70).switchWhen).toBe('on-last-day');
  });
});
