/**
 * Unused-desktop judgement. Signals, after Cost Optimizer for WorkSpaces §1.6 and Report Unused
 * WorkSpaces: the last known user connection (DescribeWorkspacesConnectionStatus), whether the
 * desktop existed when the window began, and standby exclusion (done by the caller). Every
 * doubt resolves to "not unused": a failed lookup is `unknown`, a never-connected desktop we
 * cannot show was there at the window start may simply be new.
 */

import type { ConnectionLookup } from '../desktops/connections.js';

const DAY_MS = 86_400_000;

/** Whether the desktop existed at the window start, from health metrics on the window's first day. */
export type Existence = 'yes' | 'no-evidence' | 'lookup-failed';

/** The verdict for one desktop. */
export type UnusedVerdict =
  | { readonly kind: 'in-use'; readonly lastConnection: Date }
  | { readonly kind: 'unused'; readonly lastConnection: Date; readonly idleDays: number }
  | { readonly kind: 'never-connected' }
  | { readonly kind: 'never-connected-unconfirmed'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** True when a never-connected desktop needs the existence check to be judged. */
export function needsExistenceCheck(lookup: ConnectionLookup): boolean {
  return lookup.ok && lookup.lastConnection === undefined;
}

/**
 * Judges one (non-standby) desktop. A connection before the window start proves the desktop
 * existed then; a desktop never connected counts only when health metrics show it was there.
 */
export function judgeUnused(
  lookup: ConnectionLookup,
  existence: Existence | undefined,
  windowStart: Date,
  now: Date,
): UnusedVerdict {
  if (!lookup.ok)
    return {
      kind: 'unknown',
      reason: `Last connection could not be read (${lookup.message}); counted as in use.`,
    };
  const last = lookup.lastConnection;
  if (last) {
    if (last.getTime() >= windowStart.getTime()) return { kind: 'in-use', lastConnection: last };
    return {
      kind: 'unused',
      lastConnection: last,
      idleDays: Math.floor((now.getTime() - last.getTime()) / DAY_MS),
    };
  }
  switch (existence) {
    case 'yes':
      return { kind: 'never-connected' };
    case 'lookup-failed':
      return {
        kind: 'never-connected-unconfirmed',
        reason:
          'Never connected, but CloudWatch could not show whether it existed at the window start; it may be new.',
      };
    case 'no-evidence':
    case undefined:
      return {
        kind: 'never-connected-unconfirmed',
        reason:
          'Never connected, and no Available/Stopped datapoint on the window’s first day shows it existed then; it may be new (or was stopped without health datapoints).',
      };
  }
}

/** Existence from the hourly health series of the window's first day, as their datapoint counts. */
export function existenceFrom(
  outcomes: readonly ({ readonly ok: true; readonly value: number } | { readonly ok: false })[],
): Existence {
  if (outcomes.some((o) => o.ok && o.value > 0)) return 'yes';
  if (outcomes.some((o) => !o.ok)) return 'lookup-failed';
  return 'no-evidence';
}
