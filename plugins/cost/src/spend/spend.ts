import type { ResultByTime } from '@aws-sdk/client-cost-explorer';
import { usd } from '../shared/numbers.js';
import { COST_METRIC } from './cost-explorer.js';

/** The amount of one group or total (Cost Explorer sends strings). */
function amountOf(metrics: ResultByTime['Total']): number {
  const value = Number(metrics?.[COST_METRIC]?.Amount);
  return Number.isFinite(value) ? value : 0;
}

/** The currency Cost Explorer reported (USD unless the payer bills in another). */
export function currencyOf(results: readonly ResultByTime[]): string {
  for (const result of results) {
    for (const group of result.Groups ?? []) {
      const unit = group.Metrics?.[COST_METRIC]?.Unit;
      if (unit) return unit;
    }
    const unit = result.Total?.[COST_METRIC]?.Unit;
    if (unit) return unit;
  }
  return 'USD';
}

/**
 * Several accounts' answers for the same request as one: each period's groups side by side, so
 * `totalsByGroup` and `periodSeries` add the accounts up.
 */
export function mergePeriods(answers: readonly (readonly ResultByTime[])[]): ResultByTime[] {
  const byStart = new Map<string, ResultByTime>();
  for (const results of answers)
    for (const result of results) {
      const start = result.TimePeriod?.Start ?? '';
      const existing = byStart.get(start);
      if (existing) existing.Groups = [...(existing.Groups ?? []), ...(result.Groups ?? [])];
      else byStart.set(start, { ...result, Groups: [...(result.Groups ?? [])] });
    }
  return [...byStart.values()].sort((a, b) =>
    (a.TimePeriod?.Start ?? '').localeCompare(b.TimePeriod?.Start ?? ''),
  );
}

/** Sum per group key (the GroupBy keys joined by `|`), over every period, keeping those `keep` accepts. */
export function totalsByGroup(
  results: readonly ResultByTime[],
  keep: (keys: readonly string[]) => boolean = () => true,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const result of results)
    for (const group of result.Groups ?? []) {
      const keys = group.Keys ?? [];
      if (!keep(keys)) continue;
      const key = keys.join('|');
      totals.set(key, (totals.get(key) ?? 0) + amountOf(group.Metrics));
    }
  return totals;
}

/** `{ key, amount }` rows, largest first, cents, dropping amounts that round to zero. */
export function rankedAmounts(totals: ReadonlyMap<string, number>): { key: string; amount: number }[] {
  return [...totals.entries()]
    .map(([key, amount]) => ({ key, amount: usd(amount) }))
    .filter((row) => row.amount !== 0)
    .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
}

/** One period of a series: its total and its services, for the kept groups only. */
export interface PeriodRow {
  readonly start: string;
  readonly end: string;
  readonly total: number;
  readonly byService: { service: string; amount: number }[];
}

/** The by-period series of service-grouped results. */
export function periodSeries(
  results: readonly ResultByTime[],
  keep: (service: string) => boolean,
): PeriodRow[] {
  return results.map((result) => {
    const totals = totalsByGroup([result], (keys) => keep(keys[0] ?? ''));
    const byService = rankedAmounts(totals).map(({ key, amount }) => ({ service: key, amount }));
    return {
      start: result.TimePeriod?.Start ?? '',
      end: result.TimePeriod?.End ?? '',
      total: usd([...totals.values()].reduce((sum, v) => sum + v, 0)),
      byService,
    };
  });
}

/** Daily run-rate: the last 7 days against the whole window, both per day. */
export interface RunRate {
  readonly recentDailyAverage: number;
  readonly trailingDailyAverage: number;
  /** Days left out because AlwaysOn monthly fees post on the 1st and would skew either average. */
  readonly excludedDays: readonly string[];
}

/**
 * Run-rate from daily totals (`day → amount`, whole days only). The 1st of each month is left
 * out: WorkSpaces AlwaysOn fees post that day, so a 7-day window holding it looks like a spike.
 */
export function runRate(daily: ReadonlyMap<string, number>): RunRate | undefined {
  const days = [...daily.keys()].sort();
  const excludedDays = days.filter((day) => day.endsWith('-01'));
  const kept = days.filter((day) => !day.endsWith('-01'));
  if (kept.length === 0) return undefined;
  const average = (list: readonly string[]) =>
    list.reduce((sum, day) => sum + (daily.get(day) ?? 0), 0) / Math.max(1, list.length);
  return {
    recentDailyAverage: average(kept.slice(-7)),
    trailingDailyAverage: average(kept),
    excludedDays,
  };
}
