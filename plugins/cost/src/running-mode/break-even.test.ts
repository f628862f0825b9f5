import { describe, expect, it } from 'vitest';
import { autoStopBreakEvenHours, autoStopMonthlyCost, judgeRunningMode } from './break-even.js';

// Made-up prices chosen so the arithmetic is easy to check by hand.
const prices = { alwaysOnMonthly: 40, autoStopMonthlyBase: 10, autoStopHourly: 0.5 };

describe('break-even', () => {
  it('is (AlwaysOn − base) ÷ hourly', () => {
    // (40 − 10) / 0.5 = 60 h.
    expect(autoStopBreakEvenHours(prices)).toBe(60);
    // The reference project's Singapore example: (124 − 26) / 0.99 = 98.99 h.
    expect(
      autoStopBreakEvenHours({ alwaysOnMonthly: 124, autoStopMonthlyBase: 26, autoStopHourly: 0.99 }),
    ).toBeCloseTo(98.99, 2);
  });

  it('has no break-even without an hourly fee or when AlwaysOn is not dearer than the base', () => {
    expect(autoStopBreakEvenHours({ ...prices, autoStopHourly: 0 })).toBeNull();
    expect(autoStopBreakEvenHours({ ...prices, alwaysOnMonthly: 10 })).toBeNull();
  });

  it('AutoStop costs base + hourly × hours', () => {
    // 10 + 0.5 × 20 = 20.
    expect(autoStopMonthlyCost(prices, 20)).toBe(20);
  });
});

describe('judgeRunningMode (break-even 60 h, band ±10% = 54..66 h)', () => {
  it('moves an AlwaysOn desktop used 20 h/month to AutoStop and saves $20', () => {
    // AutoStop 10 + 0.5 × 20 = 20; AlwaysOn 40; saving 20.
    const j = judgeRunningMode({
      currentMode: 'ALWAYS_ON',
      projectedBillableHours: 20,
      prices,
      bandPercent: 10,
    });
    expect(j).toMatchObject({
      decision: 'switch-to-auto-stop',
      recommendedMode: 'AUTO_STOP',
      monthlySavingUsd: 20,
    });
  });

  it('moves an AutoStop desktop running 100 h/month to AlwaysOn and saves $20', () => {
    // AutoStop 10 + 0.5 × 100 = 60; AlwaysOn 40; saving 20.
    const j = judgeRunningMode({
      currentMode: 'AUTO_STOP',
      projectedBillableHours: 100,
      prices,
      bandPercent: 10,
    });
    expect(j).toMatchObject({
      decision: 'switch-to-always-on',
      recommendedMode: 'ALWAYS_ON',
      monthlySavingUsd: 20,
    });
  });

  it('keeps the current mode inside the coin-flip band, either side of the break-even', () => {
    for (const hours of [54, 57, 63, 66])
      for (const currentMode of ['ALWAYS_ON', 'AUTO_STOP'] as const)
        expect(
          judgeRunningMode({ currentMode, projectedBillableHours: hours, prices, bandPercent: 10 }),
        ).toMatchObject({
          decision: 'coin-flip',
          recommendedMode: currentMode,
          monthlySavingUsd: 0,
        });
  });

  it('leaves the band just outside it', () => {
    // 53.9 h: AutoStop 36.95 vs 40 → switch; 66.1 h: AutoStop 43.05 vs 40 → switch.
    expect(
      judgeRunningMode({ currentMode: 'ALWAYS_ON', projectedBillableHours: 53.9, prices, bandPercent: 10 })
        .decision,
    ).toBe('switch-to-auto-stop');
    expect(
      judgeRunningMode({ currentMode: 'AUTO_STOP', projectedBillableHours: 66.1, prices, bandPercent: 10 })
        .decision,
    ).toBe('switch-to-always-on');
  });

  it('keeps a mode that is already the cheaper one', () => {
    expect(
      judgeRunningMode({ currentMode: 'AUTO_STOP', projectedBillableHours: 20, prices, bandPercent: 10 })
        .decision,
    ).toBe('keep');
    expect(
      judgeRunningMode({ currentMode: 'ALWAYS_ON', projectedBillableHours: 200, prices, bandPercent: 10 })
        .decision,
    ).toBe('keep');
  });

  it('a band of 0 switches on any difference', () => {
    expect(
      judgeRunningMode({ currentMode: 'ALWAYS_ON', projectedBillableHours: 59, prices, bandPercent: 0 }),
    ).toMatchObject({
      decision: 'switch-to-auto-stop',
      monthlySavingUsd: 0.5,
    });
  });
});
