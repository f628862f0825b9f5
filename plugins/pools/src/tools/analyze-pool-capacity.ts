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
  requireSeries,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePool, PoolInput } from '../aws/locate.js';
import { lookbackWindow, readPoolSeries, seriesKey } from '../aws/metrics.js';
import { describeBundles, listPools } from '../aws/workspaces.js';
import {
  adviseCapacity,
  type CapacityAdvice,
  type CapacityVerdict,
  monthlyInstanceHours,
  monthlyUsd,
  type PoolRates,
  usageStats,
} from '../capacity-plan.js';
import { endOfSupportNotice, POOLS_SERVICE } from '../end-of-support.js';

/**
 * 15 rows of ~390 bytes (each with its reason), sent twice over MCP (structured and as escaped
 * JSON text), keep 10,000 desktops near 15 KB of the 20 KB answer budget.
 */
const MAX_ROWS = 15;
/**
 * Capacity kept above the busiest hour: launches take minutes, so a pool sized to the exact peak
 * turns away the next user of a busier day. Fixed rather than an input to keep the schema small.
 */
const HEADROOM_PERCENT = 20;

const Input = Type.Object(
  {
    pool: Type.Optional(PoolInput),
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
    ...ScopeInput,
    // Only the cursor: pages are the server's size (at most 15), which keeps the schema small.
    cursor: PageInput(MAX_ROWS).cursor,
  },
  { additionalProperties: false },
);

const Verdict = Type.Union([
  Type.Literal('over'),
  Type.Literal('under'),
  Type.Literal('right'),
  Type.Literal('blocked'),
  Type.Literal('no-data'),
  Type.Literal('not-running'),
]);

const Row = Type.Object({
  poolId: Type.String(),
  name: Type.Optional(Type.String()),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  runningMode: Type.Optional(Type.String()),
  computeType: Type.Optional(Type.String()),
  verdict: Verdict,
  desired: Type.Integer(),
  activePeak: Type.Optional(Type.Number()),
  rejected: Type.Optional(Type.Number()),
  recommended: Type.Optional(Type.Integer()),
  instanceHoursPerMonth: Type.Optional(Type.Integer({ description: '(recommended − desired) × 730.' })),
  monthlyUsd: Type.Optional(Type.Number({ description: 'List-price effect; negative saves.' })),
  reason: Type.String(),
});
type Row = Static<typeof Row>;

