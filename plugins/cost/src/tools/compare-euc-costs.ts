import { defineTool, ErrorEntry } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { round1, usd } from '../shared/numbers.js';
import {
  addDays,
  COST_METRIC,
  daysBetween,
  getCostAndUsage,
  type RequestCounter,
} from '../spend/cost-explorer.js';
import { type CostWindow, DateInput, resolveWindow } from '../spend/cost-window.js';
import { currencyOf, totalsByGroup } from '../spend/spend.js';
import { driverCategory, isEucService, SPLIT_NOTE } from '../spend/usage-types.js';

const Input = Type.Object(
  {
    startDate: DateInput('Comparison window start (inclusive); default: 30 days before today.'),
    endDate: DateInput('Comparison window end (exclusive); default: today, so only whole days compare.'),
    baselineStartDate: DateInput(
      'Baseline start (inclusive); default: the window of equal length just before.',
    ),
    baselineEndDate: DateInput('Baseline end (exclusive).'),
    topN: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 50,
        default: 10,
        description: 'How many (service, usage type) drivers to list.',
      }),
    ),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  baselineStart: Type.String(),
  baselineEnd: Type.String(),
  comparisonStart: Type.String(),
  comparisonEnd: Type.String(),
  currency: Type.String(),
  baselineTotal: Type.Number(),
  comparisonTotal: Type.Number(),
  delta: Type.Number(),
  deltaPct: Type.Union([Type.Number(), Type.Null()], { description: 'null when the baseline is 0.' }),
  byService: Type.Array(
    Type.Object({
      service: Type.String(),
      baseline: Type.Number(),
      comparison: Type.Number(),
      delta: Type.Number(),
    }),
  ),
  topDrivers: Type.Array(
    Type.Object({
      service: Type.String(),
      usageType: Type.String(),
      category: Type.String(),
      baseline: Type.Number(),
      comparison: Type.Number(),
      delta: Type.Number(),
    }),
    { description: 'Largest absolute change first.' },
  ),
  costExplorerRequests: Type.Integer(),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** Per (service|usageType) totals of one window, EUC services only. */
async function driversOf(
  ctx: Parameters<typeof getCostAndUsage>[0],
  window: CostWindow,
  services: readonly string[],
  counter: RequestCounter,
): Promise<Map<string, number>> {
  if (services.length === 0) return new Map();
  const results = await getCostAndUsage(
    ctx,
    {
      TimePeriod: { Start: window.start, End: window.end },
      Granularity: 'MONTHLY',
      Metrics: [COST_METRIC],
      Filter: { Dimensions: { Key: 'SERVICE', Values: [...services] } },
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      ],
    },
    counter,
  );
  return totalsByGroup(results);
}

