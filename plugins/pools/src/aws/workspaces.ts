/**
 * Thin shells over the WorkSpaces API, sized to their request limits (WorkSpaces
 * API reference): DescribeWorkspacesPools Limit 1-25; DescribeWorkspacesPoolSessions Limit 1-50;
 * DescribeWorkspaceDirectories DirectoryIds and DescribeWorkspaceBundles BundleIds 1-25;
 * DescribeIpGroups GroupIds up to 25 and MaxResults 1-25. DescribeWorkspacesPools,
 * DescribeWorkspacesPoolSessions and DescribeIpGroups have no SDK paginator (client-workspaces
 * 3.1048.0), so NextToken is followed here.
 */
import type {
  WorkSpacesClient,
  WorkspaceBundle,
  WorkspaceDirectory,
  WorkspacesIpGroup,
  WorkspacesPool,
  WorkspacesPoolSession,
} from '@aws-sdk/client-workspaces';
import {
  collectPages,
  fetchInBatches,
  listOnce,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { workspacesSdk } from './sdk.js';

/** The most ids (and items per page) the WorkSpaces Describe calls take. */
export const MAX_PER_REQUEST = 25;

async function workspacesClient(ctx: ToolContext, scope: Scope): Promise<WorkSpacesClient> {
  const { WorkSpacesClient } = await workspacesSdk();
  return ctx.aws.client(WorkSpacesClient, scope);
}

/** DescribeWorkspacesPools pages, following NextToken (the SDK has no paginator for it). */
async function* poolPages(ctx: ToolContext, scope: Scope) {
  const { DescribeWorkspacesPoolsCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeWorkspacesPoolsCommand({ Limit: MAX_PER_REQUEST, NextToken: nextToken }),
      { abortSignal: ctx.signal },
    );
    yield page;
    nextToken = page.NextToken;
  } while (nextToken);
}

/**
 * Every pool in the scope, through the host's `listOnce`: the inventory, the findings, the idle
 * scan and every pool tool of one client call share one scan (and the host's estate snapshot).
 */
export function listPools(ctx: ToolContext, scope: Scope): Promise<WorkspacesPool[]> {
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspacesPools',
    where: scope,
    input: { Limit: MAX_PER_REQUEST },
    pages: () => poolPages(ctx, scope),
    items: (page) => page.WorkspacesPools,
  });
}

/** DescribeWorkspacesPoolSessions takes at most 50 sessions a page (default 20; API reference). */
export const MAX_SESSIONS_PER_PAGE = 50;

/**
 * Every live session of one pool, 50 a page. Read directly, not through `listOnce`: sessions
 * start and end by the minute, so a kept scan would list users who already left.
 */
