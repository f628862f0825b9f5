import { defineTool, ErrorEntry, ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { usd } from '../shared/numbers.js';
import {
  addDays,
  COST_METRIC,
  getCostAndUsage,
  getCostForecast,
  type RequestCounter,
  utcDay,
} from '../spend/cost-explorer.js';
import { currencyOf, runRate, totalsByGroup } from '../spend/spend.js';
import { isEucService } from '../spend/usage-types.js';

/** Recent spend this much above (or below) the trailing average makes the forecast suspect. */
const RUN_RATE_HIGH = 1.3;
const RUN_RATE_LOW = 0.7;
/** Cost Explorer forecasts up to 3 months at DAILY granularity and 12 months at MONTHLY. */
const MAX_DAYS = { DAILY: 90, MONTHLY: 365 } as const;

const Input = Type.Object(
  {
    daysAhead: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 365,
        default: 30,
        description: 'Days to forecast, starting tomorrow (at most 90 with DAILY).',
      }),
    ),
    granularity: Type.Optional(
      Type.Union([Type.Literal('MONTHLY'), Type.Literal('DAILY')], { default: 'MONTHLY' }),
    ),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
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
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

const num = (value: string | undefined): number | null => {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? usd(n) : null;
};

/** get_euc_cost_forecast: Cost Explorer's forecast of EUC spend, with a run-rate sanity check. */
export const getEucCostForecast = defineTool({
  name: 'get_euc_cost_forecast',
  title: 'EUC spend forecast (Cost Explorer)',
  description:
    'Forecasts EUC spend (the WorkSpaces-family and AppStream services that had spend in the last 30 days) from tomorrow for daysAhead, with the 80% prediction interval, and checks it against the run-rate: when the last 7 days run more than 30% above (or below) the 30-day average, it warns that the forecast is skewed. The 1st of each month is left out of the run-rate because AlwaysOn fees post that day. Cost: 2 Cost Explorer requests (the 30-day daily history and the forecast, each billed $0.01; reused for 15 minutes); 1 when there was no EUC spend.',
  tier: 1,
  iam: ['ce:GetCostAndUsage', 'ce:GetCostForecast'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const granularity = input.granularity ?? 'MONTHLY';
    const daysAhead = input.daysAhead ?? 30;
    if (daysAhead > MAX_DAYS[granularity])
      throw new ToolError(
        'InvalidInput',
        `daysAhead: Cost Explorer forecasts at most ${MAX_DAYS[granularity]} days with ${granularity} granularity; use MONTHLY for longer.`,
      );
    const today = utcDay(ctx.now());
    const counter: RequestCounter = { requests: 0 };
    // Whole days only: the 30 days before today.
    const history = await getCostAndUsage(
      ctx,
      {
        TimePeriod: { Start: addDays(today, -30), End: today },
        Granularity: 'DAILY',
        Metrics: [COST_METRIC],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
      },
      counter,
    );
    const services = [...totalsByGroup(history, (keys) => isEucService(keys[0] ?? '')).entries()]
      .filter(([, amount]) => amount !== 0)
      .map(([service]) => service)
      .sort();
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
    const start = addDays(today, 1);
    const end = addDays(start, daysAhead);
    const currency = currencyOf(history);
    const base = {
      start,
      end,
      granularity,
      currency,
      filteredServices: services,
      recentDailyAverage: rate ? usd(rate.recentDailyAverage) : null,
      trailingDailyAverage: rate ? usd(rate.trailingDailyAverage) : null,
      errors: [] as ErrorEntry[],
    };
    if (services.length === 0)
      return {
        ...base,
        summary:
          'No EUC spend in the last 30 days, so there is nothing to forecast. 1 Cost Explorer request.',
        forecastTotal: null,
        byPeriod: [],
        costExplorerRequests: counter.requests,
        notes: ['Forecasts extrapolate recent spend; a new deployment has no history to extrapolate.'],
      };
    const forecast = await getCostForecast(
      ctx,
      {
        TimePeriod: { Start: start, End: end },
        Metric: 'UNBLENDED_COST',
        Granularity: granularity,
        PredictionIntervalLevel: 80,
        Filter: { Dimensions: { Key: 'SERVICE', Values: services } },
      },
      counter,
    );
    let runRateWarning: string | undefined;
    if (rate && rate.trailingDailyAverage > 0) {
      const ratio = rate.recentDailyAverage / rate.trailingDailyAverage;
      if (ratio > RUN_RATE_HIGH)
        runRateWarning = `The last 7 days ran ${Math.round((ratio - 1) * 100)}% above the 30-day daily average: the forecast may be inflated by a recent spike (a bulk launch, a test fleet left running).`;
      else if (ratio < RUN_RATE_LOW)
        runRateWarning = `The last 7 days ran ${Math.round((1 - ratio) * 100)}% below the 30-day daily average: the forecast may overstate spend if the drop (terminations, AutoStop switches) holds.`;
    }
    const total = forecast.total === undefined ? null : usd(forecast.total);
    const summary =
      `Forecast EUC spend ${start} to ${end}: ${total === null ? 'not returned' : `${total.toFixed(2)} ${currency}`}` +
      (rate
        ? ` (run-rate ${usd(rate.recentDailyAverage).toFixed(2)}/day over the last 7 days, ${usd(rate.trailingDailyAverage).toFixed(2)}/day over 30).`
        : '.') +
      (runRateWarning ? ` Warning: ${runRateWarning}` : '') +
      ` ${counter.requests} Cost Explorer request(s).`;
    return {
      ...base,
      summary,
      forecastTotal: total,
      byPeriod: forecast.byTime.map((f) => ({
        start: f.TimePeriod?.Start ?? '',
        end: f.TimePeriod?.End ?? '',
        mean: num(f.MeanValue) ?? 0,
        lower: num(f.PredictionIntervalLowerBound),
        upper: num(f.PredictionIntervalUpperBound),
      })),
      ...(runRateWarning ? { runRateWarning } : {}),
      costExplorerRequests: counter.requests,
      notes: [
        'Cost Explorer forecasts UnblendedCost for the services listed in filteredServices only (those with EUC spend in the last 30 days).',
        `The run-rate leaves out the 1st of each month (AlwaysOn fees post that day)${rate && rate.excludedDays.length > 0 ? `: ${rate.excludedDays.join(', ')}` : ''}.`,
        'byPeriod lower/upper bound the 80% prediction interval.',
      ],
    };
  },
});
