/**
 * Whether a fleet was used in the idle window, judged from the daily maxima of its usage metric.
 */

export const DAY_MS = 86_400_000;

/**
 * How far back to read usage: twice the idle window (at least 30 days), so a fleet idle for
 * longer than the window still gets a real "idle since" instead of "at least N days". Daily
 * datapoints are kept 455 days (CloudWatch retention for periods of an hour or more).
 */
export function lookbackDays(idleDays: number): number {
  return Math.min(455, Math.max(30, idleDays * 2));
}

/** Daily maxima of a usage metric, ascending, bucket start times in ms. */
export interface DailyUsage {
  readonly timestamps: readonly Date[];
  readonly values: readonly number[];
}

/** Whether something was used in the window, from daily usage maxima. */
export type UsageVerdict =
  | { readonly kind: 'in-use' }
  | { readonly kind: 'too-new' }
  /** The metric returned nothing at all: unknown, so not reported as idle. */
  | { readonly kind: 'no-data' }
  | {
      readonly kind: 'idle';
      /** Days since the end of the last day with use; null when never used since creation. */
      readonly idleDays: number | null;
      /** True when no use was seen in the whole lookback, so idleDays is a lower bound. */
      readonly atLeast: boolean;
    };

/**
 * Judges usage from daily buckets: idle when no bucket that ends inside the last `idleDays` had
 * use. A resource created inside the window is too new to call idle. The last used day's bucket
 * ends at most a day after the use, so the idle days are rounded down (never overstated).
 */
export function judgeUsage(input: {
  readonly usage: DailyUsage;
  readonly now: Date;
  readonly createdAt: Date | undefined;
  readonly idleDays: number;
  readonly lookbackDays: number;
}): UsageVerdict {
  const now = input.now.getTime();
  const created = input.createdAt?.getTime();
  if (created !== undefined && created > now - input.idleDays * DAY_MS) return { kind: 'too-new' };
  if (input.usage.timestamps.length === 0) return { kind: 'no-data' };
  let lastUsed: number | undefined;
  input.usage.timestamps.forEach((t, i) => {
    if ((input.usage.values[i] ?? 0) > 0) lastUsed = Math.max(lastUsed ?? 0, t.getTime());
  });
  if (lastUsed !== undefined) {
    const usedUntil = Math.min(lastUsed + DAY_MS, now);
    const days = Math.floor((now - usedUntil) / DAY_MS);
    return days >= input.idleDays ? { kind: 'idle', idleDays: days, atLeast: false } : { kind: 'in-use' };
  }
  const lookbackStart = now - input.lookbackDays * DAY_MS;
  if (created !== undefined && created >= lookbackStart)
    return { kind: 'idle', idleDays: null, atLeast: false };
  return { kind: 'idle', idleDays: input.lookbackDays, atLeast: true };
}
