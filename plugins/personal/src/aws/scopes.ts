/**
 * The estate is every configured account × region. Estate tools fan out over the selected scopes
 * with bounded concurrency; a scope that fails becomes an `errors[]` entry and the rest answers.
 */
import {
  type AwsAccess,
  type ErrorEntry,
  errorEntry,
  mapBounded,
  type PlannedTarget,
  type Scope,
  type ScopeSelection,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/** Where a row lives: its region, and its account only when more than one target is configured. */
export interface Place {
  readonly account?: string;
  readonly region: string;
}

/** The `account`/`region` fields of an output row. */
export const PlaceFields = {
  account: Type.Optional(Type.String()),
  region: Type.String(),
};

/** The terse place of a scope (an account is noise when only one is configured). */
export function placeOf(aws: AwsAccess, scope: Scope): Place {
  return aws.targets.length > 1 && scope.account
    ? { account: scope.account, region: scope.region }
    : { region: scope.region };
}

/** How a scope reads in a summary: `eu-west-1`, or `111122223333/eu-west-1` with several targets. */
export function placeLabel(aws: AwsAccess, scope: Scope): string {
  return aws.targets.length > 1 ? scopeLabel(scope) : scope.region;
}

/** Scopes named in a summary before the rest are only counted (`regions: ["all"]` is ~30). */
const NAMED_PLACES = 6;

/** "us-east-1, eu-west-1": the scopes an answer covers (the first few, then a count). */
export function placesText(aws: AwsAccess, scopes: readonly Scope[]): string {
  const named = scopes.slice(0, NAMED_PLACES).map((s) => placeLabel(aws, s));
  const more = scopes.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

/** The scope a plan put in a target's detail (`region`, `account`), for apply. */
export function scopeOfTarget(target: PlannedTarget): Scope {
  const region = target.detail?.region;
  const account = target.detail?.account;
  return {
    region: typeof region === 'string' ? region : '',
    ...(typeof account === 'string' ? { account } : {}),
  };
}

/** Items grouped by scope, in first-seen order. */
export function groupByScope<Item>(
  items: readonly Item[],
  scopeOf: (item: Item) => Scope,
): { scope: Scope; items: Item[] }[] {
  const groups = new Map<string, { scope: Scope; items: Item[] }>();
  for (const item of items) {
    const scope = scopeOf(item);
    const key = scopeLabel(scope);
    const group = groups.get(key) ?? { scope, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What a fan-out gathered: each answering scope's value, and one error per scope that failed. */
export interface FanOut<Value> {
  readonly scopes: readonly Scope[];
  readonly answered: readonly { readonly scope: Scope; readonly value: Value }[];
  readonly errors: ErrorEntry[];
}

/**
 * Runs `work` in every selected scope (bounded by `ctx.limits.concurrency`); a scope that throws is
 * an error entry for `service`, never a failed call.
 */
export async function acrossScopes<Value>(
  ctx: ToolContext,
  selection: ScopeSelection,
  work: (scope: Scope) => Promise<Value>,
  service: string = SERVICE_LABELS.personal,
): Promise<FanOut<Value>> {
  const scopes = selectScopes(ctx.aws, selection);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, work, { signal: ctx.signal });
  const answered: { scope: Scope; value: Value }[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) answered.push({ scope: outcome.item, value: outcome.value });
    else errors.push(errorEntry(service, outcome.item, outcome.error));
  }
  return { scopes, answered, errors };
}

/** The summary sentence of a partial answer, or ''. */
export function partialNote(errors: readonly ErrorEntry[]): string {
  return errors.length > 0 ? ` Partial: ${errors.length} lookup(s) failed, see errors.` : '';
}
