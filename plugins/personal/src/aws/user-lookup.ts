import type { Workspace } from '@aws-sdk/client-workspaces';
import { mapBounded, mapBoundedAll, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import type { LocatedWorkspace, SearchFailure } from './locate.js';
import { workspacesSdk } from './sdk.js';
import { listAllWorkspaces, listDirectories, workspacesClient } from './workspaces.js';

/**
 * Above this many directories in a region, a per-directory user lookup costs more than it saves;
 * below it, one DescribeWorkspaces(DirectoryId, UserName) per directory beats paging every desktop
 * (10,000 desktops are 400 pages of 25).
 */
export const MAX_DIRECTORIES_FOR_USER_LOOKUP = 50;

/**
 * A user's desktops in one scope by one DescribeWorkspaces(DirectoryId, UserName) per Personal
 * directory (UserName is a server-side filter only together with DirectoryId, API reference).
 * undefined when the scope has no directory or too many for the lookup to pay: scan instead.
 */
async function byDirectories(
  ctx: ToolContext,
  scope: Scope,
  userName: string,
): Promise<Workspace[] | undefined> {
  const directories = (await listDirectories(ctx, scope)).filter(
    (d) => d.DirectoryId && d.WorkspaceType !== 'POOLS' && d.State !== 'DEREGISTERED',
  );
  if (directories.length === 0 || directories.length > MAX_DIRECTORIES_FOR_USER_LOOKUP) return undefined;
  const { DescribeWorkspacesCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const found = await mapBoundedAll(
    directories,
    ctx.limits.concurrency,
    async (d) =>
      (await client.send(new DescribeWorkspacesCommand({ DirectoryId: d.DirectoryId, UserName: userName })))
        .Workspaces ?? [],
    { signal: ctx.signal },
  );
  return found.flat();
}

/** A user's desktops in one scope by scanning it (shared with other tools), case-insensitive. */
async function byScan(ctx: ToolContext, scope: Scope, userName: string): Promise<Workspace[]> {
  const wanted = userName.toLowerCase();
  return (await listAllWorkspaces(ctx, scope)).filter((ws) => ws.UserName?.toLowerCase() === wanted);
}

/**
 * The desktops of a user in every scope. Each scope is first asked per directory; only when that
 * finds the user nowhere (AWS may match the name more strictly than an admin types it) are the
 * scopes scanned and matched case-insensitively, so a user found in one region costs no scan of
 * the others.
 */
export async function desktopsOfUser(
  ctx: ToolContext,
  scopes: readonly Scope[],
  userName: string,
): Promise<{ found: LocatedWorkspace[]; failures: SearchFailure[] }> {
  const run = async (work: (scope: Scope) => Promise<Workspace[] | undefined>, among: readonly Scope[]) =>
    mapBounded(among, ctx.limits.concurrency, work, { signal: ctx.signal });
  const first = await run(
    async (scope) => (await byDirectories(ctx, scope, userName)) ?? byScan(ctx, scope, userName),
    scopes,
  );
  const failures: SearchFailure[] = [];
  const collect = (settled: typeof first) => {
    const found: LocatedWorkspace[] = [];
    for (const outcome of settled) {
      if (!outcome.ok) failures.push({ scope: outcome.item, error: outcome.error });
      else for (const workspace of outcome.value ?? []) found.push({ scope: outcome.item, workspace });
    }
    return found;
  };
  const found = collect(first);
  if (found.length > 0) return { found, failures };
  const answered = first.flatMap((o) => (o.ok ? [o.item] : []));
  if (answered.length === 0) return { found, failures };
  const scanned = collect(await run((scope) => byScan(ctx, scope, userName), answered));
  return { found: scanned, failures };
}
