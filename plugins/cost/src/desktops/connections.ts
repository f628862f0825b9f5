import {
  chunk,
  type ErrorEntry,
  errorEntry,
  mapBounded,
  type Scope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { workspacesSdk } from '../shared/sdk.js';
import type { Desktop } from './desktops.js';

/** DescribeWorkspacesConnectionStatus accepts at most 25 WorkspaceIds per call. */
const CONNECTION_STATUS_BATCH = 25;

/** What DescribeWorkspacesConnectionStatus said for one desktop. */
export type ConnectionLookup =
  | { readonly ok: true; readonly lastConnection?: Date }
  | { readonly ok: false; readonly message: string };

/**
 * Last known user connection of each desktop, 25 ids per DescribeWorkspacesConnectionStatus
 * call. A failed batch makes its desktops `ok: false` (treated as in use), with one error entry.
 */
export async function readLastConnections(
  ctx: ToolContext,
  scope: Scope,
  desktops: readonly Desktop[],
): Promise<{ lookups: Map<string, ConnectionLookup>; errors: ErrorEntry[] }> {
  const { DescribeWorkspacesConnectionStatusCommand, WorkSpacesClient } = await workspacesSdk();
  const client = ctx.aws.client(WorkSpacesClient, scope);
  const batches = chunk(
    desktops.map((d) => d.workspaceId),
    CONNECTION_STATUS_BATCH,
  );
  const settled = await mapBounded(
    batches,
    ctx.limits.concurrency,
    async (ids) => {
      const answer = await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }), {
        abortSignal: ctx.signal,
      });
      return answer.WorkspacesConnectionStatus ?? [];
    },
    { signal: ctx.signal },
  );
  const lookups = new Map<string, ConnectionLookup>();
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      const entry = errorEntry(
        SERVICE_LABELS.personal,
        scope,
        outcome.error,
        `Last connection unknown for ${outcome.item.length} desktop(s), counted as in use: `,
      );
      errors.push(entry);
      for (const id of outcome.item) lookups.set(id, { ok: false, message: entry.code });
      continue;
    }
    for (const status of outcome.value) {
      if (!status.WorkspaceId) continue;
      const last = status.LastKnownUserConnectionTimestamp;
      lookups.set(status.WorkspaceId, { ok: true, ...(last ? { lastConnection: new Date(last) } : {}) });
    }
    for (const id of outcome.item)
      if (!lookups.has(id))
        lookups.set(id, { ok: false, message: 'not in the DescribeWorkspacesConnectionStatus answer' });
  }
  return { lookups, errors };
}
