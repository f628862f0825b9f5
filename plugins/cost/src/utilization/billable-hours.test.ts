import { describe, expect, it } from 'vitest';
import { HOUR_MS, hourWindowEndingAt } from '../shared/hours.js';
import { autoStopTailHours, connectedHoursOf, measureUsage, projectToMonth } from './billable-hours.js';

const START = new Date('2025-03-03T00:00:00Z');
const window48 = { start: START, end: new Date(START.getTime() + 48 * HOUR_MS), hours: 48 };

/** A series with a datapoint every hour of the window: 1 on `connected` hour offsets, else 0. */
function series(connected: readonly number[], from = 0) {
  const timestamps: Date[] = [];
  const values: number[] = [];
  for (let h = from; h < 48; h += 1) {
    timestamps.push(new Date(START.getTime() + h * HOUR_MS));
    values.push(connected.includes(h) ? 1 : 0);
  }
  return { timestamps, values };
}

describe('measureUsage', () => {
  it('bills a session plus the one-hour AutoStop tail', () => {
    // Connected 09:00-16:59 (8 hours: 9..16); the tail adds hour 17 → 9 billable hours.
    const m = measureUsage(series([9, 10, 11, 12, 13, 14, 15, 16]), window48, {
      tailHours: 1,
      observeFrom: 'window',
    });
    expect(m).toMatchObject({
      connectedHours: 8,
      billableHours: 9,
      activeDays: 1,
      observedHours: 48,
      datapoints: 48,
    });
  });

  it('merges a break shorter than the tail instead of billing a second tail', () => {
    // Sessions 9-11 and 13-14 (5 connected hours). Tail 1: 9..12 ∪ 13..15 = 7 hours.
    const m1 = measureUsage(series([9, 10, 11, 13, 14]), window48, { tailHours: 1, observeFrom: 'window' });
    expect(m1.billableHours).toBe(7);
    // Tail 2 (120-minute timeout): 9..13 ∪ 13..16 = 9..16 = 8 hours.
    const m2 = measureUsage(series([9, 10, 11, 13, 14]), window48, { tailHours: 2, observeFrom: 'window' });
    expect(m2.billableHours).toBe(8);
  });

  it('counts active days per UTC day', () => {
    // Hour 9 on day 1 and hour 33 (09:00 on day 2).
    expect(measureUsage(series([9, 33]), window48, { tailHours: 1, observeFrom: 'window' }).activeDays).toBe(
      2,
    );
  });

  it('cuts the tail at the window end', () => {
    expect(measureUsage(series([47]), window48, { tailHours: 1, observeFrom: 'window' }).billableHours).toBe(
      1,
    );
  });

  it('observes an AlwaysOn desktop from its first datapoint, an AutoStop one over the whole window', () => {
    const late = series([30], 24);
    expect(measureUsage(late, window48, { tailHours: 1, observeFrom: 'first-datapoint' }).observedHours).toBe(
      24,
    );
    expect(measureUsage(late, window48, { tailHours: 1, observeFrom: 'window' }).observedHours).toBe(48);
  });

  it('ignores datapoints outside the window', () => {
    const outside = { timestamps: [new Date(START.getTime() - HOUR_MS)], values: [1] };
    expect(measureUsage(outside, window48, { tailHours: 1, observeFrom: 'window' })).toMatchObject({
      datapoints: 0,
      connectedHours: 0,
    });
  });
});

describe('connectedHoursOf', () => {
  it('keeps one bit per window hour (a fortnight in 42 bytes), the in-window datapoints and the first of them', () => {
    const fortnight = hourWindowEndingAt(new Date('2025-03-17T10:30:00Z'), 14);
    const hours = connectedHoursOf(
      {
        timestamps: [-1, 5, 8, 9, 335, 336].map((h) => new Date(fortnight.start.getTime() + h * HOUR_MS)),
        values: [1, 0, 1, 2, 1, 1],
      },
      fortnight,
    );
    expect(hours.connected).toHaveLength(42);
    // Hours 8 and 9 are bits 0 and 1 of byte 1; hour 335 is bit 7 of byte 41; -1 and 336 are outside.
    expect([...hours.connected].flatMap((byte, i) => (byte ? [[i, byte]] : []))).toEqual([
      [1, 0b11],
      [41, 0b1000_0000],
    ]);
    expect(hours).toMatchObject({ datapoints: 4, firstHour: 5 });
    expect(connectedHoursOf({ timestamps: [], values: [] }, fortnight).firstHour).toBeUndefined();
  });
});

describe('helpers', () => {
  it('turns the AutoStop timeout into whole tail hours, defaulting to AWS’s 60 minutes', () => {
    expect(autoStopTailHours(undefined)).toBe(1);
    expect(autoStopTailHours(60)).toBe(1);
    expect(autoStopTailHours(120)).toBe(2);
    expect(autoStopTailHours(90)).toBe(2);
  });

  it('projects to a 730-hour month and never beyond it', () => {
    // 8 h in 48 h → 8 × 730 / 48 = 121.67 h.
    expect(projectToMonth(8, 48)).toBeCloseTo(121.667, 2);
    expect(projectToMonth(48, 48)).toBe(730);
  });

  it('ends the window at the start of the current hour', () => {
    const w = hourWindowEndingAt(new Date('2025-03-17T10:30:00Z'), 14);
    expect(w.end.toISOString()).toBe('2025-03-17T10:00:00.000Z');
    expect(w.start.toISOString()).toBe('2025-03-03T10:00:00.000Z');
    expect(w.hours).toBe(336);
  });
});
