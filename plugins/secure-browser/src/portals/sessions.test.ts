import { describe, expect, it } from 'vitest';
import { summarizeHistory } from './history.js';
import { summarizeSessions } from './sessions.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
const id = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;

describe('live sessions summary', () => {
  it('counts by status, orders newest first, and ranks users by sessions (ties by name)', () => {
    const summary = summarizeSessions(
      [
        { sessionId: id(1), username: 'bob', status: 'Active', startTime: at(90) },
        { sessionId: id(2), username: 'alice', status: 'Active', startTime: at(5) },
        { sessionId: id(3), username: 'bob', status: 'Active', startTime: at(30) },
        { sessionId: id(4), username: 'carol', status: 'Active', startTime: at(200) },
      ],
      NOW,
      2,
    );
    expect(summary).toMatchObject({ total: 4, users: 3, byStatus: { Active: 4 } });
    expect(summary.rows.map((r) => r.ageMinutes)).toEqual([5, 30, 90, 200]);
    expect(summary.oldest).toMatchObject({ username: 'carol', ageMinutes: 200 });
    expect(summary.newest).toMatchObject({ username: 'alice', startTime: '2026-11-16T11:55:00.000Z' });
    expect(summary.topUsers).toEqual([
      { username: 'bob', sessions: 2 },
      { username: 'alice', sessions: 1 },
    ]);
  });
});

describe('session history', () => {
  it('adds the daily sums and finds the busiest and last day; failure rate of attempts', () => {
    const d = (day: number) => new Date(Date.UTC(2026, 10, day));
    const history = summarizeHistory(7, {
      attempts: { timestamps: [d(10), d(12), d(13)], values: [4, 10, 1] },
      successes: { timestamps: [d(10), d(12)], values: [4, 8] },
      failures: { timestamps: [d(12), d(13)], values: [2, 1] },
    });
    expect(history).toMatchObject({
      attempts: 15,
      successes: 12,
      failures: 3,
      failureRatePercent: 20,
      daysWithSessions: 2,
      lastDayWithSession: '2026-11-12',
      busiestDay: { date: '2026-11-12', successes: 8 },
    });
    expect(history.daily.map((day) => day.date)).toEqual(['2026-11-10', '2026-11-12', '2026-11-13']);
  });

  it('no datapoints at all is an idle portal: zero sessions, no failure rate', () => {
    expect(summarizeHistory(7, { attempts: { timestamps: [], values: [] } })).toEqual({
      lookbackDays: 7,
      attempts: 0,
      successes: 0,
      failures: 0,
      daysWithSessions: 0,
      daily: [],
    });
  });
});
