/**
 * GetCostForecast over the estate's history. Rules after the Cost Explorer API reference:
 * TimePeriod Start must be today or later (`YYYY-MM-DD`, End exclusive); Granularity DAILY (up
 * to 3 months ahead) or MONTHLY (up to 12 months, plus the rest of this one), never HOURLY;
 * Metric one of AMORTIZED_COST, BLENDED_COST, NET_AMORTIZED_COST, NET_UNBLENDED_COST,
 * UNBLENDED_COST (usage forecasts are GetUsageForecast's); PredictionIntervalLevel 51-99,
 * default 80; DataUnavailableException when the filtered history is too thin to forecast.
 *
 * The model, a plain stand-in for AWS's: each weekday's mean over the last four whole weeks
 * (leaving out the 1st, when monthly fees post), levelled half-way toward the last seven days,
 * plus the last 1st's monthly fees on every coming 1st; the interval is the mean ± z × the
 * daily residual spread × √days.
 */
import type { GetCostForecastResponse } from '@aws-sdk/client-cost-explorer';
import type { OperationHandler } from '../../handlers.js';
import { DAY_MS } from '../../model.js';
import { ceError, compileFilter, visibleLines } from './ce-query.js';
import { amountString } from './cost-explorer-service.js';

const METRICS = [
  'AMORTIZED_COST',
  'BLENDED_COST',
  'NET_AMORTIZED_COST',
  'NET_UNBLENDED_COST',
  'UNBLENDED_COST',
];
const HISTORY_DAYS = 28;

/** The standard normal quantile (Acklam's rational approximation; ample for an interval). */
function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const q = p - 0.5;
  const r = q * q;
  const num = ((((a[0] ?? 0) * r + (a[1] ?? 0)) * r + (a[2] ?? 0)) * r + (a[3] ?? 0)) * r + (a[4] ?? 0);
  const den = ((((b[0] ?? 0) * r + (b[1] ?? 0)) * r + (b[2] ?? 0)) * r + (b[3] ?? 0)) * r + (b[4] ?? 0);
  return ((num * r + (a[5] ?? 0)) * q) / (den * r + 1);
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function parseDay(value: unknown, field: string): number {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  )
    throw ceError(`${field} ${String(value)} is not a valid date: use YYYY-MM-DD.`);
  return Date.parse(`${value}T00:00:00Z`);
}

const getCostForecast: OperationHandler = (request, estate) => {
  const input = request.input;
  const metric = input.Metric;
  if (typeof metric !== 'string' || !METRICS.includes(metric))
    throw ceError(`Metric must be one of ${METRICS.join(', ')}; use GetUsageForecast for usage.`);
  const granularity = input.Granularity;
  if (granularity !== 'DAILY' && granularity !== 'MONTHLY')
    throw ceError('Granularity must be DAILY or MONTHLY for forecasts.');
  const level = input.PredictionIntervalLevel ?? 80;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 51 || level > 99)
    throw ceError('PredictionIntervalLevel must be an integer between 51 and 99.');
  const period = input.TimePeriod as Record<string, unknown> | undefined;
  if (!period)
    throw ceError(
      "1 validation error detected: Value null at 'timePeriod' failed to satisfy constraint: Member must not be null",
    );
  const startMs = parseDay(period.Start, 'Start date');
  const endMs = parseDay(period.End, 'End date');
  const billing = estate.billing;
  const todayMs = Date.parse(`${billing.today}T00:00:00Z`);
  if (startMs < todayMs) throw ceError('Start date must be equal to or greater than the current date.');
  if (endMs <= startMs) throw ceError('Start date (and hour) should be before end date (and hour)');
  const today = new Date(todayMs);
  const limit =
    granularity === 'DAILY'
      ? todayMs + 93 * DAY_MS
      : Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 13, 1);
  if (endMs > limit)
    throw ceError(
      granularity === 'DAILY'
        ? 'End date is too far in the future: DAILY forecasts reach at most 3 months ahead.'
        : 'End date is too far in the future: MONTHLY forecasts reach at most 12 months ahead.',
    );

  const filter = compileFilter(input.Filter);
  const daily = new Map<string, number>();
  const fromDay = day(todayMs - HISTORY_DAYS * DAY_MS);
  for (const line of visibleLines(estate, request))
    if (line.day >= fromDay && line.day < billing.today && filter(line))
      daily.set(line.day, (daily.get(line.day) ?? 0) + line.amount);
  const history: { day: string; weekday: number; amount: number }[] = [];
  for (let t = todayMs - HISTORY_DAYS * DAY_MS; t < todayMs; t += DAY_MS)
    history.push({ day: day(t), weekday: new Date(t).getUTCDay(), amount: daily.get(day(t)) ?? 0 });
  const regular = history.filter((h) => !h.day.endsWith('-01'));
  if (regular.filter((h) => h.amount !== 0).length < 7)
    throw ceError('Insufficient amount of historical data to generate forecast.', 'DataUnavailableException');
  const mean = (list: readonly { amount: number }[]) =>
    list.reduce((s, h) => s + h.amount, 0) / Math.max(1, list.length);
  const overall = mean(regular);
  const recent = mean(regular.slice(-7));
  const levelFactor = overall > 0 ? 1 + 0.5 * (recent / overall - 1) : 1;
  const byWeekday = Array.from({ length: 7 }, (_, w) => mean(regular.filter((h) => h.weekday === w)));
  const residual = Math.sqrt(
    regular.reduce((s, h) => s + (h.amount - (byWeekday[h.weekday] ?? 0)) ** 2, 0) /
      Math.max(1, regular.length - 1),
  );
  const lastFirst = history.filter((h) => h.day.endsWith('-01')).pop();
  const monthlyFees = lastFirst ? Math.max(0, lastFirst.amount - (byWeekday[lastFirst.weekday] ?? 0)) : 0;

  const z = normalQuantile(0.5 + level / 200);
  const dayMean = (t: number) =>
    (byWeekday[new Date(t).getUTCDay()] ?? 0) * levelFactor + (day(t).endsWith('-01') ? monthlyFees : 0);
  const periods: { start: number; end: number }[] = [];
  for (let cursor = startMs; cursor < endMs; ) {
    const d = new Date(cursor);
    const next =
      granularity === 'DAILY' ? cursor + DAY_MS : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    periods.push({ start: cursor, end: Math.min(next, endMs) });
    cursor = Math.min(next, endMs);
  }
  let total = 0;
  const results = periods.map(({ start, end }) => {
    let sum = 0;
    let days = 0;
    for (let t = start; t < end; t += DAY_MS) {
      sum += dayMean(t);
      days += 1;
    }
    total += sum;
    const spread = z * residual * Math.sqrt(days);
    return {
      TimePeriod: { Start: day(start), End: day(end) },
      MeanValue: amountString(sum),
      PredictionIntervalLowerBound: amountString(Math.max(0, sum - spread)),
      PredictionIntervalUpperBound: amountString(sum + spread),
    };
  });
  const output: GetCostForecastResponse = {
    Total: { Amount: amountString(total), Unit: 'USD' },
    ForecastResultsByTime: results,
  };
  return output as Record<string, unknown>;
};

export const forecastOperations: Readonly<Record<string, OperationHandler>> = {
  GetCostForecast: getCostForecast,
};
