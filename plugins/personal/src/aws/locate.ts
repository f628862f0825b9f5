/**
 * Finding desktops by id in whichever configured account/region holds them. A WorkSpace id does
 * not say where it lives, and DescribeWorkspaces simply omits ids it does not know, so the ids are
 * asked in every selected scope (25 a request, scopes in parallel up to the concurrency limit):
 * a few requests instead of a scan of the estate. A scope that fails could not be searched; when
 * every scope fails the first failure is thrown (an access denial then names the IAM action).
 */
import type { Workspace } from '@aws-sdk/client-workspaces';
import {
  type AwsAccess,
  mapBounded,
  type Scope,
  ScopeInput,
  type ScopeSelection,
  selectScopes,
  summarizeError,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import { placeLabel, placesText } from './scopes.js';
import { describeWorkspacesByIds } from './workspaces.js';

/**
 * The scope inputs of a tool that finds desktops by id (one-desktop reads and writes): accounts
 * and regions narrow the search. No `fresh`: ids are always read live (DescribeWorkspaces by id,
 * never the estate snapshot), and writes always read fresh, as the server instructions say once.
 */
export const LocateScopeInput = { accounts: ScopeInput.accounts, regions: ScopeInput.regions };

/** A desktop and the scope it was found in. */
export interface LocatedWorkspace {
  readonly scope: Scope;
  readonly workspace: Workspace;
}

/** A scope that could not be searched, with what it threw. */
export interface SearchFailure {
  readonly scope: Scope;
  readonly error: unknown;
}

/** What a search found, by id, and the scopes it could not search. */
export interface WorkspaceSearch {
  readonly scopes: readonly Scope[];
  readonly found: ReadonlyMap<string, LocatedWorkspace>;
  readonly failures: readonly SearchFailure[];
}

/** Looks for every id in every selected scope; the first scope (config order) holding an id wins. */
export async function locateWorkspaces(
  ctx: ToolContext,
  selection: ScopeSelection,
  workspaceIds: readonly string[],
): Promise<WorkspaceSearch> {
  const scopes = selectScopes(ctx.aws, selection);
  if (workspaceIds.length === 0) return { scopes, found: new Map(), failures: [] };
  const settled = await mapBounded(
    scopes,
    ctx.limits.concurrency,
    (scope) => describeWorkspacesByIds(ctx, scope, workspaceIds),
    { signal: ctx.signal },
  );
  const found = new Map<string, LocatedWorkspace>();
  const failures: SearchFailure[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      failures.push({ scope: outcome.item, error: outcome.error });
      continue;
    }
    for (const [id, workspace] of outcome.value)
      if (!found.has(id)) found.set(id, { scope: outcome.item, workspace });
  }
  const [first] = failures;
  if (first && failures.length === scopes.length) throw first.error;
  return { scopes, found, failures };
}

/** "could not search eu-west-1 (AccessDeniedException)", or '' when every scope answered. */
export function unsearched(aws: AwsAccess, failures: readonly SearchFailure[]): string {
  if (failures.length === 0) return '';
  return `could not search ${failures
    .map((f) => `${placeLabel(aws, f.scope)} (${summarizeError(f.error).code})`)
    .join(', ')}`;
}

/** Where a search looked and what it could not read, for a not-found message or a skipped target. */
export function searchedText(aws: AwsAccess, search: Pick<WorkspaceSearch, 'scopes' | 'failures'>): string {
  const failed = new Set(search.failures.map((f) => placeLabel(aws, f.scope)));
  const read = search.scopes.filter((s) => !failed.has(placeLabel(aws, s)));
  const where = read.length > 0 ? `in ${placesText(aws, read)}` : 'in any scope that could be read';
  const missing = unsearched(aws, search.failures);
  return missing ? `${where}; ${missing}` : where;
}

/** The not-found error of a one-desktop input: the field, the id, where it looked. */
export function workspaceNotFound(
  aws: AwsAccess,
  field: string,
  id: string,
  search: Pick<WorkspaceSearch, 'scopes' | 'failures'>,
): ToolError {
  return new ToolError(
    'NotFound',
    `${field}: no WorkSpace ${id} ${searchedText(aws, search)}. It may be terminated; search with find_workspaces, or widen accounts/regions.`,
  );
}

/** The one desktop `workspaceId` names, wherever it is; a `ToolError` naming `field` when nowhere. */
export async function locateWorkspace(
  ctx: ToolContext,
  selection: ScopeSelection,
  workspaceId: string,
  field = 'workspaceId',
): Promise<LocatedWorkspace> {
  const search = await locateWorkspaces(ctx, selection, [workspaceId]);
  const located = search.found.get(workspaceId);
  if (!located) throw workspaceNotFound(ctx.aws, field, workspaceId, search);
  return located;
}

/**
 * Desktops matched by `work` in every scope (bounded), each with its scope; scopes that failed are
 * returned as failures, and when every scope failed the first failure is thrown.
 */
export async function searchScopes(
  ctx: ToolContext,
  scopes: readonly Scope[],
  work: (scope: Scope) => Promise<readonly Workspace[]>,
): Promise<{ found: LocatedWorkspace[]; failures: SearchFailure[] }> {
  const settled = await mapBounded(scopes, ctx.limits.concurrency, work, { signal: ctx.signal });
  const found: LocatedWorkspace[] = [];
  const failures: SearchFailure[] = [];
  for (const outcome of settled) {
    if (outcome.ok) for (const workspace of outcome.value) found.push({ scope: outcome.item, workspace });
    else failures.push({ scope: outcome.item, error: outcome.error });
  }
  const [first] = failures;
  if (first && failures.length === scopes.length) throw first.error;
  return { found, failures };
}
