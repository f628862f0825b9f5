/**
 * Cost Explorer (`ce`, one account-wide endpoint in us-east-1): GetCostAndUsage and
 * GetDimensionValues over the estate's daily lines (GetCostForecast is in forecast.ts).
 *
 * GetCostAndUsage after the API reference: Granularity DAILY | MONTHLY | HOURLY (required);
 * Metrics required, any of AmortizedCost, BlendedCost, NetAmortizedCost, NetUnblendedCost,
 * NormalizedUsageAmount, UnblendedCost, UsageQuantity; up to two GroupBy of DIMENSION, TAG or
 * COST_CATEGORY, no duplicates; Total only without GroupBy; TAG keys come back as `Key$value`;
 * results of the current month are Estimated; NextPageToken pages the (period, group) rows, and
 * a token replayed with other parameters gets RequestChangedException. Every request is billed
 * by AWS ($0.01), which is why the simulator counts them like any other call.
 * HOURLY buckets spread each day's charges evenly over its hours (the lines are daily).
 */
import type {
  GetCostAndUsageResponse,
  Group,
  MetricValue,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { DAY_MS, HOUR_MS } from '../../model.js';
import { encodeToken } from '../../paging.js';
import { hash32 } from '../../rng.js';
import {
  ceError,
  compileFilter,
  dimensionValue,
  groupValue,
  historyWindow,
  linesIn,
  requireDimension,
  visibleLines,
  type Window,
} from './ce-query.js';
import type { CostLine } from './model.js';

const METRICS = [
  'AmortizedCost',
  'BlendedCost',
  'NetAmortizedCost',
  'NetUnblendedCost',
  'NormalizedUsageAmount',
  'UnblendedCost',
  'UsageQuantity',
] as const;
const GRANULARITIES = ['DAILY', 'MONTHLY', 'HOURLY'];
const GROUP_TYPES = ['DIMENSION', 'TAG', 'COST_CATEGORY'];

interface Bucket {
  readonly startMs: number;
  readonly endMs: number;
}

function buckets(window: Window, granularity: string): Bucket[] {
  const out: Bucket[] = [];
  let cursor = window.startMs;
  while (cursor < window.endMs) {
    let next: number;
    if (granularity === 'HOURLY') next = cursor + HOUR_MS;
    else if (granularity === 'DAILY') next = cursor + DAY_MS;
    else {
      const d = new Date(cursor);
      next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    out.push({ startMs: cursor, endMs: Math.min(next, window.endMs) });
    cursor = Math.min(next, window.endMs);
  }
  return out;
}

function formatTime(ms: number, granularity: string): string {
  const iso = new Date(ms).toISOString();
  return granularity === 'HOURLY' ? `${iso.slice(0, 19)}Z` : iso.slice(0, 10);
}

/** AWS sends amounts as decimal strings; an exact zero as "0". */
export function amountString(value: number): string {
  return value === 0 ? '0' : value.toFixed(10);
}

interface Sums {
  cost: number;
  quantity: number;
  units: Set<string>;
}

function metricValues(metrics: readonly string[], sums: Sums): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  for (const metric of metrics) {
    if (metric === 'UsageQuantity')
      out[metric] = {
        Amount: amountString(sums.quantity),
        Unit: sums.units.size === 1 ? [...sums.units][0] : 'N/A',
      };
    else if (metric === 'NormalizedUsageAmount') out[metric] = { Amount: '0', Unit: 'N/A' };
    // List prices, no reservations or savings plans: every cost metric is the same figure.
    else out[metric] = { Amount: amountString(sums.cost), Unit: 'USD' };
  }
  return out;
}

function readMetrics(input: Record<string, unknown>): string[] {
  const metrics = input.Metrics;
  if (!Array.isArray(metrics) || metrics.length === 0)
    throw ceError(
      "1 validation error detected: Value null at 'metrics' failed to satisfy constraint: Member must not be null",
    );
  for (const m of metrics)
    if (!(METRICS as readonly string[]).includes(String(m)))
      throw ceError(
        `Metrics must be one or more of ${METRICS.join(', ')}; ${String(m)} is not a valid metric.`,
      );
  return metrics.map(String);
}

function readGranularity(input: Record<string, unknown>): string {
  const granularity = input.Granularity;
  if (typeof granularity !== 'string' || !GRANULARITIES.includes(granularity))
    throw ceError(`Granularity must be one of ${GRANULARITIES.join(', ')}.`);
  return granularity;
}

function readGroupBy(input: Record<string, unknown>): { type: string; key: string }[] {
  const raw = input.GroupBy;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw ceError('GroupBy must be a list.');
  if (raw.length > 2) throw ceError('You can group by at most 2 dimensions, tags or cost categories.');
  const groups = raw.map((g: unknown, i) => {
    const def = (g ?? {}) as Record<string, unknown>;
    if (typeof def.Type !== 'string' || !GROUP_TYPES.includes(def.Type))
      throw ceError(`GroupBy[${i}].Type must be one of ${GROUP_TYPES.join(', ')}.`);
    const key = def.Type === 'DIMENSION' ? requireDimension(def.Key, `GroupBy[${i}].Key`) : def.Key;
    if (typeof key !== 'string' || key.length === 0) throw ceError(`GroupBy[${i}].Key must not be null.`);
    return { type: def.Type, key };
  });
  if (new Set(groups.map((g) => `${g.type}:${g.key}`)).size !== groups.length)
    throw ceError('GroupBy contains duplicate group definitions.');
  return groups;
}

/** The request minus its token: a page token is only valid for the request that issued it. */
function fingerprint(request: SimRequest): string {
  const { NextPageToken: _token, ...rest } = request.input;
  return hash32(request.account, JSON.stringify(rest)).toString(36);
}

function readToken(operation: string, request: SimRequest): number {
  const token = request.input.NextPageToken;
  if (token === undefined || token === null || token === '') return 0;
  const [op, print, offset] = Buffer.from(String(token), 'base64url').toString('utf8').split(':');
  const value = Number(offset);
  if (op !== operation || !Number.isInteger(value) || value < 0)
    throw ceError('The pagination token is invalid.', 'InvalidNextTokenException');
  if (print !== fingerprint(request))
    throw ceError(
      'Your request parameters changed between pages. Try again with the old parameters or without a pagination token.',
      'RequestChangedException',
    );
  return value;
}

function nextToken(operation: string, request: SimRequest, offset: number): string {
  return encodeToken(`${operation}:${fingerprint(request)}`, offset);
}

/** The share of a daily line that falls in the bucket (whole for DAILY/MONTHLY buckets). */
function share(line: CostLine, bucket: Bucket): number {
  const dayStart = Date.parse(`${line.day}T00:00:00Z`);
  const overlap = Math.min(bucket.endMs, dayStart + DAY_MS) - Math.max(bucket.startMs, dayStart);
  return overlap <= 0 ? 0 : overlap / DAY_MS;
}

const getCostAndUsage: OperationHandler = (request, estate) => {
  const input = request.input;
  const granularity = readGranularity(input);
  const metrics = readMetrics(input);
  const window = historyWindow(input, estate, granularity);
  const groupBy = readGroupBy(input);
  const filter = compileFilter(input.Filter);
  const offset = readToken('GetCostAndUsage', request);
  const lines = linesIn(visibleLines(estate, request), window).filter(filter);
  const billing = estate.billing;
  const thisMonth = Date.parse(`${billing.today.slice(0, 7)}-01T00:00:00Z`);
  type Row = { bucket: Bucket; keys: string[]; sums: Sums };
  const rows: Row[] = [];
  const totals: { bucket: Bucket; sums: Sums }[] = [];
  for (const bucket of buckets(window, granularity)) {
    const byKey = new Map<string, Row>();
    const total: Sums = { cost: 0, quantity: 0, units: new Set() };
    for (const line of linesIn(lines, bucket)) {
      const part = share(line, bucket);
      if (part === 0) continue;
      const keys = groupBy.map((g) => groupValue(line, g, billing.activeTagKeys));
      const id = keys.join('\u0000');
      let row = byKey.get(id);
      if (!row) {
        row = { bucket, keys, sums: { cost: 0, quantity: 0, units: new Set() } };
        byKey.set(id, row);
      }
      for (const sums of [row.sums, total]) {
        sums.cost += line.amount * part;
        sums.quantity += line.quantity * part;
        sums.units.add(line.unit);
      }
    }
    totals.push({ bucket, sums: total });
    rows.push(...[...byKey.values()].sort((a, b) => a.keys.join('|').localeCompare(b.keys.join('|'))));
  }
  const result = (bucket: Bucket): ResultByTime => ({
    TimePeriod: {
      Start: formatTime(bucket.startMs, granularity),
      End: formatTime(bucket.endMs, granularity),
    },
    Total: {},
    Groups: [],
    Estimated: bucket.endMs > thisMonth,
  });
  let results: ResultByTime[];
  let more = false;
  if (groupBy.length === 0) {
    const page = totals.slice(offset, offset + billing.pageSize);
    more = offset + page.length < totals.length;
    results = page.map(({ bucket, sums }) => ({ ...result(bucket), Total: metricValues(metrics, sums) }));
  } else {
    const page = rows.slice(offset, offset + billing.pageSize);
    more = offset + page.length < rows.length;
    const byBucket = new Map<number, ResultByTime & { Groups: Group[] }>();
    for (const row of page) {
      const entry = byBucket.get(row.bucket.startMs) ?? { ...result(row.bucket), Groups: [] };
      entry.Groups.push({ Keys: row.keys, Metrics: metricValues(metrics, row.sums) });
      byBucket.set(row.bucket.startMs, entry);
    }
    results = [...byBucket.values()];
  }
  const accounts = groupBy.some((g) => g.type === 'DIMENSION' && g.key === 'LINKED_ACCOUNT')
    ? billing.accounts
        .filter((a) => rows.some((r) => r.keys.includes(a.id)))
        .map((a) => ({ Value: a.id, Attributes: { description: a.name } }))
    : [];
  const output: GetCostAndUsageResponse = {
    GroupDefinitions: groupBy.map((g) => ({ Type: g.type as 'DIMENSION', Key: g.key })),
    ResultsByTime: results,
    DimensionValueAttributes: accounts,
    ...(more ? { NextPageToken: nextToken('GetCostAndUsage', request, offset + billing.pageSize) } : {}),
  };
  return output as Record<string, unknown>;
};

const getDimensionValues: OperationHandler = (request, estate) => {
  const input = request.input;
  const dimension = requireDimension(input.Dimension, 'Dimension');
  const window = historyWindow(input, estate, 'DAILY');
  const context = input.Context ?? 'COST_AND_USAGE';
  if (!['COST_AND_USAGE', 'RESERVATIONS', 'SAVINGS_PLANS'].includes(String(context)))
    throw ceError('Context must be one of COST_AND_USAGE, RESERVATIONS, SAVINGS_PLANS.');
  const maxResults = input.MaxResults;
  if (maxResults !== undefined && (typeof maxResults !== 'number' || maxResults < 1 || maxResults > 10000))
    throw ceError('MaxResults must be between 1 and 10000.');
  const filter = compileFilter(input.Filter);
  const offset = readToken('GetDimensionValues', request);
  const search = typeof input.SearchString === 'string' ? input.SearchString.toLowerCase() : undefined;
  // The estate has no reservations or savings plans: those contexts have no values.
  const lines =
    context === 'COST_AND_USAGE' ? linesIn(visibleLines(estate, request), window).filter(filter) : [];
  const values = [...new Set(lines.map((l) => dimensionValue(l, dimension)))]
    .filter((v) => !search || v.toLowerCase().includes(search))
    .sort();
  const size = typeof maxResults === 'number' ? maxResults : estate.billing.pageSize;
  const page = values.slice(offset, offset + size);
  const names = new Map(estate.billing.accounts.map((a) => [a.id, a.name]));
  return {
    DimensionValues: page.map((Value) => ({
      Value,
      Attributes: dimension === 'LINKED_ACCOUNT' ? { description: names.get(Value) ?? Value } : {},
    })),
    ReturnSize: page.length,
    TotalSize: values.length,
    ...(offset + page.length < values.length
      ? { NextPageToken: nextToken('GetDimensionValues', request, offset + page.length) }
      : {}),
  };
};

export const costAndUsageOperations: Readonly<Record<string, OperationHandler>> = {
  GetCostAndUsage: getCostAndUsage,
  GetDimensionValues: getDimensionValues,
};
