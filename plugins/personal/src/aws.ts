import {
  type DirectoryDescription,
  DirectoryServiceClient,
  paginateDescribeDirectories,
} from '@aws-sdk/client-directory-service';
import {
  DescribeIpGroupsCommand,
  DescribeWorkspaceSnapshotsCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  paginateDescribeWorkspaceDirectories,
  paginateDescribeWorkspaces,
  WorkSpacesClient,
  type Workspace,
  type WorkspaceConnectionStatus,
  type WorkspaceDirectory,
  type WorkspacesIpGroup,
} from '@aws-sdk/client-workspaces';
import {
  type ClientLocation,
  chunk,
  collectPages,
  fetchInBatches,
  listOnce,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { SnapshotFacts } from './diagnosis.js';
import type { DsStatus } from './directories.js';

/**
 * Thin shells over the WorkSpaces and Directory Service APIs, sized to their request limits
 * (WorkSpaces API reference): DescribeWorkspaces, DescribeWorkspacesConnectionStatus and
 * DescribeWorkspaceDirectories take at most 25 ids and return at most 25 items a page.
 */
export const MAX_IDS_PER_DESCRIBE = 25;

/** Where a request goes: the region, and the account when a contribution names one. */
export interface Where {
  readonly region: string;
  readonly account?: string;
}

/** The input's region, else the server's default. */
export function whereOf(ctx: ToolContext, region: string | undefined): Where {
  return { region: region ?? ctx.aws.defaultRegion };
}

/** The client location of a scope. */
export function location(where: Where): ClientLocation {
  return where.account ? { region: where.region, account: where.account } : { region: where.region };
}

export function workspacesClient(ctx: ToolContext, where: Where): WorkSpacesClient {
  return ctx.aws.client(WorkSpacesClient, location(where));
}

/**
 * The memo key of a scope. A tool names no account (it means the first target); a contribution
 * names the target's account; both resolve to the same key so a composite report scans once.
 */
function scopeKey(ctx: ToolContext, where: Where): string {
  return `${where.account ?? ctx.aws.targets[0]?.account ?? ''}:${where.region}`;
}

/**
 * Every desktop in the scope, paginated once per client call and shared with any other plugin that
 * lists the same desktops (the host's `listOnce` keys on action, place and input).
 */
export function listAllWorkspaces(ctx: ToolContext, where: Where): Promise<Workspace[]> {
  const input = { Limit: MAX_IDS_PER_DESCRIBE };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaces',
    where: location(where),
    input,
    pages: () =>
      paginateDescribeWorkspaces(
        { client: workspacesClient(ctx, where), pageSize: MAX_IDS_PER_DESCRIBE },
        input,
      ),
    items: (page) => page.Workspaces,
  });
}

/** The desktops with these ids (25 per request); ids AWS does not know are absent from the map. */
export async function describeWorkspacesByIds(
  ctx: ToolContext,
  where: Where,
  workspaceIds: readonly string[],
): Promise<Map<string, Workspace>> {
  const client = workspacesClient(ctx, where);
  const found = await fetchInBatches(
    workspaceIds,
    MAX_IDS_PER_DESCRIBE,
    ctx.limits.concurrency,
    async (ids) => (await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids }))).Workspaces ?? [],
    { signal: ctx.signal },
  );
  return new Map(found.flatMap((ws) => (ws.WorkspaceId ? [[ws.WorkspaceId, ws] as const] : [])));
}

/** Every WorkSpaces directory in the scope (Personal and Pools), memoised per client call. */
export function listDirectories(ctx: ToolContext, where: Where): Promise<WorkspaceDirectory[]> {
  return ctx.memo(`personal:directories:${scopeKey(ctx, where)}`, () =>
    collectPages(
      paginateDescribeWorkspaceDirectories(
        { client: workspacesClient(ctx, where), pageSize: MAX_IDS_PER_DESCRIBE },
        {},
      ),
      (page) => page.Directories,
      { signal: ctx.signal },
    ),
  );
}

/** Some directories by id (one request for up to 25). */
export async function describeDirectoriesByIds(
  ctx: ToolContext,
  where: Where,
  directoryIds: readonly string[],
): Promise<WorkspaceDirectory[]> {
  const client = workspacesClient(ctx, where);
  return fetchInBatches(
    directoryIds,
    MAX_IDS_PER_DESCRIBE,
    ctx.limits.concurrency,
    (ids) =>
      collectPages(
        paginateDescribeWorkspaceDirectories({ client }, { DirectoryIds: ids }),
        (page) => page.Directories,
        { signal: ctx.signal },
      ),
    { signal: ctx.signal },
  );
}