export async function listPoolSessions(
  ctx: ToolContext,
  scope: Scope,
  poolId: string,
): Promise<WorkspacesPoolSession[]> {
  const { DescribeWorkspacesPoolSessionsCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const sessions: WorkspacesPoolSession[] = [];
  let nextToken: string | undefined;
  do {
    ctx.signal.throwIfAborted();
    const page = await client.send(
      new DescribeWorkspacesPoolSessionsCommand({
        PoolId: poolId,
        Limit: MAX_SESSIONS_PER_PAGE,
        NextToken: nextToken,
      }),
      { abortSignal: ctx.signal },
    );
    sessions.push(...(page.Sessions ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return sessions;
}

/** These bundles (25 ids a request), by id; ids WorkSpaces does not return are absent. */
export async function describeBundles(
  ctx: ToolContext,
  scope: Scope,
  bundleIds: readonly string[],
): Promise<Map<string, WorkspaceBundle>> {
  const { paginateDescribeWorkspaceBundles } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const found = await fetchInBatches(bundleIds, MAX_PER_REQUEST, ctx.limits.concurrency, (ids) =>
    collectPages(paginateDescribeWorkspaceBundles({ client }, { BundleIds: ids }), (page) => page.Bundles, {
      signal: ctx.signal,
    }),
  );
  return new Map(found.flatMap((b) => (b.BundleId ? [[b.BundleId, b] as const] : [])));
}

/** StartWorkspacesPool: a STOPPED pool launches its desired capacity. */
export async function startPool(ctx: ToolContext, scope: Scope, poolId: string): Promise<void> {
  const { StartWorkspacesPoolCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  await client.send(new StartWorkspacesPoolCommand({ PoolId: poolId }), { abortSignal: ctx.signal });
}

/** StopWorkspacesPool: every session ends and every instance is released. */
export async function stopPool(ctx: ToolContext, scope: Scope, poolId: string): Promise<void> {
  const { StopWorkspacesPoolCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  await client.send(new StopWorkspacesPoolCommand({ PoolId: poolId }), { abortSignal: ctx.signal });
}

/** UpdateWorkspacesPool with only Capacity.DesiredUserSessions; the pool as AWS returns it. */
export async function updatePoolCapacity(
  ctx: ToolContext,
  scope: Scope,
  poolId: string,
  desiredUserSessions: number,
): Promise<WorkspacesPool | undefined> {
  const { UpdateWorkspacesPoolCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const out = await client.send(
    new UpdateWorkspacesPoolCommand({
      PoolId: poolId,
      Capacity: { DesiredUserSessions: desiredUserSessions },
    }),
    { abortSignal: ctx.signal },
  );
  return out.WorkspacesPool;
}

/** TerminateWorkspacesPoolSession: the user is disconnected and the instance is recycled. */
export async function terminatePoolSession(ctx: ToolContext, scope: Scope, sessionId: string): Promise<void> {
  const { TerminateWorkspacesPoolSessionCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  await client.send(new TerminateWorkspacesPoolSessionCommand({ SessionId: sessionId }), {
    abortSignal: ctx.signal,
  });
}

/**
 * Every WorkSpaces directory of the scope (Personal and Pools), through the host's `listOnce`
 * with the same action and input as the personal plugin's scan, so an estate-wide question shares
 * one scan (and the estate snapshot) with it. One-pool tools ask by id instead.
 */
export function listDirectories(ctx: ToolContext, scope: Scope): Promise<WorkspaceDirectory[]> {
  const input = { Limit: MAX_PER_REQUEST };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaceDirectories',
    where: scope,
    input,
    pages: async function* () {
      const { paginateDescribeWorkspaceDirectories } = await workspacesSdk();
      yield* paginateDescribeWorkspaceDirectories(
        { client: await workspacesClient(ctx, scope), pageSize: MAX_PER_REQUEST },
        input,
      );
    },
    items: (page) => page.Directories,
  });
}

/** Every IP access group of the scope, through `listOnce` (the personal plugin's scan, shared). */
export function listIpGroups(ctx: ToolContext, scope: Scope): Promise<WorkspacesIpGroup[]> {
  const input = { MaxResults: MAX_PER_REQUEST };
  return listOnce(ctx, {
    action: 'workspaces:DescribeIpGroups',
    where: scope,
    input,
    pages: async function* () {
      const { DescribeIpGroupsCommand } = await workspacesSdk();
      const client = await workspacesClient(ctx, scope);
      let nextToken: string | undefined;
      do {
        const page = await client.send(new DescribeIpGroupsCommand({ ...input, NextToken: nextToken }), {
          abortSignal: ctx.signal,
        });
        yield page;
        nextToken = page.NextToken;
      } while (nextToken);
    },
    items: (page) => page.Result,
  });
}

/** These directories (25 ids a request), by id; ids WorkSpaces does not return are absent. */
export async function describeDirectories(
  ctx: ToolContext,
  scope: Scope,
  directoryIds: readonly string[],
): Promise<Map<string, WorkspaceDirectory>> {
  const { paginateDescribeWorkspaceDirectories } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const found = await fetchInBatches(directoryIds, MAX_PER_REQUEST, ctx.limits.concurrency, (ids) =>
    collectPages(
      paginateDescribeWorkspaceDirectories({ client }, { DirectoryIds: ids }),
      (page) => page.Directories,
      { signal: ctx.signal },
    ),
  );
  return new Map(found.flatMap((d) => (d.DirectoryId ? [[d.DirectoryId, d] as const] : [])));
}
