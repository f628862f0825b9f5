import type { Fleet } from '@aws-sdk/client-appstream';
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
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
  wholeDaysWindow,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { listFleets } from '../aws/appstream.js';
import { FleetInput, locateFleet } from '../aws/locate-fleet.js';
import { billingModelOf } from '../fleets/billing.js';
import { capacityView, sessionModelOf } from '../fleets/capacity.js';
import { dayRows, usageTotals } from '../fleets/daily.js';
import { fleetRates } from '../fleets/prices.js';
import { fleetDailySeries } from '../fleets/series.js';
import { type Sizing, sizeFleet } from '../fleets/sizing.js';

/**
 * Rows a page shows by default: a row is ~380 bytes of JSON, ~850 as sent over MCP (the answer
 * goes out twice), and the answer must stay well under 20 KB; the rest are behind the cursor.
 */
const PAGE_ROWS = 15;

const Input = Type.Object(
  {
    fleet: Type.Optional(FleetInput),
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    cursor: PageInput().cursor,
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  fleet: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  fleetType: Type.String(),
  unit: Type.String(),
  verdict: Type.String(),
  peakInUse: Type.Number(),
  avgProvisioned: Type.Number(),
  recommendedDesired: Type.Optional(Type.Integer()),
  instanceHoursPerMonth: Type.Optional(Type.Integer({ description: '+ adds, − saves; at billedAt.' })),
  billedAt: Type.Optional(Type.String()),
  usdPerMonth: Type.Optional(Type.Number()),
  reason: Type.String(),
});
type Row = Static<typeof Row>;

