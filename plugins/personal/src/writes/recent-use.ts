import type { WorkspaceConnectionStatus } from '@aws-sdk/client-workspaces';
import { type Scope, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import { describeConnectionStatus } from '../aws/workspaces.js';

/**
 * A desktop its user connected to within this many days is "in use" for a destructive plan: two
 * weeks covers a holiday, which is when an "unused" desktop most often is not.
 */
export const RECENT_USE_DAYS = 14;
const DAY_MS = 86_400_000;
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
): { byId: Map<string, { detail: Detail }>; warnings: string[] } {
  const byId = new Map<string, { detail: Detail }>();
  const connected: string[] = [];
  const recent: string[] = [];
  for (const id of workspaceIds) {
    const status = statuses.get(id);
    if (!status) continue;
    const last = status.LastKnownUserConnectionTimestamp;
    const days = last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null;
    byId.set(id, {
      detail: {
        connectionState: status.ConnectionState ?? null,
        lastUserConnection: last ? last.toISOString() : 'never',
      },
    });
    if (status.ConnectionState === 'CONNECTED') connected.push(id);
    else if (days !== null && days < RECENT_USE_DAYS) recent.push(`${id} (${days} d ago)`);
  }
  const warnings = [
    ...(connected.length > 0 ? [`A user is connected right now to ${listed(connected)}.`] : []),
    ...(recent.length > 0
      ? [`Used in the last ${RECENT_USE_DAYS} days, so probably not abandoned: ${listed(recent)}.`]
      : []),
  ];
  return { byId, warnings };
}

/**
 * Connection status of the targets (DescribeWorkspacesConnectionStatus, 25 ids a call). A failed
 * lookup is a warning, never a silent "unused": the admin must then check use another way.
 */
export async function recentUse(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<{ byId: Map<string, { detail: Detail }>; warnings: string[] }> {
  if (workspaceIds.length === 0) return { byId: new Map(), warnings: [] };
  try {
    const statuses = await describeConnectionStatus(ctx, scope, workspaceIds);
    return useFindings(statuses, workspaceIds, ctx.now());
  } catch (error) {
    return {
      byId: new Map(),
      warnings: [
        `Could not read who last used these desktops (${summarizeError(error).message}); make sure nobody still uses them before confirming.`,
      ],
    };
  }
}
