import type { WorkspaceConnectionStatus } from '@aws-sdk/client-workspaces';
import { type PlannedTarget, type Scope, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { describeConnectionStatus } from '../aws/workspaces.js';

/**
 * A desktop its user connected to within this many days is "in use" for a destructive plan: two
 * weeks covers a holiday, which is when an "unused" desktop most often is not.
 */
export const RECENT_USE_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * The input of destructive tools that lets a plan keep desktops in use (default: skipped). Bare:
 * each tool's description says what it does, once.
 */
export const IncludeRecentlyUsedInput = Type.Optional(Type.Boolean());
const LISTED = 10;

type Detail = Record<string, string | number | null>;

function listed(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ');
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown;
}

/** Plan details and warnings from connection status: who is connected now, who was recently. */
export function useFindings(
  statuses: ReadonlyMap<string, WorkspaceConnectionStatus>,
  workspaceIds: readonly string[],
  now: Date,
): { byId: Map<string, { detail: Detail }>; warnings: string[]; inUse: Map<string, string> } {
  const byId = new Map<string, { detail: Detail }>();
  const inUse = new Map<string, string>();
  const connected: string[] = [];
  const recent: string[] = [];
  for (const id of workspaceIds) {
    const status = statuses.get(id);
    if (!status) {
      inUse.set(id, 'its last use was not reported');
      continue;
    }
    const last = status.LastKnownUserConnectionTimestamp;
    const days = last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null;
    byId.set(id, {
      detail: {
        connectionState: status.ConnectionState ?? null,
        lastUserConnection: last ? last.toISOString() : 'never',
      },
    });
    if (status.ConnectionState === 'CONNECTED') {
      connected.push(id);
      inUse.set(id, 'a user is connected now');
    } else if (days !== null && days < RECENT_USE_DAYS) {
      recent.push(`${id} (${days} d ago)`);
      inUse.set(id, `its user connected ${days} d ago`);
    }
  }
  const warnings = [
    ...(connected.length > 0 ? [`A user is connected right now to ${listed(connected)}.`] : []),
    ...(recent.length > 0
      ? [`Used in the last ${RECENT_USE_DAYS} days, so probably not abandoned: ${listed(recent)}.`]
      : []),
  ];
  return { byId, warnings, inUse };
}

/** Why a desktop in use is skipped, and how to keep it (the same words for every destructive plan). */
export function inUseSkip(why: string): string {
  return `in use: ${why} (within ${RECENT_USE_DAYS} days); includeRecentlyUsed: true keeps it.`;
}

/** The plan warning naming the desktops skipped as in use; none when none were. */
export function inUseWarnings(skipped: readonly string[]): string[] {
  return skipped.length > 0
    ? [
        `Skipped ${skipped.length} desktop(s) in use (connected now, used in the last ${RECENT_USE_DAYS} days, or use unknown): ${listed(skipped)}. Pass includeRecentlyUsed: true to include them.`,
      ]
    : [];
}

/**
 * Skips the actionable targets that are in use (connected now, used in the last 14 days, or whose
 * use could not be read) unless `include`, saying so on each target and once in the warnings; the
 * host's planId then binds the choice, so a confirmed call cannot widen it unseen.
 */
export function skipInUse(
  targets: readonly PlannedTarget[],
  inUse: ReadonlyMap<string, string>,
  include: boolean,
): { targets: PlannedTarget[]; warnings: string[] } {
  if (include) return { targets: [...targets], warnings: [] };
  const skipped: string[] = [];
  const planned = targets.map((target) => {
    const why = target.skip === undefined ? inUse.get(target.id) : undefined;
    if (why === undefined) return target;
    skipped.push(target.id);
    return { ...target, skip: inUseSkip(why) };
  });
  return { targets: planned, warnings: inUseWarnings(skipped) };
}

/** Every id, with the reason its use is not known: a failed lookup must not read as "unused". */
export function unknownUse(workspaceIds: readonly string[], reason: string): Map<string, string> {
  return new Map(workspaceIds.map((id) => [id, `its last use could not be read (${reason})`]));
}

/**
 * Connection status of the targets (DescribeWorkspacesConnectionStatus, 25 ids a call). A failed
 * lookup is a warning, never a silent "unused": the admin must then check use another way, and
 * every target counts as in use.
 */
export async function recentUse(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<{
  byId: Map<string, { detail: Detail }>;
  warnings: string[];
  inUse: Map<string, string>;
  lookupFailed: boolean;
}> {
  if (workspaceIds.length === 0)
    return { byId: new Map(), warnings: [], inUse: new Map(), lookupFailed: false };
  try {
    const statuses = await describeConnectionStatus(ctx, scope, workspaceIds);
    return { ...useFindings(statuses, workspaceIds, ctx.now()), lookupFailed: false };
  } catch (error) {
    const { message } = summarizeError(error);
    return {
      byId: new Map(),
      warnings: [
        `Could not read who last used these desktops (${message}); make sure nobody still uses them before confirming.`,
      ],
      inUse: unknownUse(workspaceIds, 'lookup failed'),
      lookupFailed: true,
    };
  }
}
