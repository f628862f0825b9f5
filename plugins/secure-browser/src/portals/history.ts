/**
 * A portal's session history from daily sums of SessionAttempt, SessionSuccess and
 * SessionFailure. The metrics are published only in minutes with an attempt, so a day without
 * a datapoint had no attempt: the sums are exact, and an idle portal simply has none.
 */
import Type, { type Static } from 'typebox';

const Day = Type.Object({
  date: Type.String({ description: 'UTC day, YYYY-MM-DD.' }),
  attempts: Type.Integer(),
  successes: Type.Integer(),
  failures: Type.Integer(),
});

export const SessionHistory = Type.Object({
  lookbackDays: Type.Integer(),
  attempts: Type.Integer(),
  successes: Type.Integer(),
  failures: Type.Integer(),
  failureRatePercent: Type.Optional(Type.Number()),
  daysWithSessions: Type.Integer(),
  lastDayWithSession: Type.Optional(Type.String()),
  busiestDay: Type.Optional(Day),
  daily: Type.Array(Day, { description: 'Days with any attempt, oldest first.' }),
});
export type SessionHistory = Static<typeof SessionHistory>;

/** One metric's daily datapoints. */
export interface DailySeries {
  readonly timestamps: readonly Date[];
  readonly values: readonly number[];
}

export function summarizeHistory(
  lookbackDays: number,
  series: {
    readonly attempts?: DailySeries;
    readonly successes?: DailySeries;
    readonly failures?: DailySeries;
  },
): SessionHistory {
  const days = new Map<string, Static<typeof Day>>();
  const add = (which: 'attempts' | 'successes' | 'failures', daily: DailySeries | undefined) =>
    daily?.timestamps.forEach((t, i) => {
      const date = t.toISOString().slice(0, 10);
      const day = days.get(date) ?? { date, attempts: 0, successes: 0, failures: 0 };
      day[which] += Math.round(daily.values[i] ?? 0);
      days.set(date, day);
    });
  add('attempts', series.attempts);
  add('successes', series.successes);
  add('failures', series.failures);
  const daily = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  const sum = (which: 'attempts' | 'successes' | 'failures') => daily.reduce((n, d) => n + d[which], 0);
  const attempts = sum('attempts');
  const withSessions = daily.filter((d) => d.successes > 0);
  const busiest = [...withSessions].sort(
    (a, b) => b.successes - a.successes || a.date.localeCompare(b.date),
  )[0];
  const last = withSessions.at(-1);
  return {
    lookbackDays,
    attempts,
    successes: sum('successes'),
    failures: sum('failures'),
    ...(attempts > 0 ? { failureRatePercent: Math.round((sum('failures') / attempts) * 1000) / 10 } : {}),
    daysWithSessions: withSessions.length,
    ...(last ? { lastDayWithSession: last.date } : {}),
    ...(busiest ? { busiestDay: busiest } : {}),
    daily,
  };
}
