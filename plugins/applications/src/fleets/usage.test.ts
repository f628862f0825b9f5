import { describe, expect, it } from 'vitest';
import { DAY_MS, judgeUsage, lookbackDays } from './usage.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const MIDNIGHT = Date.UTC(2026, 10, 16);
/** Daily buckets for the last `days` days (oldest first) with the given value per day-ago. */
function daily(days: number, valueDaysAgo: (daysAgo: number) => number) {
  const timestamps: Date[] = [];
  const values: number[] = [];
  for (let ago = days; ago >= 0; ago--) {
    timestamps.push(new Date(MIDNIGHT - ago * DAY_MS));
    values.push(valueDaysAgo(ago));
  }
  return { timestamps, values };
}
const old = new Date('2025-01-01T00:00:00Z');

describe('usage verdict', () => {
  it('last used 36 days ago (bucket ends 35.5 days ago) is idle for 35 days, rounded down', () => {
    const usage = daily(60, (ago) => (ago >= 36 ? 3 : 0));
    expect(judgeUsage({ usage, now: NOW, createdAt: old, idleDays: 30, lookbackDays: 60 })).toEqual({
      kind: 'idle',
      idleDays: 35,
      atLeast: false,
    });
  });

  it('any use inside the window means in use', () => {
    const usage = daily(60, (ago) => (ago === 29 ? 1 : 0));
    expect(judgeUsage({ usage, now: NOW, createdAt: old, idleDays: 30, lookbackDays: 60 }).kind).toBe(
      'in-use',
    );
  });

  it('no use in the whole lookback: idle for at least the lookback; created inside it: never used (null)', () => {
    const usage = daily(60, () => 0);
    expect(judgeUsage({ usage, now: NOW, createdAt: old, idleDays: 30, lookbackDays: 60 })).toEqual({
      kind: 'idle',
      idleDays: 60,
      atLeast: true,
    });
    const created = new Date(NOW.getTime() - 45 * DAY_MS);
    expect(judgeUsage({ usage, now: NOW, createdAt: created, idleDays: 30, lookbackDays: 60 })).toEqual({
      kind: 'idle',
      idleDays: null,
      atLeast: false,
    });
  });

  it('a resource younger than the window is too new, and a metric with no datapoints proves nothing', () => {
    const created = new Date(NOW.getTime() - 10 * DAY_MS);
    const empty = { timestamps: [], values: [] };
    expect(
      judgeUsage({ usage: empty, now: NOW, createdAt: created, idleDays: 30, lookbackDays: 60 }).kind,
    ).toBe('too-new');
    expect(judgeUsage({ usage: empty, now: NOW, createdAt: old, idleDays: 30, lookbackDays: 60 }).kind).toBe(
      'no-data',
    );
  });

  it('reads twice the window back, at least 30 days and at most the 455 days CloudWatch keeps', () => {
    expect([lookbackDays(7), lookbackDays(30), lookbackDays(90), lookbackDays(400)]).toEqual([
      30, 60, 180, 455,
    ]);
  });
});
