/**
 * What Cost Explorer requests share: the TimePeriod rules, filter expressions, group keys and
 * which lines the caller may see. Rules after the Cost Explorer API reference and the errors
 * AWS returns (quoted from SDK issue threads): Start inclusive and End exclusive, `YYYY-MM-DD`
 * (HOURLY takes `YYYY-MM-DDThh:mm:ssZ`); "Start date (and hour) should be before end date (and
 * hour)"; "end date past the beginning of next month"; HOURLY only for the last 14 days and only
 * when enabled in Cost Explorer preferences; data only from the start of the retained history
 * (DataUnavailableException before it). An Expression has exactly one of And, Or, Not,
 * Dimensions, Tags, CostCategories; And/Or take at least two. The management (payer) account
 * sees every linked account, a member account only its own.
 */
import { SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { SimRequest } from '../../handlers.js';
import { DAY_MS } from '../../model.js';
import type { CostLine } from './model.js';

export const VALIDATION = 'ValidationException';

export function ceError(message: string, code = VALIDATION): SimulatedAwsError {
  return new SimulatedAwsError(code, message);
}

/** Dimensions a request may name, and how each reads a line (undefined = not modelled). */
export const DIMENSIONS: Readonly<Record<string, ((line: CostLine) => string) | undefined>> = {
  SERVICE: (l) => l.service,
  USAGE_TYPE: (l) => l.usageType,
  LINKED_ACCOUNT: (l) => l.account,
  REGION: (l) => l.region,
  RECORD_TYPE: (l) => l.recordType,
  AZ: undefined,
  INSTANCE_TYPE: undefined,
  OPERATION: undefined,
  PURCHASE_TYPE: undefined,
  PLATFORM: undefined,
  TENANCY: undefined,
  USAGE_TYPE_GROUP: undefined,
  LEGAL_ENTITY_NAME: () => 'Amazon Web Services, Inc.',
  INVOICING_ENTITY: () => 'Amazon Web Services, Inc.',
  BILLING_ENTITY: () => 'AWS',
};

/** A dimension's value on a line; modelled-as-absent dimensions read as AWS's "No<Dimension>". */
export function dimensionValue(line: CostLine, dimension: string): string {
  const read = DIMENSIONS[dimension];
  return read
    ? read(line)
    : `No${dimension.charAt(0)}${dimension
        .slice(1)
        .toLowerCase()
        .replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())}`;
}

export function requireDimension(key: unknown, field: string): string {
  if (typeof key !== 'string' || !(key in DIMENSIONS))
    throw ceError(
      `${field}: ${String(key)} is not a valid dimension. Valid dimensions: ${Object.keys(DIMENSIONS).join(', ')}.`,
    );
  return key;
}

/** The lines the calling account may see. */
export function visibleLines(estate: Estate, request: SimRequest): readonly CostLine[] {
  const billing = estate.billing;
  if (request.account === billing.payerAccount) return billing.lines;
  return billing.lines.filter((l) => l.account === request.account);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function parseDate(value: unknown, field: string, hourly: boolean): number {
  if (typeof value !== 'string' || !(hourly ? HOUR : DAY).test(value))
    throw ceError(
      `${field} ${String(value)} is not a valid date: use ${hourly ? 'YYYY-MM-DDThh:mm:ssZ with HOURLY granularity' : 'YYYY-MM-DD'}.`,
    );
  const ms = Date.parse(hourly ? value : `${value}T00:00:00Z`);
  if (Number.isNaN(ms) || (!hourly && new Date(ms).toISOString().slice(0, 10) !== value))
    throw ceError(`${field} ${value} is not a calendar date.`);
  return ms;
}

/** A validated [start, end) window in epoch ms. */
export interface Window {
  readonly startMs: number;
  readonly endMs: number;
}

/** Reads TimePeriod for GetCostAndUsage / GetDimensionValues with the history rules. */
export function historyWindow(input: Record<string, unknown>, estate: Estate, granularity: string): Window {
  const period = input.TimePeriod as Record<string, unknown> | undefined;
  if (!period)
    throw ceError(
      "1 validation error detected: Value null at 'timePeriod' failed to satisfy constraint: Member must not be null",
    );
  const hourly = granularity === 'HOURLY';
  const startMs = parseDate(period.Start, 'Start date', hourly);
  const endMs = parseDate(period.End, 'End date', hourly);
  if (startMs >= endMs) throw ceError('Start date (and hour) should be before end date (and hour)');
  const billing = estate.billing;
  const todayMs = Date.parse(`${billing.today}T00:00:00Z`);
  const today = new Date(todayMs);
  const nextMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  if (endMs > nextMonth) throw ceError('end date past the beginning of next month');
  if (hourly) {
    if (!billing.hourlyGranularityEnabled)
      throw ceError(
        'Hourly granularity is not enabled for this account. Enable hourly and resource-level data in Cost Explorer preferences; data is available 48 hours later.',
        'DataUnavailableException',
      );
    if (startMs < todayMs - 14 * DAY_MS)
      throw ceError(
        'Start date is more than 14 days ago for hourly granularity. Please adjust start date as we support only 14 days of data at hourly granularity.',
      );
  }
  const firstMs = Date.parse(`${billing.firstDay}T00:00:00Z`);
  if (startMs < firstMs)
    throw ceError(
      `Cost Explorer data for this account is available from ${billing.firstDay} (the current month and the 13 before it). Enable multi-year data in Cost Explorer preferences for up to 38 months.`,
      'DataUnavailableException',
    );
  return { startMs, endMs };
}

/** Lines whose day lies in the window. Lines are sorted by day, so a binary search bounds them. */
export function linesIn(lines: readonly CostLine[], window: Window): readonly CostLine[] {
  const from = new Date(Math.floor(window.startMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(Math.ceil(window.endMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const first = lowerBound(lines, from);
  const last = lowerBound(lines, to);
  return lines.slice(first, last);
}

function lowerBound(lines: readonly CostLine[], day: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lines[mid]?.day ?? '') < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MATCH_OPTIONS = [
  'EQUALS',
  'ABSENT',
  'STARTS_WITH',
  'ENDS_WITH',
  'CONTAINS',
  'CASE_SENSITIVE',
  'CASE_INSENSITIVE',
  'GREATER_THAN_OR_EQUAL',
];

function valuesMatcher(spec: Record<string, unknown>, field: string): (value: string | undefined) => boolean {
  const values = spec.Values;
  const options = Array.isArray(spec.MatchOptions)
    ? (spec.MatchOptions as unknown[]).map(String)
    : ['EQUALS'];
  for (const o of options)
    if (!MATCH_OPTIONS.includes(o)) throw ceError(`${field}.MatchOptions: ${o} is not a valid match option.`);
  if (options.includes('ABSENT')) return (value) => value === undefined || value === '';
  if (!Array.isArray(values) || values.length === 0) throw ceError(`${field}.Values must not be empty.`);
  const insensitive = options.includes('CASE_INSENSITIVE');
  const norm = (v: string) => (insensitive ? v.toLowerCase() : v);
  const wanted = (values as unknown[]).map((v) => norm(String(v)));
  const test = options.includes('STARTS_WITH')
    ? (v: string, w: string) => v.startsWith(w)
    : options.includes('ENDS_WITH')
      ? (v: string, w: string) => v.endsWith(w)
      : options.includes('CONTAINS')
        ? (v: string, w: string) => v.includes(w)
        : (v: string, w: string) => v === w;
  return (value) => value !== undefined && wanted.some((w) => test(norm(value), w));
}

/** A compiled filter expression. */
export type LinePredicate = (line: CostLine) => boolean;

/** Compiles an Expression (validating it as Cost Explorer does). */
export function compileFilter(expression: unknown, field = 'Filter'): LinePredicate {
  if (expression === undefined || expression === null) return () => true;
  if (typeof expression !== 'object') throw ceError(`${field} must be an Expression object.`);
  const e = expression as Record<string, unknown>;
  const roots = ['And', 'Or', 'Not', 'Dimensions', 'Tags', 'CostCategories'].filter(
    (k) => e[k] !== undefined && e[k] !== null,
  );
  if (roots.length !== 1)
    throw ceError(
      `${field}: an Expression must have exactly one of And, Or, Not, Dimensions, Tags or CostCategories (found ${roots.length}).`,
    );
  const root = roots[0];
  switch (root) {
    case 'And':
    case 'Or': {
      const operands = e[root];
      if (!Array.isArray(operands) || operands.length < 2)
        throw ceError(`${field}.${root} must have at least 2 expressions.`);
      const compiled = operands.map((o, i) => compileFilter(o, `${field}.${root}[${i}]`));
      return root === 'And' ? (l) => compiled.every((p) => p(l)) : (l) => compiled.some((p) => p(l));
    }
    case 'Not': {
      const inner = compileFilter(e.Not, `${field}.Not`);
      return (l) => !inner(l);
    }
    case 'Dimensions': {
      const spec = e.Dimensions as Record<string, unknown>;
      const dimension = requireDimension(spec.Key, `${field}.Dimensions.Key`);
      const match = valuesMatcher(spec, `${field}.Dimensions`);
      return (l) => match(dimensionValue(l, dimension));
    }
    case 'Tags': {
      const spec = e.Tags as Record<string, unknown>;
      if (typeof spec.Key !== 'string') throw ceError(`${field}.Tags.Key must not be null.`);
      const tagKey = spec.Key;
      const match = valuesMatcher(spec, `${field}.Tags`);
      return (l) => match(l.tags?.[tagKey]);
    }
    default: {
      const spec = e.CostCategories as Record<string, unknown>;
      const match = valuesMatcher(spec, `${field}.CostCategories`);
      // The estate defines no cost categories: every line has none.
      return () => match(undefined);
    }
  }
}

/** The value a GroupBy definition gives a line, in Cost Explorer's key format (`Tag$value`). */
export function groupValue(
  line: CostLine,
  group: { type: string; key: string },
  activeTags: readonly string[],
): string {
  if (group.type === 'DIMENSION') return dimensionValue(line, group.key);
  if (group.type === 'TAG')
    return `${group.key}$${activeTags.includes(group.key) ? (line.tags?.[group.key] ?? '') : ''}`;
  return `${group.key}$`;
}
