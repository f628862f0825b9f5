import type { WorkspaceConnectionStatus } from '@aws-sdk/client-workspaces';
import {
  mapBounded,
  type PlannedTarget,
  type Scope,
  summarizeError,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { describeConnectionStatus, describeSnapshots } from '../aws/workspaces.js';
import { inUseSkip, inUseWarnings, unknownUse, useFindings } from './recent-use.js';

const HOUR_MS = 3_600_000;

/**
 * What a rebuild or restore loses for one desktop, from its snapshot time and its user's last
 * connection: work is lost only if the user connected after the snapshot was taken.
 */
export function lossAssessment(
  workspaceId: string,
  snapshot: Date,
  status: WorkspaceConnectionStatus | undefined,
): { detail: Record<string, string | boolean | null>; warning?: string } {
  const at = snapshot.toISOString();
  if (!status) return { detail: { lastUserConnection: null } };
  const last = status.LastKnownUserConnectionTimestamp;
  const detail = {
    lastUserConnection: last ? last.toISOString() : 'never',
    usedSinceSnapshot: status.ConnectionState === 'CONNECTED' || (last !== undefined && last > snapshot),
  };
  if (status.ConnectionState === 'CONNECTED')
    return {
      detail,
      warning: `${workspaceId}: a user is connected right now; they are disconnected and lose everything since ${at}, unsaved work included.`,
    };
  if (last && last > snapshot)
    return {
      detail,
      warning: `${workspaceId}: its user last connected at ${last.toISOString()}, after the snapshot (${at}): files saved in between are lost.`,
    };
  return { detail };
}

/**
 * Adds the snapshot a rebuild or restore will use to each actionable target's detail, with its age,
 * what is lost, and whether the user worked after it (DescribeWorkspacesConnectionStatus, 25 ids a
 * call). DescribeWorkspaceSnapshots takes one WorkSpace per request and has no batch form, so
 * lookups are bounded by the blast-radius cap: a confirmed call with more actionable targets than
 * the cap is refused anyway. A target with no snapshot is skipped: restore has nothing to go back
 * to, and a rebuild cannot recreate the user volume until the first snapshot exists (about 12
 * hours after launch). A desktop in use (connected now, used in the last 14 days, or use unknown)
 * is skipped unless `includeRecentlyUsed`: rolling back a desktop someone works on loses their work.
 */
export async function withSnapshots(
  ctx: ToolContext,
  scope: Scope,
  targets: readonly PlannedTarget[],
  kind: 'rebuild' | 'restore',
  includeRecentlyUsed: boolean,
): Promise<{ targets: PlannedTarget[]; warnings: string[] }> {
  const warnings: string[] = [];
  const actionable = targets.filter((t) => t.skip === undefined);
  const looked = actionable.slice(0, Math.max(1, ctx.limits.maxBulkTargets));
  if (looked.length < actionable.length)
    warnings.push(
      `Snapshots were looked up for the first ${looked.length} of ${actionable.length} targets only: more than the blast-radius cap (${ctx.limits.maxBulkTargets}) would be refused anyway. Split the request to see every snapshot.`,
    );
  const ids = looked.map((t) => t.id);
  const [settled, statuses] = await Promise.all([
    mapBounded(looked, ctx.limits.concurrency, (t) => describeSnapshots(ctx, scope, t.id), {
      signal: ctx.signal,
    }),
    ids.length === 0
      ? Promise.resolve(new Map<string, WorkspaceConnectionStatus>())
      : describeConnectionStatus(ctx, scope, ids).catch((error: unknown) => {
          warnings.push(
            `Could not read when the users last connected (${summarizeError(error).message}); assume work since each snapshot is lost.`,
          );
          return undefined;
        }),
  ]);
  const byId = new Map(settled.map((s) => [s.item.id, s]));
  const now = ctx.now().getTime();
  const inUse = statuses ? useFindings(statuses, ids, ctx.now()).inUse : unknownUse(ids, 'lookup failed');
  const skippedInUse: string[] = [];
  const planned = targets.map((target): PlannedTarget => {
    if (target.skip !== undefined) return target;
    const busy = includeRecentlyUsed ? undefined : inUse.get(target.id);
    if (busy !== undefined) {
      skippedInUse.push(target.id);
      return { ...target, skip: inUseSkip(busy) };
    }
    const outcome = byId.get(target.id);
    if (!outcome) return { ...target, detail: { ...target.detail, snapshot: null } };
    if (!outcome.ok) {
      warnings.push(
        `${target.id}: the snapshot lookup failed (${summarizeError(outcome.error).message}); the restore point is unknown.`,
      );
      return { ...target, detail: { ...target.detail, snapshot: null } };
    }
    const time = kind === 'rebuild' ? outcome.value.lastRebuild : outcome.value.lastRestore;
    if (!time)
      return {
        ...target,
        skip:
          kind === 'restore'
            ? 'no restore snapshot exists yet, so there is nothing to restore to.'
            : 'no rebuild snapshot exists yet (the first is taken within about 12 hours of launch), so the user volume cannot be rebuilt.',
      };
    const at = time.toISOString();
    const loss = lossAssessment(target.id, time, statuses?.get(target.id));
    if (loss.warning) warnings.push(loss.warning);
    return {
      ...target,
      detail: {
        ...target.detail,
        snapshot: at,
        snapshotAgeHours: Math.round(((now - time.getTime()) / HOUR_MS) * 10) / 10,
        dataLost:
          kind === 'rebuild'
            ? `C: back to the bundle image (apps and settings since launch); D: changes after ${at}.`
            : `C: and D: changes after ${at}.`,
        ...loss.detail,
      },
    };
  });
  return { targets: planned, warnings: [...warnings, ...inUseWarnings(skippedInUse)] };
}
