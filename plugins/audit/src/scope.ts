import {
  type ClientLocation,
  type ContributionScope,
  summarizeError,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

/** Inputs every cross-service tool takes to choose accounts and regions: the host's own. */
export { ScopeInput, selectScopes } from '@workspaces-euc-mcp/host';

/** The scope a result covered. */
export const ScopeSchema = Type.Object({ account: Type.Optional(Type.String()), region: Type.String() });

/** Where an SDK client for `scope` points. */
export function locationOf(scope: ContributionScope): ClientLocation {
  return scope.account ? { region: scope.region, account: scope.account } : { region: scope.region };
}

/**
 * The memo key part of a scope. A scope without an account means the first target, as tools that
 * take only a region do, so both spell the same key and share one scan.
 */
export function scopeKey(ctx: ToolContext, scope: ContributionScope): string {
  return `${scope.account ?? ctx.aws.targets[0]?.account ?? ''}:${scope.region}`;
}

/** "us-east-1" or "111122223333/us-east-1" when several accounts are in play. */
export function scopeLabel(scope: ContributionScope): string {
  return scope.account ? `${scope.account}/${scope.region}` : scope.region;
}

/** A partial failure: one service in one scope failed; the rest of the answer stands. */
export const ErrorEntrySchema = Type.Object({
  service: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
  iamAction: Type.Optional(Type.String()),
});
export type ErrorEntry = Static<typeof ErrorEntrySchema>;

/** An `errors[]` entry from anything an SDK call or contributor threw. */
export function errorEntry(service: string, scope: ContributionScope, error: unknown): ErrorEntry {
  const { code, message, iamAction } = summarizeError(error);
  return {
    service,
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    code,
    message,
    ...(iamAction ? { iamAction } : {}),
  };
}

/** Cuts a free text (AWS reasons, error messages) to `max` characters. */
export function clip(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Adds one to `counts[key]`. */
export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export const Counts = Type.Record(Type.String(), Type.Integer());
