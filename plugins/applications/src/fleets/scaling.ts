import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';

/** A fleet's failed scale-outs in the window. */
export interface FailedScaling {
  readonly fleetName: string;
  readonly failures: number;
  readonly latest: Date;
  /** The part of the latest StatusMessage that names the limit hit (or the message itself). */
  readonly reason: string;
}

const MAX_REASON = 240;

/**
 * The sentence of a StatusMessage that names the quota or limit, without the request metadata
 * ("The requested capacity ... exceeds the stream.compute.large fleet instance quota of 10 ...").
 * A failed AppStream scale-out names the per-instance-type quota, summed over every fleet of that
 * type in the account and region (euc-admin-anchors §6.2), so that is the line to quote.
 */
export function quotaReason(statusMessage: string): string {
  const sentences = statusMessage.split(/(?<=\.)\s+/);
  const named = sentences.find((s) => /quota|limit/i.test(s)) ?? statusMessage;
  const trimmed = named
    .replace(/^Reason:\s*/i, '')
    .split(/;|\s\(/)[0]
    ?.trim();
  const reason = trimmed && trimmed.length > 0 ? trimmed : statusMessage.trim();
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}

/**
 * Decides when a scan of scaling activities may stop early. Application Auto Scaling keeps six
 * weeks and documents no order; in practice it answers newest first (EC2 Auto Scaling documents
 * that order for its own DescribeScalingActivities). The scan stops only while every activity
 * seen so far came in descending StartTime order and the last one is older than `since`; a
 * service that did not sort would break the order on its first page and be read to the end.
 */
export function newestFirstCutoff(since: Date): (page: readonly ScalingActivity[]) => boolean {
  let previous = Number.POSITIVE_INFINITY;
  let ordered = true;
  return (page) => {
    for (const activity of page) {
      const start = activity.StartTime?.getTime() ?? 0;
      if (start > previous) ordered = false;
      previous = start;
    }
    return ordered && previous < since.getTime();
  };
}

/**
 * Failed or Unfulfilled scaling activities that started at or after `since`, per fleet (ResourceId
 * `fleet/<name>`); the time window is applied here whatever the scan returned.
 */
export function failedScalingSince(activities: readonly ScalingActivity[], since: Date): FailedScaling[] {
  const byFleet = new Map<string, { failures: number; latest: ScalingActivity }>();
  for (const activity of activities) {
    if (activity.StatusCode !== 'Failed' && activity.StatusCode !== 'Unfulfilled') continue;
    const start = activity.StartTime?.getTime();
    if (start === undefined || start < since.getTime()) continue;
    const fleetName = activity.ResourceId?.startsWith('fleet/') ? activity.ResourceId.slice(6) : undefined;
    if (!fleetName) continue;
    const entry = byFleet.get(fleetName);
    if (!entry) byFleet.set(fleetName, { failures: 1, latest: activity });
    else {
      entry.failures += 1;
      if (start > (entry.latest.StartTime?.getTime() ?? 0)) entry.latest = activity;
    }
  }
  return [...byFleet.entries()]
    .map(([fleetName, { failures, latest }]) => ({
      fleetName,
      failures,
      latest: latest.StartTime ?? since,
      reason: quotaReason(latest.StatusMessage ?? latest.StatusCode ?? 'Failed'),
    }))
    .sort((a, b) => a.fleetName.localeCompare(b.fleetName));
}
