import type { AppBlockBuilder, ImageBuilder } from '@aws-sdk/client-appstream';

const HOUR_MS = 3_600_000;

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
