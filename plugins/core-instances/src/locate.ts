/**
 * Finding managed instances by id in whichever configured account/region holds them. An instance
 * id does not say where it lives, and GetWorkspaceInstance answers ResourceNotFoundException
 * everywhere else, so each id is asked in each selected scope (bounded concurrency) and a
 * not-found is "not here", not a failure. Any other failure means that scope could not be searched.
 */
import type { GetWorkspaceInstanceResponse } from '@aws-sdk/client-workspaces-instances';
import {
  mapBounded,
  type Scope,
  scopeLabel,
  selectScopes,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import { getInstance, isNotFound } from './aws.js';

/** One instance and where it was found. */
export interface Located {
  readonly scope: Scope;
  readonly instance: GetWorkspaceInstanceResponse;
}

/** A scope that could not be searched, with what it threw. */
export interface SearchFailure {
  readonly scope: Scope;
  readonly error: unknown;
}

/** What a search found: by id, and the scopes it could not search (one entry per scope). */
export interface SearchResult {
  readonly scopes: readonly Scope[];
  readonly found: ReadonlyMap<string, Located>;
  readonly failures: readonly SearchFailure[];
}

/** Looks for every id in every scope of the selection. */
export async function locateInstances(
  ctx: ToolContext,
  selection: { readonly accounts?: readonly string[]; readonly regions?: readonly string[] },
  ids: readonly string[],
): Promise<SearchResult> {
  const scopes = selectScopes(ctx.aws, selection);
  const pairs = ids.flatMap((id) => scopes.map((scope) => ({ id, scope })));
  const settled = await mapBounded(
    pairs,
    ctx.limits.concurrency,
    ({ id, scope }) => getInstance(ctx, scope, id),
    { signal: ctx.signal },
  );
  const found = new Map<string, Located>();
  const failures = new Map<string, SearchFailure>();
  for (const outcome of settled) {
    const { id, scope } = outcome.item;
    if (outcome.ok) {
      if (!found.has(id)) found.set(id, { scope, instance: outcome.value });
    } else if (!isNotFound(outcome.error) && !failures.has(scopeLabel(scope)))
      failures.set(scopeLabel(scope), { scope, error: outcome.error });
  }
  return { scopes, found, failures: [...failures.values()] };
}

/** "111122223333/us-east-1, 111122223333/eu-west-1": the scopes a search covered. */
export function searched(scopes: readonly Scope[]): string {
  return scopes.map(scopeLabel).join(', ');
}

/** The not-found error of a one-resource tool: the input, where it looked, what it could not search. */
export function notFoundError(input: string, id: string, search: SearchResult): ToolError {
  const failed = search.failures.map((f) => scopeLabel(f.scope));
  const reachable = search.scopes.filter((s) => !failed.includes(scopeLabel(s)));
  const unsearched =
    failed.length > 0
      ? ` Could not search ${failed.join(', ')} (${search.failures
          .map((f) => (f.error as { name?: string }).name ?? 'Error')
          .join(', ')}); it may be there.`
      : '';
  return new ToolError(
    'NotFound',
    `${input}: ${id} is not a Core managed instance in ${reachable.length > 0 ? searched(reachable) : 'any searchable scope'}.${unsearched} Check the id with list_core_managed_instances, or widen accounts/regions.`,
  );
}
