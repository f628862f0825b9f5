import {
  type ContributionScope,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type IdleContributor,
  mapBounded,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import type { Desktop } from '../desktops/desktops.js';
import type { PlannedDesktop } from '../plan/cost-plan.js';
import { DEFAULT_PLAN, planScope, unusedWindowStart } from '../plan/plan-scope.js';
import {
  inRange,
  listNote,
  OtherScopes,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  sumOf,
  topScopes,
  type Where,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { usd } from '../shared/numbers.js';
import type { UnusedVerdict } from '../unused/unused.js';

/**
 * Rows a default answer lists: 16 priced rows (~400 bytes each, sent twice over MCP: structured
 * and as escaped JSON text) keep 20 account/region scopes near 17 KB of the 20 KB budget.
 */
const DEFAULT_ROWS = 16;

const Input = Type.Object(
  {
    ...ScopeInput,
    idleDays: Type.Optional(Type.Integer()),
    includeOtherServices: Type.Optional(Type.Boolean()),
    ...PageFields,
  },
  { additionalProperties: false },
);

const Item = Type.Object({
  service: Type.String(),
  resourceType: Type.String(),
  id: Type.String(),
  name: Type.Optional(Type.String()),
  ...WhereFields,
  state: Type.Optional(Type.String()),
  runningMode: Type.Optional(Type.String()),
  idleDays: Type.Union([Type.Integer(), Type.Null()], {
    description: "null: never used, or unknown when usageSignal is 'none'.",
  }),
  usageSignal: Type.Union([Type.Literal('last-use'), Type.Literal('never-used'), Type.Literal('none')]),
  lastConnection: Type.Optional(Type.String()),
  action: Type.Optional(
    Type.Union([Type.Literal('terminate'), Type.Literal('review')], {
      description: 'Desktops: the cost plan’s action; review = used per UserConnected, not terminated.',
    }),
  ),
  reason: Type.String(),
  monthlyCostUsd: Type.Optional(Type.Number({ description: 'Saved a month by removing it (list prices).' })),
});
type Item = Static<typeof Item>;

const Counts = Type.Object({
  desktopsChecked: Type.Integer(),
  unused: Type.Integer({ description: 'Last connection before the window start.' }),
  neverConnected: Type.Integer({ description: 'Never connected and shown to exist at the window start.' }),
  neverConnectedUnconfirmed: Type.Integer({ description: 'Never connected, possibly new: not listed.' }),
  unknown: Type.Integer({ description: 'Lookup failed: treated as in use.' }),
  standbyExcluded: Type.Integer(),
  otherServices: Type.Integer(),
});
type Counts = Static<typeof Counts>;

const Output = Type.Object({
  summary: Type.String(),
  idleDays: Type.Integer(),
  windowStart: Type.String(),
  counts: Counts,
  totalMonthlySavingUsd: Type.Number({
    description: 'Every priced unused desktop and resource, listed or not.',
  }),
  byScope: Type.Array(
    Type.Object({ ...WhereFields, unusedDesktops: Type.Integer(), otherServices: Type.Integer() }),
    { description: 'The scopes with the most unused resources.' },
  ),
  otherScopes: OtherScopes({ unusedDesktops: Type.Integer(), otherServices: Type.Integer() }),
  items: Type.Array(Item, { description: 'Largest monthly cost first; unpriced after, longest idle first.' }),
  totalItems: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  needsReview: Type.Array(Type.Object({ workspaceId: Type.String(), ...WhereFields }), {
    description: 'Up to 5 never-connected desktops that may be new.',
  }),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

function billingHint(desktop: Desktop): string {
  switch (desktop.runningMode) {
    case 'ALWAYS_ON':
      return ' ALWAYS_ON: full monthly fee.';
    case 'AUTO_STOP':
      return ' AUTO_STOP: monthly base fee.';
    default:
      return '';
  }
}

function desktopItem(
  desktop: Desktop,
  where: Where,
  verdict: UnusedVerdict,
  plan: PlannedDesktop,
): Item | undefined {
  const base = {
    service: SERVICE_LABELS.personal,
    resourceType: 'WorkSpace',
    id: desktop.workspaceId,
    ...(desktop.userName ? { name: desktop.userName } : {}),
    ...where,
    state: desktop.state,
    ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
  };
  // The plan's terminate carries the $; a desktop UserConnected shows in use is only for review.
  const priced =
    plan.action === 'terminate' && !plan.unpricedWhy ? { monthlyCostUsd: usd(plan.monthlySavingUsd) } : {};
  const action = plan.action === 'terminate' ? ('terminate' as const) : ('review' as const);
  const why =
    plan.action !== 'terminate'
      ? ` ${plan.reason}`
      : plan.unpricedWhy
        ? `${billingHint(desktop)} Unpriced: ${plan.unpricedWhy}`
        : '';
  if (verdict.kind === 'unused')
    return {
      ...base,
      idleDays: verdict.idleDays,
      usageSignal: 'last-use',
      lastConnection: verdict.lastConnection.toISOString().slice(0, 10),
      action,
      reason: `No connection for ${verdict.idleDays} days.${why}`,
      ...priced,
    };
  if (verdict.kind === 'never-connected')
    return {
      ...base,
      idleDays: null,
      usageSignal: 'never-used',
      action,
      reason: `Never connected since before the window.${why}`,
      ...priced,
    };
  return undefined;
}

/** Every loaded plugin's idle resources in `scope`; a failing contributor is one error entry. */
async function contributed(
  ctx: ToolContext,
  scope: ContributionScope,
  where: Where,
  idleDays: number,
): Promise<{ items: Item[]; errors: ErrorEntry[] }> {
  const settled = await mapBounded(
    ctx.contributions.idle,
    ctx.limits.concurrency,
    (contributor: IdleContributor) => contributor.collect(ctx, scope, { idleDays }),
    { signal: ctx.signal },
  );
  const items: Item[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    const { service } = outcome.item;
    if (!outcome.ok) {
      errors.push(errorEntry(service, scope, outcome.error));
      continue;
    }
    for (const resource of outcome.value)
      items.push({
        service,
        resourceType: resource.resourceType,
        id: resource.id,
        ...where,
        idleDays: resource.idleDays,
        usageSignal: resource.usageSignal ?? (resource.idleDays === null ? 'never-used' : 'last-use'),
        reason: resource.reason,
        ...(resource.monthlyCostUsd !== undefined ? { monthlyCostUsd: resource.monthlyCostUsd } : {}),
      });
  }
  return { items, errors };
}

/** What one account/region holds that nobody used. */
interface ScopeUnused {
  readonly counts: Counts;
  readonly items: Item[];
  readonly needsReview: { workspaceId: string; region: string; account?: string }[];
  readonly errors: ErrorEntry[];
}

/** One scope: last connections of its desktops, existence checks of the never-connected, contributions. */
async function unusedInScope(
  ctx: ToolContext,
  scope: Scope,
  where: Where,
  options: { readonly idleDays: number; readonly includeOther: boolean },
): Promise<ScopeUnused> {
  const { idleDays } = options;
  const planned = await planScope(ctx, scope, { ...DEFAULT_PLAN, idleDays, sizing: false });
  const errors: ErrorEntry[] = [...planned.errors];
  const counts: Counts = {
    desktopsChecked: planned.rows.length,
    unused: 0,
    neverConnected: 0,
    neverConnectedUnconfirmed: 0,
    unknown: 0,
    standbyExcluded: planned.scan.standbyExcluded,
    otherServices: 0,
  };
  const items: Item[] = [];
  const needsReview: ScopeUnused['needsReview'] = [];
  for (const { desktop, unused: verdict, plan } of planned.rows) {
    if (!verdict) continue;
    if (verdict.kind === 'unused') counts.unused += 1;
    if (verdict.kind === 'never-connected') counts.neverConnected += 1;
    if (verdict.kind === 'unknown') counts.unknown += 1;
    if (verdict.kind === 'never-connected-unconfirmed') {
      counts.neverConnectedUnconfirmed += 1;
      if (needsReview.length < REVIEW_ROWS) needsReview.push({ workspaceId: desktop.workspaceId, ...where });
    }
    const item = desktopItem(desktop, where, verdict, plan);
    if (item) items.push(item);
  }
  if (options.includeOther) {
    const other = await contributed(ctx, scope, where, idleDays);
    counts.otherServices = other.items.length;
    items.push(...other.items);
    errors.push(...other.errors);
  }
  return { counts, items, needsReview, errors };
}

/** Never-connected desktops listed for review at most (the count covers all). */
const REVIEW_ROWS = 5;

/** list_unused_resources: desktops (and other services' resources) nobody used in N days. */
export const listUnusedResources = defineTool({
  name: 'list_unused_resources',
  title: 'Unused EUC resources',
  description:
    "What has nobody used in idleDays (default 30)? Personal desktops by last connection (never-connected only if they existed at the window start; failed lookup = in use), plus other plugins' idle pools, fleets, builders, portals.",
  tier: 1,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'cloudwatch:GetMetricData',
    'pricing:GetProducts',
  ],
  consumes: ['idle'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('idleDays', input.idleDays, 1, 90);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const idleDays = input.idleDays ?? 30;
    const now = ctx.now();
    const windowStart = unusedWindowStart(now, idleDays);
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope, where) =>
      unusedInScope(ctx, scope, where, { idleDays, includeOther: input.includeOtherServices ?? true }),
    );
    const counts: Counts = {
      desktopsChecked: 0,
      unused: 0,
      neverConnected: 0,
      neverConnectedUnconfirmed: 0,
      unknown: 0,
      standbyExcluded: 0,
      otherServices: 0,
    };
    for (const { value } of read.answered)
      for (const key of Object.keys(counts) as (keyof Counts)[]) counts[key] += value.counts[key];
    const items = read.answered.flatMap(({ value }) => value.items);
    const errors = [...read.errors, ...read.answered.flatMap(({ value }) => value.errors)];
    // Largest monthly cost first; then unpriced: never used first, the longest idle, no signal last.
    const rank = (item: Item) =>
      item.usageSignal === 'none' ? -1 : (item.idleDays ?? Number.POSITIVE_INFINITY);
    const cost = (item: Item) => item.monthlyCostUsd ?? -1;
    items.sort(
      (a, b) =>
        cost(b) - cost(a) ||
        rank(b) - rank(a) ||
        a.service.localeCompare(b.service) ||
        a.region.localeCompare(b.region) ||
        a.id.localeCompare(b.id),
    );
    const { page, offset, nextCursor } = pageOf(items, input, limits);
    const scopes = topScopes(
      read.answered.map(({ scope, value }) => ({
        ...whereOf(scope, read.multiAccount),
        unusedDesktops: value.counts.unused + value.counts.neverConnected,
        otherServices: value.counts.otherServices,
      })),
      (s) => s.unusedDesktops + s.otherServices,
    );
    const totalSaving = usd(items.reduce((sum, item) => sum + (item.monthlyCostUsd ?? 0), 0));
    const unpriced = items.filter(
      (item) => item.monthlyCostUsd === undefined && item.action !== 'review',
    ).length;
    const summary =
      `${counts.unused + counts.neverConnected} of ${counts.desktopsChecked} desktops in ${scopesPhrase(read)} unused for ${idleDays}+ days ` +
      `(${counts.neverConnected} never connected)` +
      (counts.otherServices > 0 ? `, plus ${counts.otherServices} idle resources in other services` : '') +
      `; removing them saves ≈$${totalSaving.toFixed(2)}/month at list prices` +
      (unpriced > 0 ? ` (${unpriced} unpriced, each says why)` : '') +
      '.' +
      (counts.neverConnectedUnconfirmed > 0
        ? ` ${counts.neverConnectedUnconfirmed} never-connected desktops may be new (needsReview).`
        : '') +
      (counts.unknown > 0 ? ` ${counts.unknown} could not be checked and count as in use.` : '') +
      partialNote(errors) +
      listNote(offset, page.length, items.length, nextCursor);
    return {
      summary,
      idleDays,
      windowStart: windowStart.toISOString(),
      counts,
      totalMonthlySavingUsd: totalSaving,
      byScope: scopes.shown,
      ...(scopes.rest.length > 0
        ? {
            otherScopes: {
              scopes: scopes.rest.length,
              ...sumOf(scopes.rest, ['unusedDesktops', 'otherServices']),
            },
          }
        : {}),
      items: page,
      totalItems: items.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      needsReview: read.answered.flatMap(({ value }) => value.needsReview).slice(0, REVIEW_ROWS),
      errors: errors.slice(0, 100),
      notes: [
        'Unused = the last known user connection (DescribeWorkspacesConnectionStatus) is older than the window; never-connected desktops count only when Available/Stopped datapoints on the window’s first day show they existed then.',
        'One cost plan per desktop (shared with recommend_bundle_rightsizing and recommend_running_mode): an unused desktop is to be terminated (after a backup), saving its whole bill at list prices; one with connected hours in the last 14 days is only for review, never terminated.',
      ],
    };
  },
});
