import type { AppBlockBuilder, ImageBuilder } from '@aws-sdk/client-appstream';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

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

/**
 * The Cost Optimizer for AppStream 2.0 (AS2CO, aws-samples, 2024-05) notifies after a builder has
 * been running 2 hours and stops it after 12 (euc-admin-anchors §3.4).
 */
export const AS2CO_NOTIFY_HOURS = 2;

/** A builder that is billing now, with what is known about how long. */
export interface RunningBuilder {
  readonly name: string;
  readonly kind: 'Image builder' | 'App block builder';
  readonly instanceType: string | undefined;
  /** Hours since creation: the longest this run can have lasted. */
  readonly hoursSinceCreated: number;
}

/**
 * RUNNING builders that could have run past AS2CO's 2-hour mark. The appstream API records no
 * start time (AS2CO learns it by polling every 5 minutes), so a builder created less than 2 hours
 * ago is left out and the others are listed with their creation age as the upper bound.
 */
export function runningBuilders(
  imageBuilders: readonly ImageBuilder[],
  appBlockBuilders: readonly AppBlockBuilder[],
  now: Date,
): RunningBuilder[] {
  const hoursSince = (created: Date | undefined) =>
    created === undefined ? Number.POSITIVE_INFINITY : (now.getTime() - created.getTime()) / HOUR_MS;
  const candidates: RunningBuilder[] = [
    ...imageBuilders
      .filter((b) => b.State === 'RUNNING')
      .map((b) => ({
        name: b.Name ?? '',
        kind: 'Image builder' as const,
        instanceType: b.InstanceType,
        hoursSinceCreated: hoursSince(b.CreatedTime),
      })),
    ...appBlockBuilders
      .filter((b) => b.State === 'RUNNING')
      .map((b) => ({
        name: b.Name ?? '',
        kind: 'App block builder' as const,
        instanceType: b.InstanceType,
        hoursSinceCreated: hoursSince(b.CreatedTime),
      })),
  ];
  return candidates.filter((b) => b.hoursSinceCreated >= AS2CO_NOTIFY_HOURS);
}

/** Why a running builder is listed, in words an admin can act on. */
export function builderReason(builder: RunningBuilder): string {
  const created = Number.isFinite(builder.hoursSinceCreated)
    ? builder.hoursSinceCreated >= 48
      ? `${Math.floor(builder.hoursSinceCreated / 24)} days ago`
      : `${Math.floor(builder.hoursSinceCreated)} hours ago`
    : 'at an unknown time';
  return (
    `${builder.kind} RUNNING, billed per running hour at the ${builder.instanceType ?? 'instance'} rate whether or not anyone is connected. ` +
    `AppStream records no start time, so this run has lasted at most since it was created (${created}); ` +
    `the Cost Optimizer for AppStream notifies at ${AS2CO_NOTIFY_HOURS} h and stops builders at 12 h. Stop it when no image is being built.`
  );
}
