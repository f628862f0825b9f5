import {
  type ErrorEntry,
  errorEntry,
  mapBounded,
  type Scope,
  type ScopeSelection,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { type CostSelection, selectCostScopes } from './cost-explorer.js';

/** What each selected account's Cost Explorer answered, and the accounts that failed. */
export interface AccountsRead<Value> {
  readonly selection: CostSelection;
  readonly answered: readonly { readonly scope: Scope; readonly value: Value }[];
  readonly errors: ErrorEntry[];
}

/**
 * Runs `read` once per selected account (Cost Explorer is per account and global, so never per
 * region), bounded. A failing account is an `errors[]` entry while the others answer; when every
 * account failed, the first failure is thrown, so a one-account call fails as it always did.
 */
export async function readAccounts<Value>(
  ctx: ToolContext,
  input: ScopeSelection,
  read: (scope: Scope, selection: CostSelection) => Promise<Value>,
): Promise<AccountsRead<Value>> {
  const selection = selectCostScopes(ctx, input);
  const settled = await mapBounded(
    selection.scopes,
    ctx.limits.concurrency,
    (scope) => read(scope, selection),
    {
      signal: ctx.signal,
    },
  );
  const answered: { scope: Scope; value: Value }[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) answered.push({ scope: outcome.item, value: outcome.value });
    else errors.push(errorEntry(SERVICE_LABELS.costExplorer, outcome.item, outcome.error));
  }
  const failed = settled.find((o) => !o.ok);
  if (answered.length === 0 && failed && !failed.ok) throw failed.error;
  return { selection, answered, errors };
}

/** Adds `from` into `into`, key by key. */
export function addInto(into: Map<string, number>, from: ReadonlyMap<string, number>): void {
  for (const [key, amount] of from) into.set(key, (into.get(key) ?? 0) + amount);
}

/** What a Cost Explorer answer covered, for summaries and the `scope` field. */
export function coverageOf(read: Pick<AccountsRead<unknown>, 'selection' | 'answered'>): string {
  const { selection } = read;
  const accounts =
    selection.scopes.length > 1
      ? `${read.answered.length} of ${selection.scopes.length} accounts (each its own spend)`
      : 'account-wide (every linked account when run in the payer account)';
  return selection.regions ? `${accounts}, regions ${selection.regions.join(', ')}` : accounts;
}