/** compare_euc_costs: EUC spend in two windows and what drove the change. */
export const compareEucCosts = defineTool({
  name: 'compare_euc_costs',
  title: 'Compare EUC spend between two windows',
  description:
    'Compares EUC spend between a baseline and a comparison window (default: the last 30 days against the 30 before), per service and per (service, usage type) driver, with each driver labelled Personal / Pools / Core / Applications / Secure Browser. Use it to explain "why did WorkSpaces cost more this month". Cost: 3 Cost Explorer requests (one to find the EUC services over both windows, one per window grouped by service and usage type; each billed $0.01, reused for 15 minutes).',
  tier: 1,
  iam: ['ce:GetCostAndUsage'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const comparison = resolveWindow(input, ctx.now(), 30, undefined, true);
    const length = daysBetween(comparison.start, comparison.end);
    const baseline =
      input.baselineStartDate === undefined && input.baselineEndDate === undefined
        ? { start: addDays(comparison.start, -length), end: comparison.start }
        : resolveWindow(
            { startDate: input.baselineStartDate, endDate: input.baselineEndDate },
            ctx.now(),
            length,
            { start: 'baselineStartDate', end: 'baselineEndDate' },
          );
    const counter: RequestCounter = { requests: 0 };
    // ISO days sort as strings: the span from the earlier start to the later end.
    const [spanStart = comparison.start] = [baseline.start, comparison.start].sort();
    const [spanEnd = comparison.end] = [baseline.end, comparison.end].sort().reverse();
    const span = { start: spanStart, end: spanEnd };
    const discovery = await getCostAndUsage(
      ctx,
      {
        TimePeriod: { Start: span.start, End: span.end },
        Granularity: 'MONTHLY',
        Metrics: [COST_METRIC],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      },
      counter,
    );
    const services = [...totalsByGroup(discovery, (keys) => isEucService(keys[0] ?? '')).keys()].sort();
    const [before, after] = await Promise.all([
      driversOf(ctx, baseline, services, counter),
      driversOf(ctx, comparison, services, counter),
    ]);

    const keys = [...new Set([...before.keys(), ...after.keys()])];
    const drivers = keys.map((key) => {
      const [service = '', usageType = ''] = key.split('|');
      const b = before.get(key) ?? 0;
      const c = after.get(key) ?? 0;
      return {
        service,
        usageType,
        category: driverCategory(service, usageType),
        baseline: b,
        comparison: c,
        delta: c - b,
      };
    });
    const perService = new Map<string, { baseline: number; comparison: number }>();
    for (const d of drivers) {
      const row = perService.get(d.service) ?? { baseline: 0, comparison: 0 };
      row.baseline += d.baseline;
      row.comparison += d.comparison;
      perService.set(d.service, row);
    }
    const byService = [...perService.entries()]
      .map(([service, r]) => ({
        service,
        baseline: usd(r.baseline),
        comparison: usd(r.comparison),
        delta: usd(r.comparison - r.baseline),
      }))
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.service.localeCompare(b.service));
    const topDrivers = drivers
      .filter((d) => Math.abs(d.delta) >= 0.01)
      .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.usageType.localeCompare(b.usageType))
      .slice(0, input.topN ?? 10)
      .map((d) => ({ ...d, baseline: usd(d.baseline), comparison: usd(d.comparison), delta: usd(d.delta) }));
    const baselineTotal = usd(drivers.reduce((sum, d) => sum + d.baseline, 0));
    const comparisonTotal = usd(drivers.reduce((sum, d) => sum + d.comparison, 0));
    const delta = usd(comparisonTotal - baselineTotal);
    const deltaPct = baselineTotal === 0 ? null : round1((delta / baselineTotal) * 100);
    const currency = currencyOf(discovery);
    const lead = topDrivers[0];
    const summary =
      `EUC spend ${comparison.start}..${comparison.end} was ${comparisonTotal.toFixed(2)} ${currency} vs ${baselineTotal.toFixed(2)} in ${baseline.start}..${baseline.end} ` +
      `(${delta >= 0 ? '+' : ''}${delta.toFixed(2)}${deltaPct === null ? '' : `, ${deltaPct >= 0 ? '+' : ''}${deltaPct}%`}).` +
      (lead
        ? ` Largest driver: ${lead.category} ${lead.usageType} (${lead.delta >= 0 ? '+' : ''}${lead.delta.toFixed(2)}).`
        : '') +
      ` ${counter.requests} Cost Explorer request(s).`;
    const baselineDays = daysBetween(baseline.start, baseline.end);
    return {
      summary,
      baselineStart: baseline.start,
      baselineEnd: baseline.end,
      comparisonStart: comparison.start,
      comparisonEnd: comparison.end,
      currency,
      baselineTotal,
      comparisonTotal,
      delta,
      deltaPct,
      byService,
      topDrivers,
      costExplorerRequests: counter.requests,
      errors: [],
      notes: [
        'Windows are start-inclusive, end-exclusive UnblendedCost; a window including today holds partial spend.',
        ...(baselineDays !== length
          ? [
              `The windows differ in length (${baselineDays} vs ${length} days): compare per-day amounts, not totals.`,
            ]
          : []),
        SPLIT_NOTE,
      ],
    };
  },
});