const Output = Type.Object({
  summary: Type.String(),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Fleets by verdict.' }),
  totals: Type.Object({
    savingInstanceHoursPerMonth: Type.Integer(),
    addedInstanceHoursPerMonth: Type.Integer(),
    savingUsdPerMonth: Type.Optional(Type.Number({ description: 'Of the rows shown.' })),
  }),
  fleets: Type.Array(Row, {
    description:
      'Over/under-provisioned fleets by impact; the rest are only counted (one fleet: always listed).',
  }),
  nextCursor: Type.Optional(Type.String()),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

interface Judged {
  readonly fleet: Fleet;
  readonly scope: Scope;
  readonly sizing: Sizing;
  readonly peakInUse: number;
  readonly avgProvisioned: number;
}

/** Sizes every fleet of one scope from one batched metric read. */
async function judgeScope(
  ctx: ToolContext,
  scope: Scope,
  fleets: readonly Fleet[],
  days: number,
): Promise<Judged[]> {
  const window = wholeDaysWindow(ctx.now(), days);
  const sized = fleets.filter((f) => f.State === 'RUNNING' && sessionModelOf(f) !== 'elastic');
  const series = await fleetDailySeries(ctx, scope, sized, window);
  return fleets.map((fleet) => {
    const read = series.get(fleet.Name ?? '');
    if (read && 'code' in read)
      return {
        fleet,
        scope,
        sizing: { verdict: 'not-judged', reason: `Metrics unreadable: ${read.code}.` },
        peakInUse: 0,
        avgProvisioned: 0,
      };
    const totals = usageTotals(
      read ? dayRows(read, window.end) : [],
      sessionModelOf(fleet),
      fleet.MaxSessionsPerInstance ?? 1,
    );
    return {
      fleet,
      scope,
      sizing: sizeFleet({
        state: fleet.State ?? 'UNKNOWN',
        billing: billingModelOf(fleet),
        model: sessionModelOf(fleet),
        perInstance: fleet.MaxSessionsPerInstance ?? 1,
        totals,
        days,
      }),
      peakInUse: totals.peakInUse,
      avgProvisioned: totals.avgCapacity,
    };
  });
}

/** A fleet with errors is short for a reason capacity does not fix: say so beside the verdict. */
function withFleetErrors(j: Judged): string {
  const codes = (j.fleet.FleetErrors ?? []).map((e) => e.ErrorCode ?? 'UNKNOWN');
  if (codes.length === 0 || j.sizing.verdict === 'not-judged') return j.sizing.reason;
  return `${j.sizing.reason} Fleet errors ${codes.join(', ')} limit what it can launch: fix them first (diagnose_application_fleet).`;
}

const impact = (j: Judged) =>
  j.sizing.verdict === 'over' || j.sizing.verdict === 'under'
    ? Math.abs(j.sizing.instanceHoursPerMonth ?? 0) + 1
    : 0;

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const days = input.lookbackDays ?? 14;
  const errors: ErrorEntry[] = [];
  let judged: Judged[] = [];
  if (input.fleet !== undefined) {
    const where = await locateFleet(ctx, input.fleet, input);
    judged = await judgeScope(ctx, where.scope, [where.fleet], days);
  } else {
    const scopes = selectScopes(ctx.aws, input);
    const settled = await mapBounded(
      scopes,
      ctx.limits.concurrency,
      async (scope) => judgeScope(ctx, scope, await listFleets(ctx, scope), days),
      { signal: ctx.signal },
    );
    for (const outcome of settled) {
      if (outcome.ok) judged.push(...outcome.value);
      else errors.push(errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error));
    }
  }
  const counts: Record<string, number> = { over: 0, under: 0, right: 0, 'not-judged': 0 };
  for (const j of judged) counts[j.sizing.verdict] = (counts[j.sizing.verdict] ?? 0) + 1;
  const ranked = judged
    .filter((j) => input.fleet !== undefined || impact(j) > 0)
    .sort(
      (a, b) =>
        impact(b) - impact(a) ||
        (a.fleet.Name ?? '').localeCompare(b.fleet.Name ?? '') ||
        a.scope.region.localeCompare(b.scope.region),
    );
  const { page, offset, nextCursor } = pageOf(
    ranked,
    { ...input, limit: Math.min(PAGE_ROWS, ctx.limits.pageSize) },
    ctx.limits,
  );
  const notes: string[] = [
    'Recommended desired = peak in use +10% +1 instance of headroom (+25% when sessions were refused: a lower bound). Autoscaled fleets: apply it to the scaling policy limits, not desired capacity.',
    'Instance-hours/month = (recommended − average provisioned) × 730, billed at the full rate for Always-On and at the stopped-instance fee for On-Demand; Elastic fleets have nothing to size.',
  ];
  // Price only the rows shown: one cached Price List read per instance type, region and function.
  const usd = new Map<Judged, number>();
  const byRegion = new Map<string, Judged[]>();
  for (const j of page)
    if (j.sizing.instanceHoursPerMonth)
      byRegion.set(j.scope.region, [...(byRegion.get(j.scope.region) ?? []), j]);
  for (const [region, rows] of byRegion) {
    const { rates, unavailable } = await fleetRates(
      ctx,
      region,
      rows.map((r) => r.fleet),
    );
    if (unavailable && !notes.includes(unavailable)) notes.push(unavailable);
    for (const j of rows) {
      const rate = rates.get(j.fleet);
      const perHour = j.sizing.billedAt === 'stopped-fee' ? rate?.stoppedFeeUsd : rate?.fullRateUsd;
      if (perHour !== undefined)
        usd.set(j, Math.round((j.sizing.instanceHoursPerMonth ?? 0) * perHour * 100) / 100);
    }
  }
  const fleets: Row[] = page.map((j) => {
    const price = usd.get(j);
    return {
      fleet: j.fleet.Name ?? '',
      ...(j.scope.account ? { account: j.scope.account } : {}),
      region: j.scope.region,
      fleetType: j.fleet.FleetType ?? 'UNKNOWN',
      unit: capacityView(j.fleet)?.unit ?? 'sessions',
      verdict: j.sizing.verdict,
      peakInUse: j.peakInUse,
      avgProvisioned: j.avgProvisioned,
      ...(j.sizing.recommendedDesired !== undefined
        ? { recommendedDesired: j.sizing.recommendedDesired }
        : {}),
      ...(j.sizing.instanceHoursPerMonth !== undefined
        ? {
            instanceHoursPerMonth: j.sizing.instanceHoursPerMonth,
            billedAt: j.sizing.billedAt ?? 'full-rate',
          }
        : {}),
      ...(price !== undefined ? { usdPerMonth: price } : {}),
      reason: withFleetErrors(j),
    };
  });
  const hours = judged.map((j) => j.sizing.instanceHoursPerMonth ?? 0);
  const saving = -hours.filter((h) => h < 0).reduce((s, h) => s + h, 0);
  const added = hours.filter((h) => h > 0).reduce((s, h) => s + h, 0);
  const savingUsd = [...usd.values()].filter((v) => v < 0).reduce((s, v) => s - v, 0);
  const summary =
    `${SERVICE_LABELS.applications} fleet capacity over ${days} day(s): ${judged.length} fleet(s), ${counts.over} over-provisioned (~${saving} instance-hours/month to save), ${counts.under} under-provisioned (~${added} to add), ${counts.right} right-sized, ${counts['not-judged']} not judged (Elastic, stopped or no data).` +
    (usd.size > 0 ? ` Shown rows save ~$${Math.round(savingUsd)}/month at list price.` : '') +
    pageNote(offset, page.length, nextCursor) +
    (nextCursor ? ` ${ranked.length - offset - page.length} more fleet(s) not shown.` : '') +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    counts,
    totals: {
      savingInstanceHoursPerMonth: saving,
      addedInstanceHoursPerMonth: added,
      ...(usd.size > 0 ? { savingUsdPerMonth: Math.round(savingUsd * 100) / 100 } : {}),
    },
    fleets,
    ...(nextCursor ? { nextCursor } : {}),
    notes,
    errors,
  };
}

/** analyze_fleet_capacity: which fleets are over- or under-provisioned, and the desired capacity to set. */
export const analyzeFleetCapacity = defineTool({
  name: 'analyze_fleet_capacity',
  title: 'WorkSpaces Applications fleet sizing',
  description:
    'Over/under-provisioned WorkSpaces Applications (AppStream) fleets: desired capacity to set, instance-hours/$ a month saved or added.',
  tier: 0,
  iam: ['appstream:DescribeFleets', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  run,
});
