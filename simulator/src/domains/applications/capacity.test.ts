import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../model.js';
import { localTime } from './capacity.js';
import type { SimAppFleet } from './model.js';

function fleetAt(utcOffsetHours: number): SimAppFleet {
  return { usage: { utcOffsetHours, workdays: 'weekdays' } } as unknown as SimAppFleet;
}

describe('a fleet’s local time', () => {
  it('tells workdays exactly as the calendar does, across offsets, days and before 1970', () => {
    const start = Date.UTC(2026, 10, 1); // a Sunday
    for (const offset of [-10, -5, 0, 5.5, 10, 13])
      for (let t = start - 3 * HOUR_MS; t < start + 15 * 24 * HOUR_MS; t += 5 * HOUR_MS) {
        const weekday = new Date(t + offset * HOUR_MS).getUTCDay();
        expect(localTime(fleetAt(offset), t).workday, `${offset} ${new Date(t).toISOString()}`).toBe(
          weekday >= 1 && weekday <= 5,
        );
      }
    const beforeEpoch = Date.UTC(1969, 11, 29); // a Monday
    expect(localTime(fleetAt(0), beforeEpoch).workday).toBe(true);
    expect(localTime(fleetAt(0), beforeEpoch - 24 * HOUR_MS).workday).toBe(false);
  });
});
