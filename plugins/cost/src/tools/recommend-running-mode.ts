import {
  defineTool,
  ErrorEntry,
  type ErrorSummary,
  errorEntry,
  PageInput,
  pageOf,
  RegionInput,
  regionScope,
  SERVICE_LABELS,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { priceDesktops } from '../pricing/desktop-prices.js';
import { adviseDesktop, applyOptOut, MAINTENANCE_HOURS_PER_MONTH } from '../running-mode/running-mode.js';
import { DECISIONS, Decision, Row, toRow } from '../running-mode/running-mode-rows.js';
import { readOptOuts, SKIP_CONVERT_TAG } from '../running-mode/tags.js';
import { usd } from '../shared/numbers.js';
import { scanUsage } from '../utilization/usage-scan.js';

const Input = Type.Object(
  {
    region: RegionInput,
    lookbackDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 90,
        default: 14,
        description:
          'Days of hourly UserConnected to project from; 28 gives a month-like view. Whole weeks avoid weekday bias.',
      }),
    ),
    coinFlipBandPercent: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 50,
        default: 10,
        description:
          'Within ± this % of the break-even hours the current mode is kept (a normal month could swing it).',
      }),
    ),
    maxTagChecks: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        default: 200,
        description: `DescribeTags calls (one per desktop) to check the ${SKIP_CONVERT_TAG} opt-out on switch candidates, largest saving first.`,
      }),
    ),
    decisions: Type.Optional(
      Type.Array(Decision, {
        maxItems: DECISIONS.length,
        description: 'Decisions to list (default: the two switches); counts always cover all.',
      }),
    ),
    ...PageInput(500),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  lookbackDays: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  totalMonthlySavingUsd: Type.Number({
    description: 'Sum over listed-or-not switch recommendations (list prices).',
  }),
  savingToAutoStopUsd: Type.Number(),
  savingToAlwaysOnUsd: Type.Number(),
  recommendations: Type.Array(Row, { description: 'Largest monthly saving first.' }),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  unmatchedConfigurations: Type.Array(
    Type.Object({
      computeType: Type.String(),
      operatingSystem: Type.String(),
      rootVolumeGib: Type.Union([Type.Integer(), Type.Null()]),
      userVolumeGib: Type.Union([Type.Integer(), Type.Null()]),
      desktops: Type.Integer(),
      why: Type.String(),
      available: Type.Array(
        Type.Object({
          storage: Type.String(),
          alwaysOnMonthly: Type.Optional(Type.Number()),
          autoStopMonthlyBase: Type.Optional(Type.Number()),
        }),
      ),
    }),
    {
      description:
        'Configurations the Price List did not price (up to 20), with the priced storage pairings.',
    },
  ),
  requests: Type.Object({
    metricRequests: Type.Integer(),
    priceListQueries: Type.Integer(),
    tagChecks: Type.Integer(),
  }),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** recommend_running_mode: priced AlwaysOn ↔ AutoStop advice per desktop. */
