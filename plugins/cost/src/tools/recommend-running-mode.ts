import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  type ErrorSummary,
  errorEntry,
  mapBounded,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeKey,
  summarizeError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { utcMonth } from '../running-mode/billing-timing.js';
import { applyOptOut, MAINTENANCE_HOURS_PER_MONTH } from '../running-mode/running-mode.js';
import { DECISIONS, Row, toRow } from '../running-mode/running-mode-rows.js';
import { type AdvisedDesktop, adviseScope, isSwitch } from '../running-mode/scope-advice.js';
import { type OptOutLookup, readOptOuts, SKIP_CONVERT_TAG } from '../running-mode/tags.js';
import {
  inRange,
  listNote,
  oneOf,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { usd } from '../shared/numbers.js';

/**
 * Rows a default answer lists, largest saving first: ~390 bytes a row, sent twice over MCP (as
 * structured content and as escaped JSON text), keep 10,000 desktops near 16.5 KB of the 20 KB.
 */
const DEFAULT_ROWS = 10;

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    coinFlipBandPercent: Type.Optional(Type.Number()),
    maxTagChecks: Type.Optional(Type.Integer()),
    // Bare: the values are the keys of `counts` in every answer; checked in code.
    decisions: Type.Optional(Type.Array(Type.String(), { description: 'Default switch-*' })),
    ...PageFields,
  },
  { additionalProperties: false },
);

const ScopeTotals = Type.Object({
  ...WhereFields,
  desktops: Type.Integer(),
  switches: Type.Integer(),
  monthlySavingUsd: Type.Number(),
});

const Output = Type.Object({
  summary: Type.String(),
  lookbackDays: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  totalMonthlySavingUsd: Type.Number({ description: 'Every switch in every scope, listed or not.' }),
  savingToAutoStopUsd: Type.Number(),
  savingToAlwaysOnUsd: Type.Number(),
  byScope: Type.Array(ScopeTotals),
  recommendations: Type.Array(Row, { description: 'Largest monthly saving first.' }),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  unmatchedConfigurations: Type.Array(
    Type.Object({
      region: Type.String(),
      computeType: Type.String(),
      operatingSystem: Type.String(),
      rootVolumeGib: Type.Union([Type.Integer(), Type.Null()]),
      userVolumeGib: Type.Union([Type.Integer(), Type.Null()]),
      desktops: Type.Integer(),
      why: Type.String(),
      pricedStorage: Type.Array(Type.String()),
    }),
    { description: 'Up to 5 configurations the Price List did not price, most desktops first.' },
  ),
  requests: Type.Object({
    metricRequests: Type.Integer(),
    priceListQueries: Type.Integer(),
    tagChecks: Type.Integer(),
  }),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});
type Output = Static<typeof Output>;
type Decision = (typeof DECISIONS)[number];

/**
 * Skip_Convert lookups for the switch candidates with the largest savings across the estate, at
 * most `max` (DescribeTags is one call per desktop), each scope's read in that scope.
 */
async function optOutsOf(
  ctx: Parameters<typeof readOptOuts>[0],
  advised: readonly AdvisedDesktop[],
  max: number,
  fresh: boolean,
): Promise<{ checked: Set<string>; lookups: Map<string, OptOutLookup> }> {
  const candidates = advised
    .filter((a) => isSwitch(a.advice))
    .sort((a, b) => b.advice.monthlySavingUsd - a.advice.monthlySavingUsd)
    .slice(0, max);
  const byScope = new Map<string, { scope: Scope; ids: string[] }>();
  for (const { scope, desktop } of candidates) {
    const key = scopeKey(ctx.aws, scope);
    const entry = byScope.get(key) ?? { scope, ids: [] };
    entry.ids.push(desktop.workspaceId);
    byScope.set(key, entry);
  }
  const settled = await mapBounded(
    [...byScope.values()],
    ctx.limits.concurrency,
    ({ scope, ids }) => readOptOuts(ctx, scope, ids, { fresh }),
    { signal: ctx.signal },
  );
  const lookups = new Map<string, OptOutLookup>();
  for (const outcome of settled) {
    if (outcome.ok) for (const [id, lookup] of outcome.value) lookups.set(id, lookup);
    else
      for (const id of outcome.item.ids)
        lookups.set(id, { kind: 'failed', ...summarizeError(outcome.error) });
  }
  return { checked: new Set(candidates.map((c) => c.desktop.workspaceId)), lookups };
}

