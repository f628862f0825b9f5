import { describe, expect, it } from 'vitest';
import { judgePortalUsage, lookbackDays } from './usage.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-16T12:00:00Z');
const MIDNIGHT = Date.UTC(2026, 10, 16);
const day = (ago: number) => new Date(MIDNIGHT - ago * DAY_MS);
const old = new Date('2024-01-01T00:00:00Z');

describe('portal usage', () => {
  it('the last session on the UTC day 47 days back (ended 46.5 days ago) is 46 idle days', () => {
    const verdict = judgePortalUsage({
      timestamps: [day(60), day(47)],
      values: [12, 3],
      now: NOW,
      createdAt: old,
      idleDays: 30,
      lookbackDays: 60,
    });
    expect(verdict).toEqual({ kind: 'idle', idleDays: 46, atLeast: false });
  });

  it('SessionSuccess is sparse: no datapoints at all means no sessions, not missing data', () => {
    const base = { timestamps: [], values: [], now: NOW, idleDays: 30, lookbackDays: 60 };
    expect(judgePortalUsage({ ...base, createdAt: old })).toEqual({
      kind: 'idle',
      idleDays: 60,
      atLeast: true,
    });
    expect(judgePortalUsage({ ...base, createdAt: new Date(NOW.getTime() - 40 * DAY_MS) })).toEqual({
      kind: 'idle',
      idleDays: null,
      atLeast: false,
    });
  });

  it('a session inside the window is in use; a portal younger than the window is too new', () => {
    const used = { timestamps: [day(3)], values: [5], now: NOW, idleDays: 30, lookbackDays: 60 };
    expect(judgePortalUsage({ ...used, createdAt: old }).kind).toBe('in-use');
    expect(
      judgePortalUsage({
        ...used,
        timestamps: [],
        values: [],
        createdAt: new Date(NOW.getTime() - 5 * DAY_MS),
      }).kind,
    ).toBe('too-new');
  });

  it('reads twice the window, 30 to 455 days', () => {
    expect([lookbackDays(1), lookbackDays(45), lookbackDays(300)]).toEqual([30, 90, 455]);
  });
});
