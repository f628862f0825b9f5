import { mapBounded, type Scope, scopeKey, summarizeError } from '@workspaces-euc-mcp/host';
import { type OptOutLookup, readOptOuts } from '../running-mode/tags.js';
import { changesMode } from './cost-plan.js';
import type { PlannedRow } from './plan-scope.js';

/**
 * Skip_Convert lookups for every planned mode change across the estate, each scope's read in that
 * scope. A scope's read is one tag scan (ceil(tagged desktops / 100) requests, shared by every
 * tool of the call and kept between calls), so every candidate is checked, none left unconfirmed.
 */
export async function optOutsOf(
  ctx: Parameters<typeof readOptOuts>[0],
  planned: readonly PlannedRow[],
): Promise<Map<string, OptOutLookup>> {
  const byScope = new Map<string, { scope: Scope; ids: string[] }>();
  for (const { scope, desktop, plan } of planned) {
    if (!changesMode(plan, desktop.runningMode)) continue;
    const key = scopeKey(ctx.aws, scope);
    const entry = byScope.get(key) ?? { scope, ids: [] };
    entry.ids.push(desktop.workspaceId);
    byScope.set(key, entry);
  }
  const settled = await mapBounded(
    [...byScope.values()],
    ctx.limits.concurrency,
    ({ scope, ids }) => readOptOuts(ctx, scope, ids),
    { signal: ctx.signal },
  );
  const lookups = new Map<string, OptOutLookup>();
  for (const outcome of settled) {
    // A failed scan is already a 'failed' lookup; this is what is left (an aborted call).
    if (outcome.ok) for (const [id, lookup] of outcome.value) lookups.set(id, lookup);
    else
      for (const id of outcome.item.ids)
        lookups.set(id, { kind: 'failed', ...summarizeError(outcome.error) });
  }
  return lookups;
}
