import {
  type ErrorEntry,
  errorEntry,
  mapBounded,
  pageNote,
  type Scope,
  type ScopeSelection,
  selectScopes,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type TSchema } from 'typebox';

/**
 * The estate fan-out every cost tool shares (issue #12): the selected (account, region) scopes,
 * each read with bounded concurrency; a scope that fails is one `errors[]` entry and the rest of
 * the answer stands.
 */

/** What each selected scope answered, and the scopes that failed. */
export interface EstateRead<Value> {
  readonly scopes: readonly Scope[];
  readonly answered: readonly { readonly scope: Scope; readonly value: Value }[];
  readonly errors: ErrorEntry[];
  /** True when the scopes span more than one account: rows then name their account. */
  readonly multiAccount: boolean;
}

/** Runs `read` for every scope the input selects, at most `ctx.limits.concurrency` at once. */
export async function readEstate<Value>(
  ctx: ToolContext,
  selection: ScopeSelection,
  service: string,
  read: (scope: Scope, where: Where) => Promise<Value>,
): Promise<EstateRead<Value>> {
  const scopes = selectScopes(ctx.aws, selection);
  const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
  const settled = await mapBounded(
    scopes,
    ctx.limits.concurrency,
    (scope) => read(scope, whereOf(scope, multiAccount)),
    { signal: ctx.signal },
  );
  const answered: { scope: Scope; value: Value }[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) answered.push({ scope: outcome.item, value: outcome.value });
    else {
      // A cancelled call is not a partial answer.
      ctx.signal.throwIfAborted();
      errors.push(errorEntry(service, outcome.item, outcome.error));
    }
  }
  return { scopes, answered, errors, multiAccount };
}

/** Where a row lives, tersely: its region, and its account only when the answer spans several. */
export interface Where {
  readonly region: string;
  readonly account?: string;
}

/** The `Where` of a scope. */
export function whereOf(scope: Scope, multiAccount: boolean): Where {
  return { region: scope.region, ...(multiAccount && scope.account ? { account: scope.account } : {}) };
}

/** The `region`/`account` fields of a row schema (account only in multi-account answers). */
export const WhereFields = {
  region: Type.String(),
  account: Type.Optional(Type.String()),
};

/** How many scopes an answer covers, for summaries: "2 regions" or "3 account/region scopes". */
export function scopesPhrase(read: Pick<EstateRead<unknown>, 'scopes' | 'multiAccount'>): string {
  const n = read.scopes.length;
  if (read.multiAccount) return `${n} account/region scope${n === 1 ? '' : 's'}`;
  return n === 1 ? (read.scopes[0]?.region ?? '1 region') : `${n} regions`;
}

/** The partial-answer sentence of a summary, empty when every scope answered. */
export function partialNote(errors: readonly ErrorEntry[]): string {
  return errors.length > 0 ? ` Partial: ${errors.length} error(s), see errors.` : '';
}

/** The page sentence of a summary, with the full count when rows were cut (say what was cut). */
export function listNote(
  offset: number,
  shown: number,
  total: number,
  nextCursor: string | undefined,
): string {
  return pageNote(offset, shown, nextCursor) + (total > shown ? ` ${total} rows in all.` : '');
}

/**
 * The terse paging inputs of the cost tools. The kit's `PageInput` spends ~230 bytes of every
 * tool's schema on bounds and descriptions; these take ~60 (the server's instructions explain
 * cursors once) and `pageLimits` checks the bounds with an error naming the field.
 */
export const PageFields = {
  limit: Type.Optional(Type.Integer()),
  cursor: Type.Optional(Type.String()),
};

/**
 * The page size for a list: `limit` checked against 1..`max`, default `defaultRows` (or the
 * server's page size if smaller), so a default answer stays within the 20 KB budget.
 */
export function pageLimits(
  ctx: ToolContext,
  limit: number | undefined,
  defaultRows: number,
  max = 200,
): ToolContext['limits'] {
  if (limit !== undefined && (limit < 1 || limit > max))
    throw new ToolError('InvalidInput', `limit: give 1 to ${max} rows (default ${defaultRows}).`);
  return { ...ctx.limits, pageSize: Math.min(ctx.limits.pageSize, defaultRows) };
}

/** Checks an optional number input against a range, with an error naming the field. */
export function inRange(field: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (value < min || value > max))
    throw new ToolError('InvalidInput', `${field}: must be between ${min} and ${max}, got ${value}.`);
}

/** Checks that every listed value is one of `allowed`, with an error naming the field. */
export function oneOf<T extends string>(
  field: string,
  values: readonly string[] | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (values === undefined) return undefined;
  const bad = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (bad !== undefined)
    throw new ToolError('InvalidInput', `${field}: "${bad}" is not one of ${allowed.join(', ')}.`);
  return values as T[];
}

/**
 * Per-scope rows an answer lists: at 5 accounts × 4 regions a row for every scope costs ~2 KB of
 * the 20 KB budget for little; the 5 with the most impact are listed and the rest summed.
 */
export const SCOPE_ROWS = 5;

/** The `otherScopes` field: how many scopes were not listed, and their summed figures. */
export function OtherScopes<T extends Record<string, TSchema>>(sums: T) {
  return Type.Optional(
    Type.Object(
      { scopes: Type.Integer(), ...sums },
      { description: `Scopes past the first ${SCOPE_ROWS} of byScope, summed.` },
    ),
  );
}

/** The `SCOPE_ROWS` scopes with the most impact (largest first), and the rest. */
export function topScopes<T>(rows: readonly T[], impact: (row: T) => number): { shown: T[]; rest: T[] } {
  const sorted = [...rows].sort((a, b) => impact(b) - impact(a));
  return { shown: sorted.slice(0, SCOPE_ROWS), rest: sorted.slice(SCOPE_ROWS) };
}

/**
 * The `otherScopes` roll-up of per-scope rows that carry `desktops` and `counts`: how many scopes
 * were left out of `byScope`, their desktops and the `countKeys` of their counts; nothing when
 * every scope is shown.
 */
export function otherScopesOf<C, K extends keyof C>(
  rest: readonly { readonly desktops: number; readonly counts: C }[],
  countKeys: readonly K[],
): { otherScopes?: { scopes: number; desktops: number } & Record<K, number> } {
  if (rest.length === 0) return {};
  return {
    otherScopes: {
      scopes: rest.length,
      ...sumOf(rest, ['desktops']),
      ...sumOf(
        rest.map((s) => s.counts),
        countKeys,
      ),
    },
  };
}

/** Sums the numeric `keys` of `rows`. */
export function sumOf<T, K extends keyof T>(rows: readonly T[], keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) {
    let total = 0;
    for (const row of rows) total += Number(row[key] ?? 0);
    out[key] = total;
  }
  return out;
}