const Output = Type.Object({
  summary: Type.String(),
  lookbackDays: Type.Integer(),
  headroomPercent: Type.Integer(),
  byVerdict: Type.Record(Type.String(), Type.Integer()),
  monthlyUsd: Type.Optional(
    Type.Object(
      { savings: Type.Number(), added: Type.Number(), unpriced: Type.Integer() },
      {
        description: 'Sum over recommendations; unpriced = changes without a rate.',
      },
    ),
  ),
  rows: Type.Array(Row, { description: 'Changes first, biggest $ or session delta first.' }),
  nextCursor: Type.Optional(Type.String()),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const ACTIVE = { metric: 'ActiveUserSessionCapacity', stat: 'Maximum' } as const;
const REJECTED = { metric: 'InsufficientCapacityError', stat: 'Sum' } as const;

/** The part of get_euc_service_prices' answer read here (plugins never import each other). */
const PriceContract = Type.Object({
  rates: Type.Array(
    Type.Object({
      item: Type.String(),
      unit: Type.String(),
      usd: Type.Number(),
      attributes: Type.Record(Type.String(), Type.String()),
    }),
  ),
});

interface Judged {
  readonly scope: Scope;
  readonly pool: WorkspacesPool;
  readonly advice: CapacityAdvice;
  readonly activePeak?: number;
  readonly rejected?: number;
}

/** One scope: its pools (or the one named), their series in one batched read, the advice. */
async function judgeScope(
  ctx: ToolContext,
  scope: Scope,
  pools: readonly WorkspacesPool[],
  days: number,
  headroom: number,
): Promise<Judged[]> {
  const ids = pools.flatMap((p) => (p.PoolId ? [p.PoolId] : []));
  const read = await readPoolSeries(ctx, scope, ids, [ACTIVE, REJECTED], lookbackWindow(ctx.now(), days, 1));
  return pools.map((pool) => {
    const id = pool.PoolId ?? '';
    const active = read.get(seriesKey(id, ACTIVE));
    const rejected = read.get(seriesKey(id, REJECTED));
    // A series that could not be read fails the scope: "no data" would read as "not running".
    const activeSeries = active && requireSeries(active, 'ActiveUserSessionCapacity of the pools');
    const rejectedSeries = rejected && requireSeries(rejected, 'InsufficientCapacityError of the pools');
    const stats =
      activeSeries && activeSeries.values.length > 0 ? usageStats(activeSeries, rejectedSeries) : undefined;
    return {
      scope,
      pool,
      advice: adviseCapacity(pool, stats, headroom, days),
      ...(stats ? { activePeak: stats.activePeak, rejected: stats.rejected } : {}),
    };
  });
}

/** Rates per (region, compute type) from get_euc_service_prices, when that tool is reachable. */
async function ratesFor(
  ctx: ToolContext,
  region: string,
  computeType: string,
): Promise<PoolRates | undefined> {
  const outcome = await ctx.callTool(
    'get_euc_service_prices',
    { service: 'pools', regions: [region], computeType },
    PriceContract,
  );
  if (!outcome.ok) return undefined;
  const { rates } = outcome.result;
  const streaming = rates.find((r) => r.item.includes('streaming') && r.attributes.license === 'Included');
  const stopped = rates.find((r) => r.item.startsWith('Stopped instance'));
  return {
    ...(streaming ? { streamingHourly: streaming.usd } : {}),
    ...(stopped ? { stoppedHourly: stopped.usd } : {}),
  };
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const days = input.lookbackDays ?? 14;
  const headroom = HEADROOM_PERCENT;
  const errors: ErrorEntry[] = [];
  let groups: { scope: Scope; pools: WorkspacesPool[] }[];
  if (input.pool) {
    const { scope, pool } = await locatePool(ctx, input.pool, input);
    groups = [{ scope, pools: [pool] }];
  } else {
    const scopes = selectScopes(ctx.aws, input);
    const listed = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listPools(ctx, scope), {
      signal: ctx.signal,
    });
    groups = [];
    for (const outcome of listed)
      if (outcome.ok) groups.push({ scope: outcome.item, pools: outcome.value });
      else errors.push(errorEntry(POOLS_SERVICE, outcome.item, outcome.error));
  }
  const judgedByScope = await mapBounded(
    groups.filter((g) => g.pools.length > 0),
    ctx.limits.concurrency,
    ({ scope, pools }) => judgeScope(ctx, scope, pools, days, headroom),
    { signal: ctx.signal },
  );
  const judged: Judged[] = [];
  for (const outcome of judgedByScope)
    if (outcome.ok) judged.push(...outcome.value);
    else
      errors.push(
        errorEntry(
          SERVICE_LABELS.cloudwatch,
          outcome.item.scope,
          outcome.error,
          'AWS/WorkSpaces pool metrics: ',
        ),
      );
  // Compute types (for the price) only of pools with a change: one batched read per scope.
  const changing = judged.filter((j) => (j.advice.delta ?? 0) !== 0);
  const byScope = new Map<string, { scope: Scope; bundleIds: Set<string> }>();
  for (const { scope, pool } of changing) {
    const key = `${scope.account ?? ''}|${scope.region}`;
    const entry = byScope.get(key) ?? { scope, bundleIds: new Set<string>() };
    if (pool.BundleId) entry.bundleIds.add(pool.BundleId);
    byScope.set(key, entry);
  }
  const bundles = await mapBounded([...byScope.values()], ctx.limits.concurrency, ({ scope, bundleIds }) =>
    describeBundles(ctx, scope, [...bundleIds]),
  );
  const computeTypes = new Map<string, string>();
  for (const outcome of bundles) {
    if (!outcome.ok) {
      errors.push(
        errorEntry(POOLS_SERVICE, outcome.item.scope, outcome.error, 'bundles (compute type for prices): '),
      );
      continue;
    }
    for (const [id, bundle] of outcome.value)
      if (bundle.ComputeType?.Name)
        computeTypes.set(`${outcome.item.scope.region}|${id}`, bundle.ComputeType.Name);
  }
  const priceKeys = [
    ...new Set([...computeTypes.entries()].map(([key, type]) => `${key.split('|')[0]}|${type}`)),
  ];
  const rates = new Map<string, PoolRates | undefined>();
  let priceReachable = true;
  for (const key of priceKeys) {
    const [region = '', type = ''] = key.split('|');
    const found = await ratesFor(ctx, region, type);
    if (!found) priceReachable = false;
    rates.set(key, found);
  }
  const rows: Row[] = judged.map(({ scope, pool, advice, activePeak, rejected }) => {
    const computeType = computeTypes.get(`${scope.region}|${pool.BundleId ?? ''}`);
    const usd =
      advice.delta && computeType
        ? monthlyUsd(advice.delta, pool.RunningMode, rates.get(`${scope.region}|${computeType}`))
        : undefined;
    return {
      poolId: pool.PoolId ?? '',
      ...(pool.PoolName ? { name: pool.PoolName } : {}),
      ...(scope.account ? { account: scope.account } : {}),
      region: scope.region,
      ...(pool.RunningMode ? { runningMode: pool.RunningMode } : {}),
      ...(computeType ? { computeType } : {}),
      verdict: advice.verdict,
      desired: advice.desired,
      ...(activePeak !== undefined ? { activePeak } : {}),
      ...(rejected !== undefined ? { rejected } : {}),
      ...(advice.recommended !== undefined ? { recommended: advice.recommended } : {}),
      ...(advice.delta ? { instanceHoursPerMonth: monthlyInstanceHours(advice.delta) } : {}),
      ...(usd !== undefined ? { monthlyUsd: usd } : {}),
      reason: advice.reason,
    };
  });
  const weight = (r: Row) => Math.abs(r.monthlyUsd ?? 0) * 1000 + Math.abs(r.instanceHoursPerMonth ?? 0);
  rows.sort(
    (a, b) => weight(b) - weight(a) || a.region.localeCompare(b.region) || a.poolId.localeCompare(b.poolId),
  );
  const byVerdict: Partial<Record<CapacityVerdict, number>> = {};
  for (const r of rows) byVerdict[r.verdict] = (byVerdict[r.verdict] ?? 0) + 1;
  const priced = rows.filter((r) => r.monthlyUsd !== undefined);
  const savings = priced.filter((r) => (r.monthlyUsd ?? 0) < 0).reduce((s, r) => s - (r.monthlyUsd ?? 0), 0);
  const added = priced.filter((r) => (r.monthlyUsd ?? 0) > 0).reduce((s, r) => s + (r.monthlyUsd ?? 0), 0);
  const changes = rows.filter((r) => r.instanceHoursPerMonth !== undefined);
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, MAX_ROWS),
  });
  const notes = [
    endOfSupportNotice(ctx.now()),
    `Sized for the busiest hour in ${days} day(s) (ActiveUserSessionCapacity hourly Maximum) + ${headroom}% headroom. One session = one instance: ALWAYS_ON pays the streaming rate for it every hour, AUTO_STOP the stopped-instance fee while unused (730 h month, list prices).`,
    ...(changes.length > priced.length
      ? [
          `No $ for ${changes.length - priced.length} change(s): prices come from get_euc_service_prices (cost plugin, tier 1) at the compute type of the pool's bundle${priceReachable ? ' (bundle or rate not found)' : ', which is not enabled or failed'}; instanceHoursPerMonth is the basis.`,
        ]
      : []),
    'Scheduled or target-tracking scaling (Application Auto Scaling) changes Desired over the day; set its min/max instead if the pool has it.',
  ];
  const counted = Object.entries(byVerdict)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
  const summary =
    `${rows.length} WorkSpaces Pools pool(s) sized on ${days} day(s): ${counted || 'none'}.` +
    (priced.length > 0
      ? ` Priced changes: save $${Math.round(savings * 100) / 100}/month, add $${Math.round(added * 100) / 100}/month.`
      : '') +
    pageNote(offset, page.length, nextCursor) +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    lookbackDays: days,
    headroomPercent: headroom,
    byVerdict,
    ...(changes.length > 0
      ? {
          monthlyUsd: {
            savings: Math.round(savings * 100) / 100,
            added: Math.round(added * 100) / 100,
            unpriced: changes.length - priced.length,
          },
        }
      : {}),
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    notes,
    errors,
  };
}

/** analyze_pool_capacity: over- and under-provisioned pools and what to set instead. */
export const analyzePoolCapacity = defineTool({
  name: 'analyze_pool_capacity',
  title: 'Analyze WorkSpaces pool capacity',
  description:
    'Which WorkSpaces Pools pools (EOS 2027-12-31) are over/under capacity? Desired sessions for the hourly peak + 20% (default 14 days); instance-hours and $/month.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspaceBundles',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