/** recommend_running_mode: priced AlwaysOn ↔ AutoStop advice per desktop, across the estate. */
export const recommendRunningMode = defineTool({
  name: 'recommend_running_mode',
  title: 'WorkSpaces running-mode advice (priced)',
  description:
    'Which WorkSpaces Personal desktops should switch ALWAYS_ON/AUTO_STOP, saving how much a month? Hourly use at list prices; keeps the mode near break-even; honours Skip_Convert; says when to switch.',
  tier: 1,
  iam: [
    'workspaces:DescribeWorkspaces',
    'cloudwatch:GetMetricData',
    'pricing:GetProducts',
    'workspaces:DescribeTags',
  ],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Output> {
    inRange('lookbackDays', input.lookbackDays, 1, 90);
    inRange('coinFlipBandPercent', input.coinFlipBandPercent, 0, 50);
    inRange('maxTagChecks', input.maxTagChecks, 0, 1000);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const lookbackDays = input.lookbackDays ?? 14;
    const bandPercent = input.coinFlipBandPercent ?? 10;
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope) =>
      adviseScope(ctx, scope, { lookbackDays, bandPercent }),
    );
    const advised = read.answered.flatMap(({ value }) => value.advised);
    // A fresh call (its own input, or a fresh composite calling it) reads the tags again too.
    const fresh = input.fresh === true || ctx.snapshot?.fresh === true;
    const { checked, lookups } = await optOutsOf(ctx, advised, input.maxTagChecks ?? 200, fresh);

    // One error entry per failure code and scope, with the first failure's message, not one per desktop.
    const tagFailures = new Map<string, { scope: Scope; count: number; first: ErrorSummary }>();
    const rows = advised.map(({ scope, desktop, licence, advice }) => {
      const lookup = lookups.get(desktop.workspaceId);
      if (lookup?.kind === 'failed') {
        const key = `${scopeKey(ctx.aws, scope)}|${lookup.code}`;
        const entry = tagFailures.get(key) ?? { scope, count: 0, first: lookup };
        entry.count += 1;
        tagFailures.set(key, entry);
      }
      const applied = applyOptOut(advice, lookup, checked.has(desktop.workspaceId));
      return toRow(desktop, whereOf(scope, read.multiAccount), licence, applied.advice, applied.skipConvert);
    });
    const errors: ErrorEntry[] = [
      ...read.errors,
      ...read.answered.flatMap(({ value }) => [...value.scan.errors, ...value.pricing.errors]),
      ...[...tagFailures.values()].map(({ scope, count, first }) =>
        errorEntry(
          SERVICE_LABELS.personal,
          scope,
          first,
          `DescribeTags failed for ${count} switch candidate(s), skipped: `,
        ),
      ),
    ];

    const counts: Record<string, number> = Object.fromEntries(DECISIONS.map((d) => [d, 0]));
    for (const row of rows) counts[row.decision] = (counts[row.decision] ?? 0) + 1;
    const switches = rows.filter((r) => isSwitch(r));
    const sum = (list: readonly Row[]) => usd(list.reduce((total, r) => total + r.monthlySavingUsd, 0));
    const toAutoStop = sum(switches.filter((r) => r.decision === 'switch-to-auto-stop'));
    const toAlwaysOn = sum(switches.filter((r) => r.decision === 'switch-to-always-on'));
    const byScope = read.answered.map(({ scope }) => {
      const where = whereOf(scope, read.multiAccount);
      const here = rows.filter((r) => r.region === where.region && r.account === where.account);
      const hereSwitches = here.filter((r) => isSwitch(r));
      return {
        ...where,
        desktops: here.length,
        switches: hereSwitches.length,
        monthlySavingUsd: sum(hereSwitches),
      };
    });
    const wanted: readonly Decision[] = oneOf('decisions', input.decisions, DECISIONS) ?? [
      'switch-to-auto-stop',
      'switch-to-always-on',
    ];
    const listed = rows
      .filter((r) => wanted.includes(r.decision))
      .sort((a, b) => b.monthlySavingUsd - a.monthlySavingUsd || a.workspaceId.localeCompare(b.workspaceId));
    const { page, offset, nextCursor } = pageOf(listed, input, limits);
    const unchecked = rows.filter((r) => r.skipConvert === 'unchecked').length;
    const { next, lastDay } = utcMonth(ctx.now());
    const total = usd(toAutoStop + toAlwaysOn);

    const summary =
      `${rows.length} desktops in ${scopesPhrase(read)}: ${counts['switch-to-auto-stop']} to AUTO_STOP, ${counts['switch-to-always-on']} to ALWAYS_ON, ` +
      `saving ≈$${total.toFixed(2)}/month at list prices; ${counts['coin-flip']} near break-even, ${counts.keep} already right, ` +
      `${counts['opted-out']} opted out (${SKIP_CONVERT_TAG}), ${counts.unpriced} unpriced, ${counts.unknown} without usable metrics.` +
      ` When: to AUTO_STOP any time before ${next.toISOString().slice(0, 10)} (the bill changes at the 00:00 UTC renewal); to ALWAYS_ON 'now' rows at once, 'on-last-day' rows on ${lastDay}.` +
      (unchecked > 0
        ? ` ${unchecked} switch candidates were not checked for ${SKIP_CONVERT_TAG} (raise maxTagChecks).`
        : '') +
      partialNote(errors) +
      listNote(offset, page.length, listed.length, nextCursor);
    const unmatched = read.answered
      .flatMap(({ scope, value }) => value.pricing.unmatched.map((u) => ({ ...u, region: scope.region })))
      .sort((a, b) => b.desktops - a.desktops)
      .slice(0, 5);
    return {
      summary,
      lookbackDays,
      counts,
      totalMonthlySavingUsd: total,
      savingToAutoStopUsd: toAutoStop,
      savingToAlwaysOnUsd: toAlwaysOn,
      byScope,
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      unmatchedConfigurations: unmatched.map(({ available, ...u }) => ({
        ...u,
        pricedStorage: available.slice(0, 4).map((a) => a.storage),
      })),
      requests: {
        metricRequests: read.answered.reduce((n, { value }) => n + value.scan.metricRequests, 0),
        priceListQueries: read.answered.reduce((n, { value }) => n + value.pricing.queries, 0),
        tagChecks: checked.size,
      },
      errors: errors.slice(0, 100),
      notes: [
        'Savings use public list prices (Price List API) in each desktop’s region; your bill may differ (discounts, credits). Check actual spend with get_euc_cost_summary.',
        `AutoStop hours = hours with a user connected + the idle tail of the AutoStop timeout (60 min for AlwaysOn desktops, the AWS default) + ${MAINTENANCE_HOURS_PER_MONTH} h for the monthly maintenance start, projected to a 730-hour month.`,
        `Billing renews at 00:00 UTC on the 1st. To AUTO_STOP: this month’s AlwaysOn fee is already charged, so any day before the renewal saves the same; do not switch back within the month. To ALWAYS_ON: takes effect at once with the fee prorated on top of this month’s AutoStop base; 'now' rows save even this month (thisMonthUsd > 0), 'on-last-day' rows should wait until ${lastDay}.`,
        `Within ±${bandPercent}% of the break-even the current mode is kept. Standby desktops are left out (own pricing). Holidays inside the window understate use.`,
        ...(read.answered.some(({ value }) => value.pricing.truncated)
          ? ['A Price List answer was cut at 2,000 products; some configurations may be reported unpriced.']
          : []),
      ],
    };
  },
});
