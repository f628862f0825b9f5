/**
 * The judgement of audit_application_images: one image in (its describe record, who it is shared
 * with, how many fleets stream it), the issues an admin should act on out, ranked.
 */
import type { Image, SharedImagePermissions } from '@aws-sdk/client-appstream';
import type { Severity } from '@workspaces-euc-mcp/host';

const DAY_MS = 86_400_000;

/**
 * A private image whose AWS base image was released more than 180 days ago misses half a year of
 * the OS patches AWS rolls into new base images (the reference audit's threshold, seed-repo §2.2
 * #23); rebuild on a current base.
 */
export const STALE_BASE_DAYS = 180;

/** What is wrong with one image, worst first. */
export interface ImageVerdict {
  readonly name: string;
  readonly visibility: string;
  readonly state: string;
  readonly severity: Severity;
  /** Short phrases, e.g. "agent pinned 1.1.1200", "base 412 d old". */
  readonly issues: readonly string[];
  /** Fleets streaming it: an issue on a streamed image reaches users. */
  readonly fleets: number;
  readonly pinnedAgent: boolean;
  readonly staleBase: boolean;
  readonly sharedWith: number;
}

const RANK: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

/** The worse of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Days since the image's public base image was released; undefined when AWS does not say. */
export function baseAgeDays(image: Image, now: Date): number | undefined {
  const released = image.PublicBaseImageReleasedDate?.getTime();
  return released === undefined ? undefined : Math.floor((now.getTime() - released) / DAY_MS);
}

/**
 * Judges one image. Private images (ours to fix): not AVAILABLE, image errors, an agent pinned
 * below the latest (AWS's LatestAppstreamAgentVersion FALSE; LATEST images update themselves),
 * a base older than {@link STALE_BASE_DAYS}, and the accounts it is shared with. Images shared
 * in (Visibility SHARED) are the owner's to patch: listed as info with what they allow.
 * Undefined when there is nothing to say.
 */
export function judgeImage(
  image: Image,
  sharedWith: readonly SharedImagePermissions[],
  fleets: number,
  now: Date,
): ImageVerdict | undefined {
  const issues: string[] = [];
  let severity: Severity = 'info';
  const raise = (to: Severity, issue: string) => {
    severity = worse(severity, to);
    issues.push(issue);
  };
  // A problem on an image no fleet streams is hygiene; on a streamed one it reaches users.
  const inUse: Severity = fleets > 0 ? 'warning' : 'info';
  const state = image.State ?? 'UNKNOWN';
  const visibility = image.Visibility ?? 'UNKNOWN';
  if (visibility === 'SHARED') {
    const p = image.ImagePermissions;
    const allows = [p?.allowFleet ? 'fleets' : '', p?.allowImageBuilder ? 'builders' : '']
      .filter(Boolean)
      .join('+');
    const owner = image.Arn?.split(':')[4];
    raise('info', `shared in${owner ? ` from ${owner}` : ''} (allows ${allows || 'nothing'})`);
  }
  if (state !== 'AVAILABLE') {
    const reason = image.StateChangeReason?.Code;
    raise(state === 'FAILED' ? 'warning' : 'info', `${state}${reason ? ` (${reason})` : ''}`);
  }
  const errors = image.ImageErrors ?? [];
  if (errors.length > 0)
    raise('warning', `errors: ${[...new Set(errors.map((e) => e.ErrorCode ?? 'UNKNOWN'))].join(', ')}`);
  const pinnedAgent =
    visibility !== 'SHARED' &&
    state === 'AVAILABLE' &&
    (image.LatestAppstreamAgentVersion === 'FALSE' ||
      (image.AppstreamAgentVersion !== undefined && image.AppstreamAgentVersion !== 'LATEST'));
  if (pinnedAgent) raise(inUse, `agent pinned ${image.AppstreamAgentVersion ?? 'unknown'}`);
  const age = baseAgeDays(image, now);
  const staleBase = visibility !== 'SHARED' && age !== undefined && age > STALE_BASE_DAYS;
  if (staleBase) raise(inUse, `base ${age} d old`);
  if (sharedWith.length > 0) {
    const accounts = sharedWith.map(
      (s) => `${s.sharedAccountId ?? '?'}${s.imagePermissions?.allowImageBuilder ? ' (fleet+builder)' : ''}`,
    );
    const shown = accounts.slice(0, 3).join(', ');
    raise('info', `shared with ${accounts.length}: ${shown}${accounts.length > 3 ? ', …' : ''}`);
  }
  if (issues.length === 0) return undefined;
  return {
    name: image.Name ?? '',
    visibility,
    state,
    severity,
    issues,
    fleets,
    pinnedAgent,
    staleBase,
    sharedWith: sharedWith.length,
  };
}

/** Worst first; among equals, the image more fleets stream, then by name. */
export function byImpact(a: ImageVerdict, b: ImageVerdict): number {
  return RANK[a.severity] - RANK[b.severity] || b.fleets - a.fleets || a.name.localeCompare(b.name);
}
