import type { ResultByTime } from '@aws-sdk/client-cost-explorer';
import { defineTool, ErrorList, type Scope, ScopeInput, type ToolContext } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { inRange } from '../shared/estate.js';
import { round1, usd } from '../shared/numbers.js';
import { addInto, coverageOf, readAccounts } from '../spend/across-accounts.js';
import {
  addDays,
  COST_METRIC,
  type CostSelection,
  costFilter,
  daysBetween,
  getCostAndUsage,
  type RequestCounter,
} from '../spend/cost-explorer.js';
import { type CostWindow, DateInput, resolveWindow } from '../spend/cost-window.js';
import { currencyOf, totalsByGroup } from '../spend/spend.js';
import { driverCategory, isEucService, SPLIT_NOTE } from '../spend/usage-types.js';

const Input = Type.Object(
  {
    ...ScopeInput,
    startDate: DateInput('YYYY-MM-DD'),
    endDate: DateInput('exclusive'),
    baselineStartDate: DateInput(),
    baselineEndDate: DateInput(),
    topN: Type.Optional(Type.Integer()),
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
  scope: Type.String(),
  costExplorerRequests: Type.Integer(),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** Per (service|usageType) totals of one window, EUC services only. */
async function driversOf(
  ctx: ToolContext,
  scope: Scope,
  selection: CostSelection,
  window: CostWindow,
  services: readonly string[],
  counter: RequestCounter,
): Promise<Map<string, number>> {
  if (services.length === 0) return new Map();
  const results = await getCostAndUsage(
    ctx,
    scope,
    {
      TimePeriod: { Start: window.start, End: window.end },
      Granularity: 'MONTHLY',
      Metrics: [COST_METRIC],
      ...costFilter({ Dimensions: { Key: 'SERVICE', Values: [...services] } }, selection, scope),
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'USAGE_TYPE' },
      ],
    },
    counter,
  );
  return totalsByGroup(results);
}

/** One account: which EUC services had spend over both windows, then each window's drivers. */
async function accountDrivers(
  ctx: ToolContext,
  scope: Scope,
  selection: CostSelection,
  windows: { readonly baseline: CostWindow; readonly comparison: CostWindow; readonly span: CostWindow },
  counter: RequestCounter,
): Promise<{ discovery: ResultByTime[]; before: Map<string, number>; after: Map<string, number> }> {
  const { span } = windows;
  const discovery = await getCostAndUsage(
    ctx,
    scope,
    {
      TimePeriod: { Start: span.start, End: span.end },
      Granularity: 'MONTHLY',
      Metrics: [COST_METRIC],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      ...costFilter(undefined, selection, scope),
    },
    counter,
  );
  const services = [...totalsByGroup(discovery, (keys) => isEucService(keys[0] ?? '')).keys()].sort();
  const [before, after] = await Promise.all([
    driversOf(ctx, scope, selection, windows.baseline, services, counter),
    driversOf(ctx, scope, selection, windows.comparison, services, counter),
  ]);
  return { discovery, before, after };
}

/** compare_euc_costs: EUC spend in two windows and what drove the change. */
export const compareEucCosts = defineTool({
  name: 'compare_euc_costs',
  title: 'Compare EUC spend between two windows',
  description:
    'Why did EUC spend change? Two windows (default: last 30 whole days vs the equal window before) per service and usage-type driver. 3 Cost Explorer requests per account at $0.01, cached 15 min.',
  tier: 1,
  iam: ['ce:GetCostAndUsage'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('topN', input.topN, 1, 50);
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
    const read = await readAccounts(ctx, input, (scope, selection) =>
      accountDrivers(ctx, scope, selection, { baseline, comparison, span }, counter),
    );
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const { value } of read.answered) {
      addInto(before, value.before);
      addInto(after, value.after);
    }

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
    const currency = currencyOf(read.answered.flatMap(({ value }) => value.discovery));
    const lead = topDrivers[0];
    const summary =
      `EUC spend ${comparison.start}..${comparison.end} was ${comparisonTotal.toFixed(2)} ${currency} vs ${baselineTotal.toFixed(2)} in ${baseline.start}..${baseline.end} ` +
      `(${delta >= 0 ? '+' : ''}${delta.toFixed(2)}${deltaPct === null ? '' : `, ${deltaPct >= 0 ? '+' : ''}${deltaPct}%`}).` +
      (lead
        ? ` Largest driver: ${lead.category} ${lead.usageType} (${lead.delta >= 0 ? '+' : ''}${lead.delta.toFixed(2)}).`
        : '') +
      ` ${counter.requests} Cost Explorer request(s).` +
      (read.errors.length > 0 ? ' Partial: see errors.' : '');
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
      scope: coverageOf(read),
      costExplorerRequests: counter.requests,
      errors: read.errors,
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