export const recommendRunningMode = defineTool({
  name: 'recommend_running_mode',
  title: 'WorkSpaces running-mode advice (priced)',
  description:
    'For each WorkSpaces Personal desktop, rebuilds the AutoStop bill from hourly UserConnected (connected hours + the idle tail of its AutoStop timeout + the monthly maintenance start), projects it to a month, and compares it with the AlwaysOn fee using Price List list prices for that desktop’s region, OS, licence (Windows 10/11 = BYOL), compute type and volumes. Recommends ALWAYS_ON ↔ AUTO_STOP with the $ saving, keeps the current mode inside a coin-flip band around the break-even, says when to switch (to AutoStop: billing changes next month; to AlwaysOn: immediate and prorated), and honours the Skip_Convert opt-out tag. Read-only: it changes nothing. Cost: ceil(N/25) DescribeWorkspaces + ceil(N/300) GetMetricData calls (14 days), 1 Price List query per licence model (≤3, cached 6 h), and one DescribeTags per switch candidate up to maxTagChecks. No Cost Explorer requests.',
  tier: 1,
  iam: [
    'workspaces:DescribeWorkspaces',
    'cloudwatch:GetMetricData',
    'pricing:GetProducts',
    'workspaces:DescribeTags',
  ],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scope = regionScope(ctx.aws, input.region);
    const { region } = scope;
    const lookbackDays = input.lookbackDays ?? 14;
    const bandPercent = input.coinFlipBandPercent ?? 10;
    const now = ctx.now();
    const scan = await scanUsage(ctx, scope, lookbackDays);
    const pricing = await priceDesktops(
      ctx,
      scope,
      scan.usage
        .map((u) => u.desktop)
        .filter((d) => d.runningMode === 'ALWAYS_ON' || d.runningMode === 'AUTO_STOP'),
    );
    const advised = scan.usage.map(({ desktop, outcome }) => {
      const price = pricing.byDesktop.get(desktop.workspaceId) ?? { ok: false as const, why: 'not priced' };
      return {
        desktop,
        licence: price.licence,
        advice: adviseDesktop(desktop, outcome, price, { bandPercent, now }),
      };
    });

    // Skip_Convert: DescribeTags is per desktop, so only the switch candidates with the largest
    // savings are checked, at most maxTagChecks of them.
    const toCheck = advised
      .filter(
        ({ advice }) =>
          advice.decision === 'switch-to-auto-stop' || advice.decision === 'switch-to-always-on',
      )
      .sort((a, b) => b.advice.monthlySavingUsd - a.advice.monthlySavingUsd)
      .slice(0, input.maxTagChecks ?? 200)
      .map(({ desktop }) => desktop.workspaceId);
    const optOuts = await readOptOuts(ctx, scope, toCheck);
    const checked = new Set(toCheck);
    // One error entry per failure code, with the first failure's message, not one per desktop.
    const tagFailures = new Map<string, { count: number; first: ErrorSummary }>();
    const rows = advised.map(({ desktop, licence, advice }) => {
      const lookup = optOuts.get(desktop.workspaceId);
      if (lookup?.kind === 'failed') {
        const entry = tagFailures.get(lookup.code) ?? { count: 0, first: lookup };
        entry.count += 1;
        tagFailures.set(lookup.code, entry);
      }
      const applied = applyOptOut(advice, lookup, checked.has(desktop.workspaceId));
      return toRow(desktop, licence, applied.advice, applied.skipConvert);
    });
    const errors: ErrorEntry[] = [
      ...scan.errors,
      ...pricing.errors,
      ...[...tagFailures.values()].map(({ count, first }) =>
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
    const switches = rows.filter(
      (r) => r.decision === 'switch-to-auto-stop' || r.decision === 'switch-to-always-on',
    );
    const sum = (list: readonly Row[]) => usd(list.reduce((total, r) => total + r.monthlySavingUsd, 0));
    const toAutoStop = sum(switches.filter((r) => r.decision === 'switch-to-auto-stop'));
    const toAlwaysOn = sum(switches.filter((r) => r.decision === 'switch-to-always-on'));
    const wanted: readonly string[] = input.decisions ?? ['switch-to-auto-stop', 'switch-to-always-on'];
    const listed = rows
      .filter((r) => wanted.includes(r.decision))
      .sort((a, b) => b.monthlySavingUsd - a.monthlySavingUsd || a.workspaceId.localeCompare(b.workspaceId));
    const { page, offset, nextCursor } = pageOf(listed, input, ctx.limits);
    const unchecked = rows.filter((r) => r.skipConvert === 'unchecked').length;

    const summary =
      `${rows.length} desktops in ${region}: ${counts['switch-to-auto-stop']} to AUTO_STOP, ${counts['switch-to-always-on']} to ALWAYS_ON, ` +
      `saving ≈$${usd(toAutoStop + toAlwaysOn).toFixed(2)}/month at list prices; ${counts['coin-flip']} near break-even, ${counts.keep} already right, ` +
      `${counts['opted-out']} opted out (${SKIP_CONVERT_TAG}), ${counts.unpriced} unpriced, ${counts.unknown} without usable metrics.` +
      (unchecked > 0
        ? ` ${unchecked} switch candidates were not checked for ${SKIP_CONVERT_TAG} (raise maxTagChecks).`
        : '') +
      (errors.length > 0 ? ' Partial: see errors.' : '') +
      (nextCursor ? ' More rows: pass nextCursor.' : '');
    return {
      summary,
      region,
      lookbackDays,
      counts,
      totalMonthlySavingUsd: usd(toAutoStop + toAlwaysOn),
      savingToAutoStopUsd: toAutoStop,
      savingToAlwaysOnUsd: toAlwaysOn,
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      unmatchedConfigurations: pricing.unmatched
        .slice(0, 20)
        .map((u) => ({ ...u, available: [...u.available] })),
      requests: {
        metricRequests: scan.metricRequests,
        priceListQueries: pricing.queries,
        tagChecks: toCheck.length,
      },
      errors,
      notes: [
        'Savings use public list prices (Price List API); your bill may differ (discounts, credits, private pricing). Check actual spend with get_euc_cost_summary.',
        `AutoStop hours = hours with a user connected + the idle tail of the desktop's AutoStop timeout (60 min for AlwaysOn desktops, the AWS default) + ${MAINTENANCE_HOURS_PER_MONTH} h for the monthly maintenance start, projected to a 730-hour month from the lookback window.`,
        'Billing renews at 00:00 UTC on the 1st: a switch to AutoStop changes the bill from next month; a switch to AlwaysOn is immediate and the monthly fee is prorated on top of this month’s AutoStop charges (see each timing).',
        `Within ±${bandPercent}% of the break-even the current mode is kept. Holidays inside the window understate use.`,
        `Standby desktops (${scan.standbyExcluded}) are left out: standby WorkSpaces have their own pricing.`,
        ...(pricing.truncated
          ? ['The Price List answer was cut at 2,000 products; some configurations may be reported unpriced.']
          : []),
      ],
    };
  },
});
