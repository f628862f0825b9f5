import type { ForecastResult } from '@aws-sdk/client-cost-explorer';
import {
  defineTool,
  ErrorList,
  type Scope,
  ScopeInput,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { usd } from '../shared/numbers.js';
import { coverageOf, readAccounts } from '../spend/across-accounts.js';
import {
  addDays,
  COST_METRIC,
  type CostSelection,
  costFilter,
  getCostAndUsage,
  getCostForecast,
  type RequestCounter,
  utcDay,
} from '../spend/cost-explorer.js';
import { currencyOf, mergePeriods, runRate, totalsByGroup } from '../spend/spend.js';
import { isEucService } from '../spend/usage-types.js';

/** Recent spend this much above (or below) the trailing average makes the forecast suspect. */
const RUN_RATE_HIGH = 1.3;
const RUN_RATE_LOW = 0.7;
/** Cost Explorer forecasts up to 3 months at DAILY granularity and 12 months at MONTHLY. */
const MAX_DAYS = { DAILY: 90, MONTHLY: 365 } as const;

const Input = Type.Object(
  {
    ...ScopeInput,
    daysAhead: Type.Optional(Type.Integer({ description: 'Default 30' })),
    granularity: Type.Optional(Type.Enum(['MONTHLY', 'DAILY'])),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  scope: Type.String(),
  start: Type.String(),
  end: Type.String(),
  granularity: Type.String(),
  currency: Type.String(),
  forecastTotal: Type.Union([Type.Number(), Type.Null()]),
  byPeriod: Type.Array(
    Type.Object({
      start: Type.String(),
      end: Type.String(),
      mean: Type.Number(),
      lower: Type.Union([Type.Number(), Type.Null()]),
      upper: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  filteredServices: Type.Array(Type.String()),
  recentDailyAverage: Type.Union([Type.Number(), Type.Null()]),
  trailingDailyAverage: Type.Union([Type.Number(), Type.Null()]),
  runRateWarning: Type.Optional(Type.String()),
  costExplorerRequests: Type.Integer(),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

const num = (value: string | undefined): number | null => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? n : null;
};

/** One account's last 30 days of EUC spend (daily) and, when it had any, its forecast. */
async function accountForecast(
  ctx: ToolContext,
  scope: Scope,
  selection: CostSelection,
  window: { readonly today: string; readonly start: string; readonly end: string },
  granularity: 'MONTHLY' | 'DAILY',
  counter: RequestCounter,
) {
  // Whole days only: the 30 days before today.
  const history = await getCostAndUsage(
    ctx,
    scope,
    {
      TimePeriod: { Start: addDays(window.today, -30), End: window.today },
      Granularity: 'DAILY',
      Metrics: [COST_METRIC],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      ...costFilter(undefined, selection, scope),
    },
    counter,
  );
  const services = [...totalsByGroup(history, (keys) => isEucService(keys[0] ?? '')).entries()]
    .filter(([, amount]) => amount !== 0)
    .map(([service]) => service)
    .sort();
  if (services.length === 0) return { history, services, byTime: [] as ForecastResult[] };
  const forecast = await getCostForecast(
    ctx,
    scope,
    {
      TimePeriod: { Start: window.start, End: window.end },
      Metric: 'UNBLENDED_COST',
      Granularity: granularity,
      PredictionIntervalLevel: 80,
      ...costFilter({ Dimensions: { Key: 'SERVICE', Values: services } }, selection, scope),
    },
    counter,
  );
  return { history, services, total: forecast.total, byTime: [...forecast.byTime] };
}

/** Several accounts' forecast periods added up: means and interval bounds summed per period. */
function addForecasts(answers: readonly (readonly ForecastResult[])[]) {
  const byStart = new Map<
    string,
    { start: string; end: string; mean: number; lower: number | null; upper: number | null }
  >();
  for (const periods of answers)
    for (const f of periods) {
      const start = f.TimePeriod?.Start ?? '';
      const row = byStart.get(start) ?? { start, end: f.TimePeriod?.End ?? '', mean: 0, lower: 0, upper: 0 };
      const lower = num(f.PredictionIntervalLowerBound);
      const upper = num(f.PredictionIntervalUpperBound);
      row.mean += num(f.MeanValue) ?? 0;
      row.lower = row.lower === null || lower === null ? null : row.lower + lower;
      row.upper = row.upper === null || upper === null ? null : row.upper + upper;
      byStart.set(start, row);
    }
  return [...byStart.values()]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((r) => ({
      ...r,
      mean: usd(r.mean),
      lower: r.lower === null ? null : usd(r.lower),
      upper: r.upper === null ? null : usd(r.upper),
    }));
}

/** get_euc_cost_forecast: Cost Explorer's forecast of EUC spend, with a run-rate sanity check. */
export const getEucCostForecast = defineTool({
  name: 'get_euc_cost_forecast',
  title: 'EUC spend forecast (Cost Explorer)',
  description:
    'What will EUC cost from tomorrow? Cost Explorer forecast (80% interval), with a warning when the last 7 days run >30% off the 30-day average. 2 requests per account at $0.01, cached 15 min.',
  tier: 1,
  iam: ['ce:GetCostAndUsage', 'ce:GetCostForecast'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const granularity = input.granularity ?? 'MONTHLY';
    const daysAhead = input.daysAhead ?? 30;
    if (daysAhead < 1 || daysAhead > MAX_DAYS[granularity])
      throw new ToolError(
        'InvalidInput',
        `daysAhead: Cost Explorer forecasts 1 to ${MAX_DAYS[granularity]} days with ${granularity} granularity; use MONTHLY for longer.`,
      );
    const today = utcDay(ctx.now());
    const start = addDays(today, 1);
    const end = addDays(start, daysAhead);
    const counter: RequestCounter = { requests: 0 };
    const read = await readAccounts(ctx, input, (scope, selection) =>
      accountForecast(ctx, scope, selection, { today, start, end }, granularity, counter),
    );
    const history = mergePeriods(read.answered.map(({ value }) => value.history));
    const services = [...new Set(read.answered.flatMap(({ value }) => value.services))].sort();
    const daily = new Map<string, number>();
    for (const result of history)
      daily.set(
        result.TimePeriod?.Start ?? '',
        [...totalsByGroup([result], (keys) => services.includes(keys[0] ?? '')).values()].reduce(
          (a, b) => a + b,
          0,
        ),
      );
    const rate = services.length > 0 ? runRate(daily) : undefined;
    const currency = currencyOf(history);
    // The accounts that had EUC spend were forecast; a total is known only when each answered one.
    const totals = read.answered
      .filter(({ value }) => value.services.length > 0)
      .map(({ value }) => value.total);
    const total =
      totals.length > 0 && totals.every((t): t is number => t !== undefined)
        ? usd(totals.reduce((a, b) => a + b, 0))
        : null;
    let runRateWarning: string | undefined;
    if (rate && rate.trailingDailyAverage > 0) {
      const ratio = rate.recentDailyAverage / rate.trailingDailyAverage;
      if (ratio > RUN_RATE_HIGH)
        runRateWarning = `The last 7 days ran ${Math.round((ratio - 1) * 100)}% above the 30-day daily average: the forecast may be inflated by a recent spike (a bulk launch, a test fleet left running).`;
      else if (ratio < RUN_RATE_LOW)
        runRateWarning = `The last 7 days ran ${Math.round((1 - ratio) * 100)}% below the 30-day daily average: the forecast may overstate spend if the drop (terminations, AutoStop switches) holds.`;
    }
    const summary =
      services.length === 0
        ? `No EUC spend in the last 30 days (${coverageOf(read)}), so there is nothing to forecast. ${counter.requests} Cost Explorer request(s).`
        : `Forecast EUC spend ${start} to ${end}, ${coverageOf(read)}: ${total === null ? 'not returned' : `${total.toFixed(2)} ${currency}`}` +
          (rate
            ? ` (run-rate ${usd(rate.recentDailyAverage).toFixed(2)}/day over the last 7 days, ${usd(rate.trailingDailyAverage).toFixed(2)}/day over 30).`
            : '.') +
          (runRateWarning ? ` Warning: ${runRateWarning}` : '') +
          ` ${counter.requests} Cost Explorer request(s).` +
          (read.errors.length > 0 ? ' Partial: see errors.' : '');
    return {
      summary,
      scope: coverageOf(read),
      start,
      end,
      granularity,
      currency,
      forecastTotal: services.length === 0 ? null : total,
      byPeriod: addForecasts(read.answered.map(({ value }) => value.byTime)),
      filteredServices: services,
      recentDailyAverage: rate ? usd(rate.recentDailyAverage) : null,
      trailingDailyAverage: rate ? usd(rate.trailingDailyAverage) : null,
      ...(runRateWarning ? { runRateWarning } : {}),
      costExplorerRequests: counter.requests,
      errors: read.errors,
      notes: [
        'Cost Explorer forecasts UnblendedCost for the services in filteredServices only (those with EUC spend in the last 30 days); forecasts extrapolate recent spend.',
        `The run-rate leaves out the 1st of each month (AlwaysOn fees post that day)${rate && rate.excludedDays.length > 0 ? `: ${rate.excludedDays.join(', ')}` : ''}.`,
        'byPeriod lower/upper bound the 80% prediction interval (summed across accounts, an upper bound of the joint interval).',
      ],
    };
  },
});
