import type {
  DescribeIpGroupsCommandOutput,
  DescribeWorkspaceDirectoriesCommandOutput,
  DescribeWorkspacesCommandOutput,
  WorkSpacesClient,
  Workspace,
  WorkspaceConnectionStatus,
  WorkspaceDirectory,
  WorkspacesIpGroup,
} from '@aws-sdk/client-workspaces';
import {
  collectPages,
  fetchInBatches,
  listOnce,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { SnapshotFacts } from '../facts.js';
import { workspacesSdk } from './sdk.js';

/**
 * Thin shells over the WorkSpaces API, sized to its request limits (API reference):
 * DescribeWorkspaces, DescribeWorkspacesConnectionStatus and DescribeWorkspaceDirectories take at
 * most 25 ids and return at most 25 items a page.
 */
export const MAX_IDS_PER_DESCRIBE = 25;

/** The WorkSpaces client of a scope (async only because the SDK package loads on first use). */
export async function workspacesClient(ctx: ToolContext, scope: Scope): Promise<WorkSpacesClient> {
  const { WorkSpacesClient } = await workspacesSdk();
  return ctx.aws.client(WorkSpacesClient, scope);
}

/**
 * Every desktop in the scope, paginated once per client call and shared with any other plugin that
 * lists the same desktops (the host's `listOnce` keys on action, place and input).
 */
export function listAllWorkspaces(ctx: ToolContext, scope: Scope): Promise<Workspace[]> {
  const input = { Limit: MAX_IDS_PER_DESCRIBE };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaces',
    where: scope,
    input,
    pages: async function* (): AsyncGenerator<DescribeWorkspacesCommandOutput> {
      const { paginateDescribeWorkspaces } = await workspacesSdk();
      yield* paginateDescribeWorkspaces(
        { client: await workspacesClient(ctx, scope), pageSize: MAX_IDS_PER_DESCRIBE },
        input,
      );
    },
    items: (page) => page.Workspaces,
  });
}

/** The desktops with these ids (25 per request); ids AWS does not know are absent from the map. */
export async function describeWorkspacesByIds(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<Map<string, Workspace>> {
  const { DescribeWorkspacesCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const found = await fetchInBatches(
    workspaceIds,
    MAX_IDS_PER_DESCRIBE,
    ctx.limits.concurrency,
    async (ids) => (await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids }))).Workspaces ?? [],
    { signal: ctx.signal },
  );
  return new Map(found.flatMap((ws) => (ws.WorkspaceId ? [[ws.WorkspaceId, ws] as const] : [])));
}

/**
 * Every WorkSpaces directory in the scope (Personal and Pools), through the host's `listOnce`:
 * shared with every tool of the call (and the estate snapshot the host keeps between calls).
 */
export function listDirectories(ctx: ToolContext, scope: Scope): Promise<WorkspaceDirectory[]> {
  const input = { Limit: MAX_IDS_PER_DESCRIBE };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaceDirectories',
    where: scope,
    input,
    pages: async function* (): AsyncGenerator<DescribeWorkspaceDirectoriesCommandOutput> {
      const { paginateDescribeWorkspaceDirectories } = await workspacesSdk();
      yield* paginateDescribeWorkspaceDirectories(
        { client: await workspacesClient(ctx, scope), pageSize: MAX_IDS_PER_DESCRIBE },
        input,
      );
    },
    items: (page) => page.Directories,
  });
}

/** Some directories by id (one request for up to 25). */
export async function describeDirectoriesByIds(
  ctx: ToolContext,
  scope: Scope,
  directoryIds: readonly string[],
): Promise<WorkspaceDirectory[]> {
  const { paginateDescribeWorkspaceDirectories } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
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
 * Every IP access group in the scope, through the host's `listOnce`. DescribeIpGroups has no SDK
 * paginator, so NextToken is followed here; 25 is the API's maximum page size.
 */
export function listIpGroups(ctx: ToolContext, scope: Scope): Promise<WorkspacesIpGroup[]> {
  const input = { MaxResults: 25 };
  return listOnce(ctx, {
    action: 'workspaces:DescribeIpGroups',
    where: scope,
    input,
    pages: async function* (): AsyncGenerator<DescribeIpGroupsCommandOutput> {
      const { DescribeIpGroupsCommand } = await workspacesSdk();
      const client = await workspacesClient(ctx, scope);
      let nextToken: string | undefined;
      do {
        const page = await client.send(new DescribeIpGroupsCommand({ ...input, NextToken: nextToken }));
        yield page;
        nextToken = page.NextToken;
      } while (nextToken);
    },
    items: (page) => page.Result,
  });
}

/** Connection status for these desktops (25 ids per request). */
export async function describeConnectionStatus(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
): Promise<Map<string, WorkspaceConnectionStatus>> {
  const { DescribeWorkspacesConnectionStatusCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
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
  scope: Scope,
  workspaceId: string,
): Promise<SnapshotFacts> {
  const { DescribeWorkspaceSnapshotsCommand } = await workspacesSdk();
  const result = await (await workspacesClient(ctx, scope)).send(
    new DescribeWorkspaceSnapshotsCommand({ WorkspaceId: workspaceId }),
  );
  return {
    lastRestore: newest((result.RestoreSnapshots ?? []).map((s) => s.SnapshotTime)),
    lastRebuild: newest((result.RebuildSnapshots ?? []).map((s) => s.SnapshotTime)),
  };
}
