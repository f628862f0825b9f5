import { summarizeError, ToolError } from '../aws/errors.js';
import { mapBounded } from '../aws/helpers.js';
import { scopeLabel } from '../kit/scope.js';
import type {
  ContributionScope,
  InventoryCollection,
  InventoryContributor,
  ToolContext,
} from '../plugin-api/types.js';

/** One contributor's inventory in one scope, or why it could not be read. */
export type ScopedInventory =
  | {
      readonly ok: true;
      readonly contributor: InventoryContributor;
      readonly scope: ContributionScope;
      readonly collection: InventoryCollection;
    }
  | {
      readonly ok: false;
      readonly contributor: InventoryContributor;
      readonly scope: ContributionScope;
      readonly code: string;
      readonly message: string;
    };

/**
 * Collects every matching inventory contributor in every scope with bounded concurrency. Each
 * (contributor, scope) is memoised for the whole client call, so the summary, the report and a
 * health report built from them scan the estate once. One failure never hides the others.
 */
export async function collectInventory(
  ctx: ToolContext,
  scopes: readonly ContributionScope[],
  services: readonly string[] | undefined,
): Promise<ScopedInventory[]> {
  const jobs = ctx.contributions.inventory
    .filter((contributor) => ctx.matchesService(services, contributor.service))
    .flatMap((contributor) => scopes.map((scope) => ({ contributor, scope })));
  let done = 0;
  const settled = await mapBounded(
    jobs,
    ctx.limits.concurrency,
    async ({ contributor, scope }) => {
      try {
        return await ctx.memo(`inventory:${contributor.id}:${scope.account ?? ''}:${scope.region}`, () =>
          contributor.collect(ctx, scope),
        );
      } finally {
        // A failed scope is done too: progress counts every (service, scope) read.
        done += 1;
        ctx.progress(done, jobs.length, `${contributor.service} in ${scopeLabel(scope)}`);
      }
    },
    { signal: ctx.signal },
  );
  return settled.map((outcome): ScopedInventory => {
    const { contributor, scope } = outcome.item;
    if (outcome.ok) return { ok: true, contributor, scope, collection: outcome.value };
    return { ok: false, contributor, scope, ...summarizeError(outcome.error) };
  });
}

/** Checks the `services` input the terse schema leaves to code, with an error naming the field. */
export function checkServices(services: readonly string[] | undefined): void {
  if (services === undefined) return;
  if (services.length === 0 || services.length > 20)
    throw new ToolError('InvalidInput', 'services: give 1 to 20 service names, or omit it.');
  const bad = services.findIndex((s) => s.trim().length < 2 || s.length > 64);
  if (bad >= 0)
    throw new ToolError('InvalidInput', `services[${bad}]: expected a service name such as "Personal".`);
}
