import { describe, expect, it } from 'vitest';
import { billedHours } from './billing.js';
import { dayRows, usageTotals } from './daily.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const points = (values: number[]) => ({ timestamps: [day('2026-11-14'), day('2026-11-15')], values });

describe('daily capacity and instance-hours', () => {
  it('joins the five series by day; the last day counts only the hours up to now', () => {
    const rows = dayRows(
      {
        capacityAvg: points([10, 10]),
        capacityMax: points([10, 10]),
        inUseAvg: points([4, 6]),
        inUseMax: points([8, 9]),
        rejected: { timestamps: [day('2026-11-15')], values: [3] },
      },
      new Date('2026-11-15T12:00:00Z'),
    );
    expect(rows).toEqual([
      {
        day: '2026-11-14',
        capacityAvg: 10,
        capacityMax: 10,
        inUseAvg: 4,
        inUseMax: 8,
        rejected: 0,
        hours: 24,
      },
      {
        day: '2026-11-15',
        capacityAvg: 10,
        capacityMax: 10,
        inUseAvg: 6,
        inUseMax: 9,
        rejected: 3,
        hours: 12,
      },
    ]);
    // Running 10 × 36 h = 360; in use 4 × 24 + 6 × 12 = 168; 47%.
    const totals = usageTotals(rows, 'single', 1);
    expect(totals).toMatchObject({
      runningInstanceHours: 360,
      inUseInstanceHours: 168,
      utilizationPercent: 47,
      peakInUse: 9,
      rejected: 3,
    });
    expect(billedHours('ALWAYS_ON', totals)).toEqual({ fullRateHours: 360, stoppedFeeHours: 0 });
    expect(billedHours('ON_DEMAND', totals)).toEqual({ fullRateHours: 168, stoppedFeeHours: 192 });
    expect(billedHours('ELASTIC', totals)).toEqual({ fullRateHours: 168, stoppedFeeHours: 0 });
  });

  it('multi-session slots become instances by MaxSessionsPerInstance', () => {
    const rows = [
      {
        day: '2026-11-14',
        capacityAvg: 80,
        capacityMax: 80,
        inUseAvg: 40,
        inUseMax: 50,
        rejected: 0,
        hours: 24,
      },
    ];
    expect(usageTotals(rows, 'multi', 8)).toMatchObject({
      runningInstanceHours: 240,
      inUseInstanceHours: 120,
    });
  });
});
