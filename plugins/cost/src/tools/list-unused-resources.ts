import {
  type ContributionScope,
  defineTool,
  ErrorEntry,
  errorEntry,
  type IdleContributor,
  mapBounded,
  PageInput,
  pageOf,
  RegionInput,
  regionScope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { readLastConnections } from '../desktops/connections.js';
import { type Desktop, isBilled, listDesktops } from '../desktops/desktops.js';
import { HOUR_MS } from '../shared/hours.js';
import { readExistence } from '../unused/existence.js';
import { judgeUnused, needsExistenceCheck, type UnusedVerdict } from '../unused/unused.js';

const Input = Type.Object(
  {
    region: RegionInput,
    idleDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 90,
        default: 30,
        description:
          'A resource is unused when nobody connected in this many days (and it existed that long).',
      }),
    ),
    includeOtherServices: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Also ask every loaded plugin for its idle resources (pools, fleets, builders, portals...).',
      }),
    ),
    ...PageInput(500),
  },
  { additionalProperties: false },
);

const Item = Type.Object({
  service: Type.String(),
  resourceType: Type.String(),
  id: Type.String(),
  name: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  runningMode: Type.Optional(Type.String()),
  idleDays: Type.Union([Type.Integer(), Type.Null()], {
    description: "null: never used since it was created, or unknown when usageSignal is 'none'.",
  }),
  usageSignal: Type.Union([Type.Literal('last-use'), Type.Literal('never-used'), Type.Literal('none')], {
    description:
      "What idleDays rests on; 'none': the service records no use (e.g. a builder's running time).",
  }),
  lastConnection: Type.Optional(Type.String()),
  reason: Type.String(),
  monthlyCostUsd: Type.Optional(Type.Number({ description: 'Only when a contributor can price it.' })),
});
type Item = Static<typeof Item>;

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  idleDays: Type.Integer(),
  windowStart: Type.String(),
  counts: Type.Object({
    desktopsChecked: Type.Integer(),
    unused: Type.Integer({ description: 'Last connection before the window start.' }),
    neverConnected: Type.Integer({ description: 'Never connected and shown to exist at the window start.' }),
    neverConnectedUnconfirmed: Type.Integer({
      description: 'Never connected, possibly new: not listed as unused.',
    }),
    unknown: Type.Integer({ description: 'Lookup failed: treated as in use.' }),
    standbyExcluded: Type.Integer(),
    otherServices: Type.Integer(),
  }),
  items: Type.Array(Item, { description: 'Never-connected first, then the longest idle.' }),
  totalItems: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  needsReview: Type.Array(Type.Object({ workspaceId: Type.String(), reason: Type.String() }), {
    description: 'Up to 20 never-connected desktops that may be new.',
  }),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

function billingHint(desktop: Desktop): string {
  switch (desktop.runningMode) {
    case 'ALWAYS_ON':
      return ' ALWAYS_ON: pays the full monthly fee.';
    case 'AUTO_STOP':
      return ' AUTO_STOP: pays the monthly base fee while it exists.';
    default:
      return '';
  }
}

function desktopItem(desktop: Desktop, verdict: UnusedVerdict, idleDays: number): Item | undefined {
  const base = {
    service: SERVICE_LABELS.personal,
    resourceType: 'WorkSpace',
    id: desktop.workspaceId,
    ...(desktop.userName ? { name: desktop.userName } : {}),
    state: desktop.state,
    ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
  };
  if (verdict.kind === 'unused')
    return {
      ...base,
      idleDays: verdict.idleDays,
      usageSignal: 'last-use',
      lastConnection: verdict.lastConnection.toISOString(),
      reason: `No user connection for ${verdict.idleDays} days (≥ ${idleDays}).${billingHint(desktop)}`,
    };
  if (verdict.kind === 'never-connected')
    return {
      ...base,
      idleDays: null,
      usageSignal: 'never-used',
      reason: `Never connected, and it existed ${idleDays} days ago.${billingHint(desktop)}`,
    };
  return undefined;
}

/** Every loaded plugin's idle resources in `scope`; a failing contributor is one error entry. */
async function contributed(
  ctx: ToolContext,
  scope: ContributionScope,
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
        idleDays: resource.idleDays,
        usageSignal: resource.usageSignal ?? (resource.idleDays === null ? 'never-used' : 'last-use'),
        reason: resource.reason,
        ...(resource.monthlyCostUsd !== undefined ? { monthlyCostUsd: resource.monthlyCostUsd } : {}),
      });
  }
  return { items, errors };
}

