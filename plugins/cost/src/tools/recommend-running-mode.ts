import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  type ErrorSummary,
  errorEntry,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeKey,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { planTotals, type TotalledPlan } from '../plan/cost-plan.js';
import { optOutsOf } from '../plan/opt-outs.js';
import { PlanSummary, planAfterOptOut, planSummary } from '../plan/plan-output.js';
import { DEFAULT_PLAN, planScope } from '../plan/plan-scope.js';
import { utcMonth } from '../running-mode/billing-timing.js';
import { applyOptOut, MAINTENANCE_HOURS_PER_MONTH } from '../running-mode/running-mode.js';
import { DECISIONS, Row, toRow } from '../running-mode/running-mode-rows.js';
import { isSwitch } from '../running-mode/scope-advice.js';
import { SKIP_CONVERT_TAG } from '../running-mode/tags.js';
import {
  inRange,
  listNote,
  OtherScopes,
  oneOf,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  sumOf,
  topScopes,
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
  plan: PlanSummary,
  byScope: Type.Array(ScopeTotals, { description: 'The scopes with the largest savings.' }),
  otherScopes: OtherScopes({
    desktops: Type.Integer(),
    switches: Type.Integer(),
    monthlySavingUsd: Type.Number(),
  }),
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
    { description: 'Up to 3 configurations the Price List did not price, most desktops first.' },
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

/** recommend_running_mode: priced AlwaysOn ↔ AutoStop advice per desktop, across the estate. */
export const recommendRunningMode = defineTool({
  name: 'recommend_running_mode',
  title: 'WorkSpaces running-mode advice (priced)',
  description:
    'Which WorkSpaces Personal desktops should switch ALWAYS_ON/AUTO_STOP, saving how much a month? Hourly use at list prices; keeps the mode near break-even; honours Skip_Convert; says when to switch.',
  tier: 1,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceDirectories',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'cloudwatch:GetMetricData',
    'pricing:GetProducts',
    'tag:GetResources',
  ],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Output> {
    inRange('lookbackDays', input.lookbackDays, 1, 90);
    inRange('coinFlipBandPercent', input.coinFlipBandPercent, 0, 50);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const lookbackDays = input.lookbackDays ?? 14;
    const bandPercent = input.coinFlipBandPercent ?? 10;
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope) =>
      planScope(ctx, scope, { ...DEFAULT_PLAN, lookbackDays, bandPercent }),
    );
    const planned = read.answered.flatMap(({ value }) => value.rows);
    const lookups = await optOutsOf(ctx, planned);
    const totalled: TotalledPlan[] = [];

    // One error entry per failure code and scope, with the first failure's message, not one per desktop.
    const tagFailures = new Map<string, { scope: Scope; count: number; first: ErrorSummary }>();
    const rows = planned.map(({ scope, desktop, licence, advice, plan }) => {
      const lookup = lookups.get(desktop.workspaceId);
      if (lookup?.kind === 'failed') {
        const key = `${scopeKey(ctx.aws, scope)}|${lookup.code}`;
        const entry = tagFailures.get(key) ?? { scope, count: 0, first: lookup };
        entry.count += 1;
        tagFailures.set(key, entry);
      }
      const final = planAfterOptOut(plan, desktop.runningMode, lookup);
      totalled.push(final);
      const where = whereOf(scope, read.multiAccount);
      // The plan's one action wins: an unused desktop is terminated, a resized one gets its mode
      // at the new size, so this tool never advises a switch that contradicts them.
      if (final.plan.action === 'terminate' || final.plan.action === 'rightsize') {
        const tool =
          final.plan.action === 'terminate' ? 'list_unused_resources' : 'recommend_bundle_rightsizing';
        const saving = final.plan.unpricedWhy
          ? 'unpriced'
          : `$${final.plan.monthlySavingUsd.toFixed(2)}/month`;
        return toRow(
          desktop,
          where,
          licence,
          advice,
          'not-needed',
          `${final.plan.reason} (${saving}; ${tool})`,
        );
      }
      const applied = applyOptOut(advice, lookup);
      return toRow(desktop, where, licence, applied.advice, applied.skipConvert);
    });
    const errors: ErrorEntry[] = [
      ...read.errors,
      ...read.answered.flatMap(({ value }) => value.errors),
      ...[...tagFailures.values()].map(({ scope, count, first }) =>
        errorEntry(
          SERVICE_LABELS.personal,
          scope,
          first,
          `Tag read (GetResources) failed for ${count} switch candidate(s), skipped: `,
        ),
      ),
    ];

    const counts: Record<string, number> = Object.fromEntries(DECISIONS.map((d) => [d, 0]));
    for (const row of rows) counts[row.decision] = (counts[row.decision] ?? 0) + 1;
    const switches = rows.filter((r) => isSwitch(r));
    const sum = (list: readonly Row[]) => usd(list.reduce((total, r) => total + r.monthlySavingUsd, 0));
    const toAutoStop = sum(switches.filter((r) => r.decision === 'switch-to-auto-stop'));
    const toAlwaysOn = sum(switches.filter((r) => r.decision === 'switch-to-always-on'));
    const plan = planSummary(planTotals(totalled));
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
    const scopes = topScopes(byScope, (s) => s.monthlySavingUsd);
    const wanted: readonly Decision[] = oneOf('decisions', input.decisions, DECISIONS) ?? [
      'switch-to-auto-stop',
      'switch-to-always-on',
    ];
    const listed = rows
      .filter((r) => wanted.includes(r.decision))
      .sort((a, b) => b.monthlySavingUsd - a.monthlySavingUsd || a.workspaceId.localeCompare(b.workspaceId));
    const { page, offset, nextCursor } = pageOf(listed, input, limits);
    const { next, lastDay } = utcMonth(ctx.now());
    const total = usd(toAutoStop + toAlwaysOn);

    const summary =
      `${rows.length} desktops in ${scopesPhrase(read)}: ${counts['switch-to-auto-stop']} to AUTO_STOP, ${counts['switch-to-always-on']} to ALWAYS_ON, ` +
      `saving ≈$${total.toFixed(2)}/month at list prices (${counts['coin-flip']} near break-even, ${counts.keep} right, ` +
      `${counts['opted-out']} ${SKIP_CONVERT_TAG}, ${counts.unpriced} unpriced, ${counts.unknown} no metrics, ${counts.skipped} skipped, ` +
      `${counts['check-client']} check-client, ${counts.superseded} superseded). Whole cost plan, one action per desktop: ≈$${plan.totalMonthlySavingUsd.toFixed(2)}/month (plan).` +
      ` When: to AUTO_STOP before ${next.toISOString().slice(0, 10)}; to ALWAYS_ON 'now' rows at once, 'on-last-day' rows on ${lastDay}.` +
      partialNote(errors) +
      listNote(offset, page.length, listed.length, nextCursor);
    const unmatched = read.answered
      .flatMap(({ scope, value }) => value.pricing.unmatched.map((u) => ({ ...u, region: scope.region })))
      .sort((a, b) => b.desktops - a.desktops)
      .slice(0, 3);
    return {
      summary,
      lookbackDays,
      counts,
      totalMonthlySavingUsd: total,
      savingToAutoStopUsd: toAutoStop,
      savingToAlwaysOnUsd: toAlwaysOn,
      plan,
      byScope: scopes.shown,
      ...(scopes.rest.length > 0
        ? {
            otherScopes: {
              scopes: scopes.rest.length,
              ...sumOf(scopes.rest, ['desktops', 'switches']),
              monthlySavingUsd: usd(scopes.rest.reduce((n, s) => n + s.monthlySavingUsd, 0)),
            },
          }
        : {}),
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      unmatchedConfigurations: unmatched.map(({ available, ...u }) => ({
        ...u,
        pricedStorage: available.slice(0, 4).map((a) => a.storage),
      })),
      requests: {
        metricRequests: read.answered.reduce((n, { value }) => n + value.metricRequests, 0),
        priceListQueries: read.answered.reduce((n, { value }) => n + value.pricing.queries, 0),
        tagChecks: lookups.size,
      },
      errors: errors.slice(0, 100),
      notes: [
        'Savings use public list prices (Price List API) in each desktop’s region; your bill may differ (discounts, credits). Check actual spend with get_euc_cost_summary.',
        'plan: one action per desktop (terminate if unused, else rightsize, else switch mode), as in list_unused_resources and recommend_bundle_rightsizing.',
        `AutoStop hours = hours with a user connected + the idle tail of the AutoStop timeout (60 min for AlwaysOn desktops, the AWS default) + ${MAINTENANCE_HOURS_PER_MONTH} h for the monthly maintenance start where the directory's maintenance mode is on, projected to a 730-hour month. Only AVAILABLE or STOPPED desktops can be switched; others are skipped with their state.`,
        `Billing renews at 00:00 UTC on the 1st. To AUTO_STOP: this month’s AlwaysOn fee is already charged, so any day before the renewal saves the same; do not switch back within the month. To ALWAYS_ON: takes effect at once with the fee prorated on top of this month’s AutoStop base; 'now' rows save even this month (thisMonthUsd > 0), 'on-last-day' rows should wait until ${lastDay}.`,
        `Within ±${bandPercent}% of the break-even the current mode is kept. Standby desktops are left out (own pricing). Holidays inside the window understate use.`,
        ...(read.answered.some(({ value }) => value.pricing.truncated)
          ? ['A Price List answer was cut at 2,000 products; some configurations may be reported unpriced.']
          : []),
      ],
    };
  },
});
