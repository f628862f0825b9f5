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
import { readLastConnections } from '../desktops/connections.js';
import { type Desktop, isBilled, listDesktops } from '../desktops/desktops.js';
import {
  inRange,
  listNote,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  type Where,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { HOUR_MS } from '../shared/hours.js';
import { readExistence } from '../unused/existence.js';
import { judgeUnused, needsExistenceCheck, type UnusedVerdict } from '../unused/unused.js';

/**
 * Rows a default answer lists: 20 terse rows, sent twice over MCP (structured and as escaped JSON
 * text), keep 10,000 desktops near 16 KB of the 20 KB budget.
 */
const DEFAULT_ROWS = 20;

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
  reason: Type.String(),
  monthlyCostUsd: Type.Optional(Type.Number()),
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
  byScope: Type.Array(
    Type.Object({ ...WhereFields, unusedDesktops: Type.Integer(), otherServices: Type.Integer() }),
  ),
  items: Type.Array(Item, { description: 'Never-connected first, then the longest idle.' }),
  totalItems: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  needsReview: Type.Array(Type.Object({ workspaceId: Type.String(), ...WhereFields }), {
    description: 'Up to 10 never-connected desktops that may be new.',
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

function desktopItem(desktop: Desktop, where: Where, verdict: UnusedVerdict): Item | undefined {
  const base = {
    service: SERVICE_LABELS.personal,
    resourceType: 'WorkSpace',
    id: desktop.workspaceId,
    ...(desktop.userName ? { name: desktop.userName } : {}),
    ...where,
    state: desktop.state,
    ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
  };
  if (verdict.kind === 'unused')
    return {
      ...base,
      idleDays: verdict.idleDays,
      usageSignal: 'last-use',
      lastConnection: verdict.lastConnection.toISOString().slice(0, 10),
      reason: `No connection for ${verdict.idleDays} days.${billingHint(desktop)}`,
    };
  if (verdict.kind === 'never-connected')
    return {
      ...base,
      idleDays: null,
      usageSignal: 'never-used',
      reason: `Never connected since before the window.${billingHint(desktop)}`,
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
  options: { readonly idleDays: number; readonly windowStart: Date; readonly includeOther: boolean },
): Promise<ScopeUnused> {
  const { idleDays, windowStart } = options;
  const all = await listDesktops(ctx, scope);
  const billed = all.filter(isBilled);
  const checked = billed.filter((d) => !d.isStandby);
  const { lookups, errors } = await readLastConnections(ctx, scope, checked);
  const neverIds = checked
    .filter((d) => needsExistenceCheck(lookups.get(d.workspaceId) ?? { ok: false, message: '' }))
    .map((d) => d.workspaceId);
  const existence =
    neverIds.length > 0
      ? await readExistence(ctx, scope, neverIds, windowStart)
      : { existence: new Map(), errors: [] };
  errors.push(...existence.errors);
  const counts: Counts = {
    desktopsChecked: checked.length,
    unused: 0,
    neverConnected: 0,
    neverConnectedUnconfirmed: 0,
    unknown: 0,
    standbyExcluded: billed.length - checked.length,
    otherServices: 0,
  };
  const items: Item[] = [];
  const needsReview: ScopeUnused['needsReview'] = [];
  const now = ctx.now();
  for (const desktop of checked) {
    const lookup = lookups.get(desktop.workspaceId) ?? { ok: false, message: 'no answer' };
    const verdict = judgeUnused(lookup, existence.existence.get(desktop.workspaceId), windowStart, now);
    if (verdict.kind === 'unused') counts.unused += 1;
    if (verdict.kind === 'never-connected') counts.neverConnected += 1;
    if (verdict.kind === 'unknown') counts.unknown += 1;
    if (verdict.kind === 'never-connected-unconfirmed') {
      counts.neverConnectedUnconfirmed += 1;
      if (needsReview.length < REVIEW_ROWS) needsReview.push({ workspaceId: desktop.workspaceId, ...where });
    }
    const item = desktopItem(desktop, where, verdict);
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
const REVIEW_ROWS = 10;

/** list_unused_resources: desktops (and other services' resources) nobody used in N days. */
export const listUnusedResources = defineTool({
  name: 'list_unused_resources',
  title: 'Unused EUC resources',
  description:
    "What has nobody used in idleDays (default 30)? Personal desktops by last connection (never-connected only if they existed at the window start; failed lookup = in use), plus other plugins' idle pools, fleets, builders, portals.",
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'cloudwatch:GetMetricData',
  ],
  consumes: ['idle'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('idleDays', input.idleDays, 1, 90);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const idleDays = input.idleDays ?? 30;
    const now = ctx.now();
    const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - idleDays * 24 * HOUR_MS);
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope, where) =>
      unusedInScope(ctx, scope, where, {
        idleDays,
        windowStart,
        includeOther: input.includeOtherServices ?? true,
      }),
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
    // Never used first, then the longest idle; resources with no usage signal last.
    const rank = (item: Item) =>
      item.usageSignal === 'none' ? -1 : (item.idleDays ?? Number.POSITIVE_INFINITY);
    items.sort(
      (a, b) =>
        rank(b) - rank(a) ||
        a.service.localeCompare(b.service) ||
        a.region.localeCompare(b.region) ||
        a.id.localeCompare(b.id),
    );
    const { page, offset, nextCursor } = pageOf(items, input, limits);
    const summary =
      `${counts.unused + counts.neverConnected} of ${counts.desktopsChecked} desktops in ${scopesPhrase(read)} unused for ${idleDays}+ days ` +
      `(${counts.neverConnected} never connected)` +
      (counts.otherServices > 0 ? `, plus ${counts.otherServices} idle resources in other services` : '') +
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
      byScope: read.answered.map(({ scope, value }) => ({
        ...whereOf(scope, read.multiAccount),
        unusedDesktops: value.counts.unused + value.counts.neverConnected,
        otherServices: value.counts.otherServices,
      })),
      items: page,
      totalItems: items.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      needsReview: read.answered.flatMap(({ value }) => value.needsReview).slice(0, REVIEW_ROWS),
      errors: errors.slice(0, 100),
      notes: [
        'Unused = the last known user connection (DescribeWorkspacesConnectionStatus) is older than the window; never-connected desktops count only when Available/Stopped datapoints on the window’s first day show they existed then.',
        'Priced waste (AlwaysOn fee vs AutoStop base) comes from recommend_running_mode or get_euc_service_prices (tier 1).',
      ],
    };
  },
});
