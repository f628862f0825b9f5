import { describe, expect, it } from 'vitest';
import type { UsageMeasure } from './billable-hours.js';
import { classifyUtilization } from './utilization.js';

const measure = (over: Partial<UsageMeasure>): UsageMeasure => ({
  connectedHours: 0,
  activeDays: 0,
  billableHours: 0,
  observedHours: 336,
  datapoints: 336,
  ...over,
});
const classOf = (m: Partial<UsageMeasure>) =>
  classifyUtilization({ kind: 'measured', measure: measure(m) }).class;

describe('classifyUtilization (defaults: idle ≤ 10 h/month, full-time ≥ 120 h/month)', () => {
  it('a failed metric read is unknown, never unused', () => {
    const verdict = classifyUtilization({
      kind: 'failed',
      failure: { code: 'InternalError', message: 'boom' },
    });
    expect(verdict.class).toBe('unknown');
    expect(verdict.reason).toContain('InternalError');
  });

  it('no datapoints at all is unknown, never unused', () => {
    expect(classOf({ datapoints: 0 })).toBe('unknown');
  });

  it('datapoints but no connected hour is unused', () => {
    expect(classOf({ connectedHours: 0 })).toBe('unused');
  });

  it('2 connected hours in 14 days is idle (2 × 730 / 336 = 4.3 h/month)', () => {
    expect(classOf({ connectedHours: 2, activeDays: 1 })).toBe('idle');
  });

  it('40 hours in 14 days is part-time (40 × 730 / 336 = 86.9 h/month)', () => {
    expect(classOf({ connectedHours: 40, activeDays: 8 })).toBe('part-time');
  });

  it('60 hours in 14 days is full-time (60 × 730 / 336 = 130.4 h/month)', () => {
    expect(classOf({ connectedHours: 60, activeDays: 10 })).toBe('full-time');
  });

  it('the boundaries are inclusive: 4.6 h in 336 h is exactly 10 h/month → idle', () => {
    // 10 × 336 / 730 = 4.6027 connected hours projects to exactly 10 h/month.
    expect(classOf({ connectedHours: (10 * 336) / 730 })).toBe('idle');
  });

  it('fewer than 72 observed hours is unknown (too new to judge), 72 is enough', () => {
    expect(classOf({ connectedHours: 0, observedHours: 71, datapoints: 71 })).toBe('unknown');
    expect(classOf({ connectedHours: 0, observedHours: 72, datapoints: 72 })).toBe('unused');
  });

  it('honours custom thresholds', () => {
    const verdict = classifyUtilization(
      { kind: 'measured', measure: measure({ connectedHours: 40 }) },
      { idleMaxHoursPerMonth: 100, fullTimeMinHoursPerMonth: 200, minObservedHours: 72 },
    );
    expect(verdict.class).toBe('idle');
  });
});
