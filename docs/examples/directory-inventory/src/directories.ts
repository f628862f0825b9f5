import {
  type DescribeWorkspaceDirectoriesCommandOutput,
  type DescribeWorkspacesCommandOutput,
  paginateDescribeWorkspaceDirectories,
  paginateDescribeWorkspaces,
  WorkSpacesClient,
  type Workspace,
  type WorkspaceDirectory,
} from '@aws-sdk/client-workspaces';
import { listOnce, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';

// DescribeWorkspaceDirectories and DescribeWorkspaces return at most 25 items a page.
const PAGE_SIZE = 25;

/** One directory as the plugin reports it. */
export interface DirectoryRow {
  readonly directoryId: string;
  readonly name: string;
  readonly type: string;
  readonly state: string;
  readonly desktops: number;
}

/** Each directory with the number of desktops registered to it: the pure join, tested by hand. */
export function directoryRows(
  directories: readonly WorkspaceDirectory[],
  workspaces: readonly Workspace[],
): DirectoryRow[] {
  const desktops = new Map<string, number>();
  for (const w of workspaces)
    if (w.DirectoryId) desktops.set(w.DirectoryId, (desktops.get(w.DirectoryId) ?? 0) + 1);
  return directories.map((d) => ({
    directoryId: d.DirectoryId ?? '',
    name: d.DirectoryName ?? d.Alias ?? '',
    type: d.DirectoryType ?? 'UNKNOWN',
    state: d.State ?? 'UNKNOWN',
    desktops: desktops.get(d.DirectoryId ?? '') ?? 0,
  }));
}

/** Every WorkSpaces directory of a scope, through the host's shared scan. */
export function listDirectories(ctx: ToolContext, scope: Scope): Promise<WorkspaceDirectory[]> {
  const input = { Limit: PAGE_SIZE };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaceDirectories',
    where: scope,
    input,
    pages: (): AsyncIterable<DescribeWorkspaceDirectoriesCommandOutput> =>
      paginateDescribeWorkspaceDirectories({ client: ctx.aws.client(WorkSpacesClient, scope) }, input),
    items: (page) => page.Directories,
  });
}

/** Every desktop of a scope, through the same shared scan the first-party plugins read. */
export function listWorkspaces(ctx: ToolContext, scope: Scope): Promise<Workspace[]> {
  const input = { Limit: PAGE_SIZE };
  return listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaces',
    where: scope,
    input,
    pages: (): AsyncIterable<DescribeWorkspacesCommandOutput> =>
      paginateDescribeWorkspaces(
        { client: ctx.aws.client(WorkSpacesClient, scope), pageSize: PAGE_SIZE },
        input,
      ),
    items: (page) => page.Workspaces,
  });
}
