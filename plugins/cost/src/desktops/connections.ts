import { createHash } from 'node:crypto';
import {
  chunk,
  type ErrorEntry,
  errorEntry,
  mapBounded,
  type Scope,
  SERVICE_LABELS,
  scopeKey,
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

/** The last connections of some desktops, and the batches that could not be read. */
export interface LastConnections {
  readonly lookups: Map<string, ConnectionLookup>;
  readonly errors: ErrorEntry[];
}

const CONNECTION_STATUS_ACTION = 'workspaces:DescribeWorkspacesConnectionStatus';

/**
 * Last known user connection of each desktop, 25 ids per DescribeWorkspacesConnectionStatus
 * call. A failed batch makes its desktops `ok: false` (treated as in use), with one error entry.
 *
 * A complete answer is kept in the host's estate snapshot under the exact set of ids, so asking
 * the same question again (or paging through its answer) within the snapshot's TTL sends nothing:
 * at 2 requests a second this is the slowest part of an unused-desktop sweep. An answer with a
 * failed batch is not kept.
 */
export async function readLastConnections(
  ctx: ToolContext,
  scope: Scope,
  desktops: readonly Desktop[],
): Promise<LastConnections> {
  const snapshot = ctx.snapshot;
  if (!snapshot) return fetchLastConnections(ctx, scope, desktops);
  const ids = desktops.map((d) => d.workspaceId).sort();
  const key = `${scopeKey(ctx.aws, scope)}:${createHash('sha256').update(ids.join(',')).digest('hex')}`;
  try {
    return await snapshot.read(CONNECTION_STATUS_ACTION, key, async () => {
      const answer = await fetchLastConnections(ctx, scope, desktops);
      if (answer.errors.length > 0) throw new PartialAnswer(answer);
      return answer;
    });
  } catch (error) {
    // Every reader sharing the scan in flight gets the partial answer from the error itself.
    if (error instanceof PartialAnswer) return error.answer;
    throw error;
  }
}

/** Thrown inside a snapshot read so that an answer with failed batches is returned, not kept. */
class PartialAnswer extends Error {
  constructor(readonly answer: LastConnections) {
    super('some DescribeWorkspacesConnectionStatus batches failed');
  }
}

async function fetchLastConnections(
  ctx: ToolContext,
  scope: Scope,
  desktops: readonly Desktop[],
): Promise<LastConnections> {
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
