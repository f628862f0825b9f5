/**
 * Finding one pool wherever it lives. An ARN names its account and region, so only that scope is
 * read; a pool id or name is looked for in every selected scope. Either way the pool comes from
 * the shared DescribeWorkspacesPools scan (`listPools`), so a one-pool tool costs one read action
 * for the lookup and nothing more when another tool of the same call already listed.
 */
import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import {
  mapBounded,
  type Scope,
  type ScopeSelection,
  scopeLabel,
  scopeOfArn,
  selectScopes,
  summarizeError,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { listPools } from './workspaces.js';

/** The `pool` input of every one-pool tool. */
export const PoolInput = Type.String({ description: 'Pool id, ARN or name' });

const POOL_ARN = /^arn:aws[a-z-]*:workspaces:([a-z0-9-]+):(\d{12}):workspacespool\/(wspool-[0-9a-z]{9})$/;

/** A pool and the account/region it was found in. */
export interface LocatedPool {
  readonly scope: Scope;
  readonly pool: WorkspacesPool;
  readonly poolId: string;
}

/** How a located pool reads in answers: `name (wspool-…, 1111…/us-east-1)`. */
export function poolLabel(where: LocatedPool): string {
  const name = where.pool.PoolName;
  return `${name ? `${name} (${where.poolId}, ` : `${where.poolId} (`}${scopeLabel(where.scope)})`;
}

/**
 * The pool `wanted` names (ARN, id, or exact name, case-insensitive) in the selected scopes.
 * Throws a `ToolError` naming `field` when it is nowhere (saying where it looked and which scopes
 * could not be read) or when a name matches more than one pool.
 */
export async function locatePool(
  ctx: ToolContext,
  wanted: string,
  selection: ScopeSelection,
  field = 'pool',
): Promise<LocatedPool> {
  const trimmed = wanted.trim();
  const arn = POOL_ARN.exec(trimmed);
  if (arn) {
    const [, region = '', account = '', poolId = ''] = arn;
    const scope = scopeOfArn(ctx.aws, trimmed, field);
    const pool = (await listPools(ctx, scope)).find((p) => p.PoolId === poolId);
    if (!pool)
      throw new ToolError(
        'NotFound',
        `${field}: no pool ${poolId} in ${scopeLabel({ region, account })} (DescribeWorkspacesPools). It may have been deleted.`,
      );
    return { scope, pool, poolId };
  }
  const scopes = selectScopes(ctx.aws, selection);
  const name = trimmed.toLowerCase();
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listPools(ctx, scope), {
    signal: ctx.signal,
  });
  const byId: LocatedPool[] = [];
  const byName: LocatedPool[] = [];
  const unread: string[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      unread.push(`${scopeLabel(outcome.item)} (${summarizeError(outcome.error).code})`);
      continue;
    }
    for (const pool of outcome.value) {
      const located = { scope: outcome.item, pool, poolId: pool.PoolId ?? '' };
      if (pool.PoolId === trimmed) byId.push(located);
      else if (pool.PoolName?.toLowerCase() === name) byName.push(located);
    }
  }
  const [only] = byId.length > 0 ? byId : byName;
  if (only && (byId.length > 0 || byName.length === 1)) return only;
  if (byName.length > 1)
    throw new ToolError(
      'Ambiguous',
      `${field}: "${trimmed}" is the name of ${byName.length} pools (${byName
        .map((p) => `${p.poolId} in ${scopeLabel(p.scope)}`)
        .join(', ')}); pass the pool id or ARN.`,
    );
  throw new ToolError(
    'NotFound',
    `${field}: no WorkSpaces Pools pool with id or name "${trimmed}" in ${scopes.map(scopeLabel).join(', ')}` +
      (unread.length > 0 ? `; could not read ${unread.join(', ')}` : '') +
      '. Pools are listed by get_euc_inventory_summary; or widen accounts/regions.',
  );
}
