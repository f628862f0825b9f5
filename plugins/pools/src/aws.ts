/**
 * Thin shells over the WorkSpaces and CloudWatch APIs, sized to their request limits (WorkSpaces
 * API reference): DescribeWorkspacesPools Limit 1-25; DescribeWorkspaceDirectories DirectoryIds
 * 1-25; DescribeIpGroups GroupIds up to 25 and MaxResults 1-25. DescribeWorkspacesPools and
 * DescribeIpGroups have no SDK paginator (client-workspaces 3.1048.0), so NextToken is followed here.
 */
import { CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  DescribeIpGroupsCommand,
  DescribeWorkspacesPoolsCommand,
  paginateDescribeWorkspaceDirectories,
  WorkSpacesClient,
  type WorkspaceDirectory,
  type WorkspacesIpGroup,
  type WorkspacesPool,
} from '@aws-sdk/client-workspaces';
import {
  type ClientLocation,
  type ContributionScope,
  collectPages,
  fetchInBatches,
  getMetricDataBatched,
  type MetricSeries,
  type MetricWindow,
  type ToolContext,
} from '@workspaces-euc-mcp/host';

/** The most ids (and items per page) the WorkSpaces Describe calls take. */
export const MAX_PER_REQUEST = 25;

function location(scope: ContributionScope): ClientLocation {
  return scope.account ? { region: scope.region, account: scope.account } : { region: scope.region };
}

function workspacesClient(ctx: ToolContext, scope: ContributionScope): WorkSpacesClient {
  return ctx.aws.client(WorkSpacesClient, location(scope));
}

/** The memo key of a scope: a contribution names the account, a tool may not; both mean the same. */
function scopeKey(ctx: ToolContext, scope: ContributionScope): string {
  return `${scope.account ?? ctx.aws.targets[0]?.account ?? ''}:${scope.region}`;
}

/**
 * Every pool in the scope, read once per client call: the inventory, the findings and the idle
 * scan of one composite report share the pages through `ctx.memo`.
 */
export function listPools(ctx: ToolContext, scope: ContributionScope): Promise<WorkspacesPool[]> {
  return ctx.memo(`pools:list:${scopeKey(ctx, scope)}`, async () => {
    const client = workspacesClient(ctx, scope);
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
  scope: ContributionScope,
  directoryIds: readonly string[],
): Promise<Map<string, WorkspaceDirectory>> {
  const client = workspacesClient(ctx, scope);
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
  scope: ContributionScope,
  groupIds: readonly string[],
): Promise<Map<string, WorkspacesIpGroup>> {
  const client = workspacesClient(ctx, scope);
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

/** Many metric queries in the fewest GetMetricData requests (up to 500 queries each). */
export function getPoolMetrics(
  ctx: ToolContext,
  scope: ContributionScope,
  queries: readonly MetricDataQuery[],
  window: MetricWindow,
): Promise<Map<string, MetricSeries>> {
  if (queries.length === 0) return Promise.resolve(new Map());
  return getMetricDataBatched(ctx.aws.client(CloudWatchClient, location(scope)), queries, window, {
    concurrency: ctx.limits.concurrency,
    signal: ctx.signal,
  });
}
