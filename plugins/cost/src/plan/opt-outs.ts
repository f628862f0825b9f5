import { mapBounded, type Scope, scopeKey, summarizeError } from '@workspaces-euc-mcp/host';
import { type OptOutLookup, readOptOuts } from '../running-mode/tags.js';
import { changesMode } from './cost-plan.js';
import type { PlannedRow } from './plan-scope.js';

/** Skip_Convert tags read per call at most by default: DescribeTags is one request per desktop. */
export const DEFAULT_TAG_CHECKS = 200;

/**
 * Skip_Convert lookups for the planned mode changes with the largest savings across the estate,
 * at most `max` (DescribeTags is one call per desktop), each scope's read in that scope. The
 * running-mode and rightsizing tools pick the same candidates, so they check the same desktops.
 */
export async function optOutsOf(
  ctx: Parameters<typeof readOptOuts>[0],
  planned: readonly PlannedRow[],
  max: number,
  fresh: boolean,
): Promise<{ checked: Set<string>; lookups: Map<string, OptOutLookup> }> {
  const candidates = planned
    .filter((a) => changesMode(a.plan, a.desktop.runningMode))
    .sort((a, b) => b.plan.monthlySavingUsd - a.plan.monthlySavingUsd)
    .slice(0, max);
  const byScope = new Map<string, { scope: Scope; ids: string[] }>();
  for (const { scope, desktop } of candidates) {
    const key = scopeKey(ctx.aws, scope);
    const entry = byScope.get(key) ?? { scope, ids: [] };
    entry.ids.push(desktop.workspaceId);
    byScope.set(key, entry);
  }
  const settled = await mapBounded(
    [...byScope.values()],
    ctx.limits.concurrency,
    ({ scope, ids }) => readOptOuts(ctx, scope, ids, { fresh }),
    { signal: ctx.signal },
  );
  const lookups = new Map<string, OptOutLookup>();
  for (const outcome of settled) {
    if (outcome.ok) for (const [id, lookup] of outcome.value) lookups.set(id, lookup);
    else
      for (const id of outcome.item.ids)
        lookups.set(id, { kind: 'failed', ...summarizeError(outcome.error) });
  }
  return { checked: new Set(candidates.map((c) => c.desktop.workspaceId)), lookups };
}
