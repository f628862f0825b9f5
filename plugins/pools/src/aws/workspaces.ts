/**
 * Thin shells over the WorkSpaces API, sized to their request limits (WorkSpaces
 * API reference): DescribeWorkspacesPools Limit 1-25; DescribeWorkspaceDirectories DirectoryIds
 * 1-25; DescribeIpGroups GroupIds up to 25 and MaxResults 1-25. DescribeWorkspacesPools and
 * DescribeIpGroups have no SDK paginator (client-workspaces 3.1048.0), so NextToken is followed here.
 */
import type {
  WorkSpacesClient,
  WorkspaceDirectory,
  WorkspacesIpGroup,
  WorkspacesPool,
} from '@aws-sdk/client-workspaces';
import {
  collectPages,
  fetchInBatches,
  type Scope,
  scopeKey,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { workspacesSdk } from './sdk.js';

/** The most ids (and items per page) the WorkSpaces Describe calls take. */
export const MAX_PER_REQUEST = 25;

async function workspacesClient(ctx: ToolContext, scope: Scope): Promise<WorkSpacesClient> {
  const { WorkSpacesClient } = await workspacesSdk();
  return ctx.aws.client(WorkSpacesClient, scope);
}

/**
 * Every pool in the scope, read once per client call: the inventory, the findings and the idle
 * scan of one composite report share the pages through `ctx.memo`.
 */
export function listPools(ctx: ToolContext, scope: Scope): Promise<WorkspacesPool[]> {
  return ctx.memo(`pools:list:${scopeKey(ctx.aws, scope)}`, async () => {
    const { DescribeWorkspacesPoolsCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, scope);
    const pools: WorkspacesPool[] = [];
    let nextToken: string | undefined;
    do {
      ctx.signal.throwIfAborted();
      const page = await client.send(
        new DescribeWorkspacesPoolsCommand({ Limit: MAX_PER_REQUEST, NextToken: nextToken }),
        { abortSignal: ctx.signal },
      );
      pools.push(...(page.WorkspacesPools ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return pools;
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

/** These IP access groups (25 ids a request), by id. */
export async function describeIpGroups(
  ctx: ToolContext,
  scope: Scope,
  groupIds: readonly string[],
): Promise<Map<string, WorkspacesIpGroup>> {
  const { DescribeIpGroupsCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const found = await fetchInBatches(groupIds, MAX_PER_REQUEST, ctx.limits.concurrency, async (ids) => {
    const groups: WorkspacesIpGroup[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new DescribeIpGroupsCommand({ GroupIds: ids, MaxResults: MAX_PER_REQUEST, NextToken: nextToken }),
        { abortSignal: ctx.signal },
      );
      groups.push(...(page.Result ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return groups;
  });
  return new Map(found.flatMap((g) => (g.groupId ? [[g.groupId, g] as const] : [])));
}
