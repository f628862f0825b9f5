const DAY_MS = 86_400_000;

/**
 * How far back to read sessions: twice the idle window (at least 30 days), so a portal idle for
 * longer than the window gets a real "idle since". Daily datapoints are kept 455 days.
 */
export function lookbackDays(idleDays: number): number {
  return Math.min(455, Math.max(30, idleDays * 2));
}

/** Whether a portal was used in the window, from daily SessionSuccess sums. */
export type PortalUsage =
  | { readonly kind: 'in-use' }
  | { readonly kind: 'too-new' }
  | {
      readonly kind: 'idle';
      /** Days since the end of the last day with a session; null when none since creation. */
      readonly idleDays: number | null;
      /** True when no session was seen in the whole lookback: idleDays is a lower bound. */
      readonly atLeast: boolean;
    };

/**
 * SessionSuccess is published only in minutes with a session attempt, so a portal nobody used
 * has no datapoints at all: absence means no sessions (unlike a fleet gauge). A portal created
 * inside the window is too new to call idle; idle days are rounded down (never overstated).
 */
export function judgePortalUsage(input: {
  readonly timestamps: readonly Date[];
  readonly values: readonly number[];
  readonly now: Date;
  readonly createdAt: Date | undefined;
  readonly idleDays: number;
  readonly lookbackDays: number;
}): PortalUsage {
  const now = input.now.getTime();
  const created = input.createdAt?.getTime();
  if (created !== undefined && created > now - input.idleDays * DAY_MS) return { kind: 'too-new' };
  let lastUsed: number | undefined;
  input.timestamps.forEach((t, i) => {
    if ((input.values[i] ?? 0) > 0) lastUsed = Math.max(lastUsed ?? 0, t.getTime());
  });
  if (lastUsed !== undefined) {
    const days = Math.floor((now - Math.min(lastUsed + DAY_MS, now)) / DAY_MS);
    return days >= input.idleDays ? { kind: 'idle', idleDays: days, atLeast: false } : { kind: 'in-use' };
  }
  if (created !== undefined && created >= now - input.lookbackDays * DAY_MS)
    return { kind: 'idle', idleDays: null, atLeast: false };
  return { kind: 'idle', idleDays: input.lookbackDays, atLeast: true };
}