/** list_unused_resources: desktops (and other services' resources) nobody used in N days. */
export const listUnusedResources = defineTool({
  name: 'list_unused_resources',
  title: 'Unused EUC resources',
  description:
    'Lists WorkSpaces Personal desktops with no user connection in idleDays that already existed at the window start (from the last known connection time), calling out never-connected ones, plus the idle resources every other loaded plugin reports (pools, fleets, builders, portals...), with per-service errors as data. Standby desktops are excluded; a failed lookup counts as in use; a never-connected desktop that may be new is listed for review, not as unused. Read-only; use it before deciding what to stop or terminate. Cost: ceil(N/25) DescribeWorkspaces + ceil(N/25) DescribeWorkspacesConnectionStatus calls, plus 2 GetMetricData calls per 500 never-connected desktops, plus what each other plugin needs.',
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
    const scope = regionScope(ctx.aws, input.region);
    const { region } = scope;
    const idleDays = input.idleDays ?? 30;
    const now = ctx.now();
    const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - idleDays * 24 * HOUR_MS);
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

    const counts = {
      desktopsChecked: checked.length,
      unused: 0,
      neverConnected: 0,
      neverConnectedUnconfirmed: 0,
      unknown: 0,
      standbyExcluded: billed.length - checked.length,
      otherServices: 0,
    };
    const items: Item[] = [];
    const needsReview: { workspaceId: string; reason: string }[] = [];
    for (const desktop of checked) {
      const lookup = lookups.get(desktop.workspaceId) ?? { ok: false, message: 'no answer' };
      const verdict = judgeUnused(lookup, existence.existence.get(desktop.workspaceId), windowStart, now);
      if (verdict.kind === 'unused') counts.unused += 1;
      if (verdict.kind === 'never-connected') counts.neverConnected += 1;
      if (verdict.kind === 'unknown') counts.unknown += 1;
      if (verdict.kind === 'never-connected-unconfirmed') {
        counts.neverConnectedUnconfirmed += 1;
        if (needsReview.length < 20)
          needsReview.push({ workspaceId: desktop.workspaceId, reason: verdict.reason });
      }
      const item = desktopItem(desktop, verdict, idleDays);
      if (item) items.push(item);
    }
    if (input.includeOtherServices ?? true) {
      const account = ctx.aws.targets[0]?.account;
      const other = await contributed(ctx, { region, ...(account ? { account } : {}) }, idleDays);
      counts.otherServices = other.items.length;
      items.push(...other.items);
      errors.push(...other.errors);
    }
    // Never used first, then the longest idle; resources with no usage signal last.
    const rank = (item: Item) =>
      item.usageSignal === 'none' ? -1 : (item.idleDays ?? Number.POSITIVE_INFINITY);
    items.sort((a, b) => rank(b) - rank(a) || a.service.localeCompare(b.service) || a.id.localeCompare(b.id));
    const { page, offset, nextCursor } = pageOf(items, input, ctx.limits);
    const summary =
      `${counts.unused + counts.neverConnected} of ${counts.desktopsChecked} desktops in ${region} unused for ${idleDays}+ days ` +
      `(${counts.neverConnected} never connected)` +
      (counts.otherServices > 0 ? `, plus ${counts.otherServices} idle resources in other services` : '') +
      '.' +
      (counts.neverConnectedUnconfirmed > 0
        ? ` ${counts.neverConnectedUnconfirmed} never-connected desktops may be new (needsReview).`
        : '') +
      (counts.unknown > 0 ? ` ${counts.unknown} could not be checked and count as in use.` : '') +
      (errors.length > 0 ? ' Partial: see errors.' : '') +
      (nextCursor ? ' More rows: pass nextCursor.' : '');
    return {
      summary,
      region,
      idleDays,
      windowStart: windowStart.toISOString(),
      counts,
      items: page,
      totalItems: items.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      needsReview,
      errors,
      notes: [
        'Unused = the last known user connection (DescribeWorkspacesConnectionStatus) is older than the window; a connection before the window also proves the desktop existed then.',
        'Standby desktops are excluded; a desktop whose lookup failed counts as in use, never as unused.',
        'Priced waste (AlwaysOn fee vs AutoStop base) comes from recommend_running_mode or get_euc_service_prices (tier 1).',
      ],
    };
  },
});