/**
 * Every IP access group in the scope. DescribeIpGroups has no SDK paginator, so NextToken is
 * followed here; 25 is the API's maximum page size.
 */
export function listIpGroups(ctx: ToolContext, where: Where): Promise<WorkspacesIpGroup[]> {
  return ctx.memo(`personal:ip-groups:${scopeKey(ctx, where)}`, async () => {
    const client = workspacesClient(ctx, where);
    const groups: WorkspacesIpGroup[] = [];
    let nextToken: string | undefined;
    do {
      ctx.signal.throwIfAborted();
      const page = await client.send(new DescribeIpGroupsCommand({ MaxResults: 25, NextToken: nextToken }));
      groups.push(...(page.Result ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return groups;
  });
}

// Directory Service documents no maximum for DirectoryIds; 25 keeps each request small and is
// the same batch size as the WorkSpaces calls that produced the ids.
const DS_IDS_PER_REQUEST = 25;

function dsStatus(description: DirectoryDescription | undefined): DsStatus {
  if (!description?.Stage) return { kind: 'missing' };
  return {
    kind: 'stage',
    stage: description.Stage,
    ...(description.StageReason ? { reason: description.StageReason } : {}),
  };
}

/**
 * Directory Service's view of AD-backed directories (`d-` ids), in as few requests as possible.
 * One unknown id fails a whole DescribeDirectories request with EntityDoesNotExistException, so
 * on that error the scope's directories are listed instead and the absent ones are `missing`
 * (deleted behind WorkSpaces' back). Other failures are thrown to the caller.
 */
export async function describeDsStatuses(
  ctx: ToolContext,
  where: Where,
  directoryIds: readonly string[],
): Promise<Map<string, DsStatus>> {
  const ids = [...new Set(directoryIds)].filter((id) => id.startsWith('d-'));
  const statuses = new Map<string, DsStatus>();
  if (ids.length === 0) return statuses;
  const client = ctx.aws.client(DirectoryServiceClient, location(where));
  const describe = (input: { DirectoryIds?: string[] }) =>
    collectPages(paginateDescribeDirectories({ client }, input), (page) => page.DirectoryDescriptions, {
      signal: ctx.signal,
    });
  let found: DirectoryDescription[];
  try {
    found = (
      await Promise.all(chunk(ids, DS_IDS_PER_REQUEST).map((batch) => describe({ DirectoryIds: batch })))
    ).flat();
  } catch (error) {
    if ((error as { name?: string }).name !== 'EntityDoesNotExistException') throw error;
    found = await describe({});
  }
  const byId = new Map(found.map((d) => [d.DirectoryId, d]));
  for (const id of ids) statuses.set(id, dsStatus(byId.get(id)));
  return statuses;
}

/** Connection status for these desktops (25 ids per request). */
export async function describeConnectionStatus(
  ctx: ToolContext,
  where: Where,
  workspaceIds: readonly string[],
): Promise<Map<string, WorkspaceConnectionStatus>> {
  const client = workspacesClient(ctx, where);
  const found = await fetchInBatches(
    workspaceIds,
    MAX_IDS_PER_DESCRIBE,
    ctx.limits.concurrency,
    async (ids) =>
      (await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids })))
        .WorkspacesConnectionStatus ?? [],
    { signal: ctx.signal },
  );
  return new Map(found.flatMap((s) => (s.WorkspaceId ? [[s.WorkspaceId, s] as const] : [])));
}

function newest(times: readonly (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  for (const time of times) if (time && (!best || time > best)) best = time;
  return best;
}

/** The newest restore and rebuild snapshot of one desktop (one request). */
export async function describeSnapshots(
  ctx: ToolContext,
  where: Where,
  workspaceId: string,
): Promise<SnapshotFacts> {
  const result = await workspacesClient(ctx, where).send(
    new DescribeWorkspaceSnapshotsCommand({ WorkspaceId: workspaceId }),
  );
  return {
    lastRestore: newest((result.RestoreSnapshots ?? []).map((s) => s.SnapshotTime)),
    lastRebuild: newest((result.RebuildSnapshots ?? []).map((s) => s.SnapshotTime)),
  };
}
