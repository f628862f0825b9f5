import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  PageInput,
  pageNote,
  pageOf,
  type Scope,
  ScopeInput,
  scopeLabel,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePool, PoolInput } from '../aws/locate.js';
import { listPoolSessions, listPools } from '../aws/workspaces.js';
import { capacityOf, isServing } from '../capacity.js';
import { endOfSupportNotice, POOLS_SERVICE } from '../end-of-support.js';
import { countSessions, matchesSession, SessionRow, sessionRow } from '../sessions.js';

/**
 * 30 rows of ~215 bytes, sent twice over MCP (structured and as escaped JSON text), keep 10,000
 * desktops near 17 KB of the 20 KB answer budget; `matched` and `byPool` count the rest.
 */
const MAX_ROWS = 30;
/** Pools named in `byPool`, busiest first. */
const TOP_POOLS = 10;

const Input = Type.Object(
  {
    pool: Type.Optional(PoolInput),
    user: Type.Optional(Type.String()),
    connected: Type.Optional(Type.Boolean()),
    ip: Type.Optional(Type.String({ description: 'IP, prefix or CIDR' })),
    ...ScopeInput,
    // Only the cursor: pages are the server's size (at most 30), which keeps the schema small.
    cursor: PageInput(MAX_ROWS).cursor,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  matched: Type.Integer(),
  connected: Type.Integer(),
  notConnected: Type.Integer(),
  poolsRead: Type.Integer(),
  byPool: Type.Array(
    Type.Object({ poolId: Type.String(), name: Type.Optional(Type.String()), sessions: Type.Integer() }),
    { description: `Matching sessions per pool, top ${TOP_POOLS}.` },
  ),
  rows: Type.Array(SessionRow),
  nextCursor: Type.Optional(Type.String()),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

interface PoolAt {
  readonly scope: Scope;
  readonly pool: WorkspacesPool;
}

/** Errors of many pools in one scope collapse to one entry per code, so the list stays bounded. */
function collapse(entries: readonly ErrorEntry[]): ErrorEntry[] {
  const byKey = new Map<string, { entry: ErrorEntry; count: number }>();
  for (const entry of entries) {
    const key = `${entry.account ?? ''}|${entry.region}|${entry.code}`;
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { entry, count: 1 });
  }
  return [...byKey.values()].map(({ entry, count }) =>
    count === 1 ? entry : { ...entry, message: `${count} pools: ${entry.message}` },
  );
}

/** The pools to read: the one named, or every pool that has sessions now in the selected scopes. */
async function poolsToRead(
  input: Static<typeof Input>,
  ctx: ToolContext,
  errors: ErrorEntry[],
): Promise<PoolAt[]> {
  if (input.pool) {
    const { scope, pool } = await locatePool(ctx, input.pool, input);
    return [{ scope, pool }];
  }
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listPools(ctx, scope), {
    signal: ctx.signal,
  });
  const pools: PoolAt[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) errors.push(errorEntry(POOLS_SERVICE, outcome.item, outcome.error));
    // DescribeWorkspacesPoolSessions takes one pool; a pool with no active session has none to list.
    else
      for (const pool of outcome.value)
        if (isServing(pool.State) && capacityOf(pool).active > 0) pools.push({ scope: outcome.item, pool });
  }
  return pools;
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const now = ctx.now();
  const errors: ErrorEntry[] = [];
  const pools = await poolsToRead(input, ctx, errors);
  const settled = await mapBounded(
    pools,
    ctx.limits.concurrency,
    ({ scope, pool }) => listPoolSessions(ctx, scope, pool.PoolId ?? ''),
    { signal: ctx.signal },
  );
  const filter = {
    user: input.user,
    ip: input.ip,
    state: input.connected === undefined ? undefined : input.connected ? 'CONNECTED' : 'NOT_CONNECTED',
  } as const;
  const rows: SessionRow[] = [];
  const sessionErrors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      sessionErrors.push(
        errorEntry(
          POOLS_SERVICE,
          outcome.item.scope,
          outcome.error,
          `sessions of ${outcome.item.pool.PoolId}: `,
        ),
      );
      continue;
    }
    for (const session of outcome.value) {
      const row = sessionRow(session, outcome.item.scope, now);
      if (matchesSession(row, filter)) rows.push(row);
    }
  }
  errors.push(...collapse(sessionErrors));
  rows.sort(
    (a, b) =>
      (a.account ?? '').localeCompare(b.account ?? '') ||
      a.region.localeCompare(b.region) ||
      a.poolId.localeCompare(b.poolId) ||
      a.user.localeCompare(b.user) ||
      a.sessionId.localeCompare(b.sessionId),
  );
  const names = new Map(pools.map(({ pool }) => [pool.PoolId ?? '', pool.PoolName]));
  const perPool = new Map<string, number>();
  for (const row of rows) perPool.set(row.poolId, (perPool.get(row.poolId) ?? 0) + 1);
  const byPool = [...perPool.entries()]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, TOP_POOLS)
    .map(([poolId, sessions]) => {
      const name = names.get(poolId);
      return { poolId, ...(name ? { name } : {}), sessions };
    });
  const counts = countSessions(rows);
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, MAX_ROWS),
  });
  const filtered = input.user || input.connected !== undefined || input.ip ? ' matching the filters' : '';
  const where = input.pool
    ? `pool ${pools[0]?.pool.PoolName ?? pools[0]?.pool.PoolId ?? input.pool} (${pools[0] ? scopeLabel(pools[0].scope) : ''})`
    : `${pools.length} pool(s) with sessions`;
  const summary =
    `${counts.total} WorkSpaces Pools session(s)${filtered} in ${where}: ${counts.connected} connected, ${counts.notConnected} not connected (holding an instance until DisconnectTimeout).` +
    pageNote(offset, page.length, nextCursor) +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    matched: counts.total,
    connected: counts.connected,
    notConnected: counts.notConnected,
    poolsRead: pools.length,
    byPool,
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    notes: [
      endOfSupportNotice(now),
      ...(input.pool
        ? []
        : ['Pools whose CapacityStatus shows no active session are not read (they have none).']),
    ],
    errors,
  };
}

/** list_pool_sessions: who is on WorkSpaces Pools now, estate-wide or in one pool. */
export const listPoolSessionsTool = defineTool({
  name: 'list_pool_sessions',
  title: 'List WorkSpaces pool sessions',
  description:
    'Live WorkSpaces Pools sessions (EOS 2027-12-31), one pool or all, by user (part), connection or ENI IP.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspacesPools', 'workspaces:DescribeWorkspacesPoolSessions'],
  input: Input,
  output: Output,
  run,
});
