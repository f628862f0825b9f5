import Type, { type Static } from 'typebox';
import { ScopeInput, selectScopes } from '../../kit/scope.js';
import { defineTool } from '../../plugin-api/define.js';
import { checkServices, collectInventory, type ScopedInventory } from '../inventory-collect.js';
import { stateCountsPhrase } from '../problem-states.js';

const Counts = Type.Record(Type.String(), Type.Integer());

/** Error entries an answer lists; the summary counts them all. */
export const MAX_ERRORS = 50;

export const InventoryErrorSchema = Type.Object({
  service: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

const Output = Type.Object({
  summary: Type.String(),
  totalResources: Type.Integer({ description: 'Sum over the services that answered.' }),
  complete: Type.Boolean({
    description: 'False when a service failed somewhere: the total is then a lower bound.',
  }),
  scopes: Type.Array(Type.Object({ account: Type.Optional(Type.String()), region: Type.String() })),
  services: Type.Array(
    Type.Object({
      service: Type.String(),
      resourceType: Type.String(),
      total: Type.Integer(),
      byState: Counts,
      breakdowns: Type.Record(Type.String(), Counts),
      byRegion: Counts,
      complete: Type.Boolean(),
    }),
  ),
  errors: Type.Array(InventoryErrorSchema),
});

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

/** The structured result of get_euc_inventory_summary. */
export type InventorySummary = Static<typeof Output>;

/** Rolls per-scope collections up into per-service counts; failures stay visible. */
export function summarizeInventory(
  collected: readonly ScopedInventory[],
): Omit<Static<typeof Output>, 'summary' | 'scopes'> {
  const services = new Map<string, Static<typeof Output>['services'][number]>();
  const errors: Static<typeof InventoryErrorSchema>[] = [];
  for (const item of collected) {
    const key = item.contributor.id;
    const entry = services.get(key) ?? {
      service: item.contributor.service,
      resourceType: item.contributor.resourceType,
      total: 0,
      byState: {},
      breakdowns: {},
      byRegion: {},
      complete: true,
    };
    services.set(key, entry);
    if (!item.ok) {
      entry.complete = false;
      errors.push({
        service: item.contributor.service,
        ...(item.scope.account ? { account: item.scope.account } : {}),
        region: item.scope.region,
        code: item.code,
        message: item.message,
      });
      continue;
    }
    const { collection } = item;
    const total = Object.values(collection.byState).reduce((sum, n) => sum + n, 0);
    entry.total += total;
    addCounts(entry.byState, collection.byState);
    addCounts(entry.byRegion, { [item.scope.region]: total });
    for (const [dimension, counts] of Object.entries(collection.breakdowns ?? {})) {
      entry.breakdowns[dimension] ??= {};
      addCounts(entry.breakdowns[dimension], counts);
    }
  }
  const list = [...services.values()];
  return {
    totalResources: list.reduce((sum, s) => sum + s.total, 0),
    complete: errors.length === 0,
    services: list,
    errors,
  };
}

function sentence(result: Omit<Static<typeof Output>, 'summary'>): string {
  const parts = result.services.map((s) => {
    // The three commonest states, and every problem state however few (ERROR, IMPAIRED, …).
    const states = stateCountsPhrase(s.byState);
    return `${s.service}: ${s.total} ${s.resourceType}${s.total === 1 ? '' : 's'}${states ? ` (${states})` : ''}${s.complete ? '' : ' [incomplete]'}`;
  });
  const where = `${result.scopes.length} account-region scope${result.scopes.length === 1 ? '' : 's'}`;
  const total = result.complete
    ? `${result.totalResources} EUC resources`
    : `At least ${result.totalResources} EUC resources (incomplete: ${result.errors.length} service/region reads failed, see errors)`;
  if (result.services.length === 0)
    return `No loaded plugin contributes an inventory, so there is nothing to count in ${where}.`;
  return `${total} across ${where}. ${parts.join('; ')}.`;
}

/** get_euc_inventory_summary: counts by service and state, from every loaded plugin's inventory contribution. */
export const getEucInventorySummary = defineTool({
  name: 'get_euc_inventory_summary',
  title: 'EUC inventory summary',
  description:
    'What EUC resources do we have, and what is running? Counts every loaded plugin’s resources (third-party too) by service, state, breakdowns such as running mode, and region. Start here. A failed service/region is listed and the total is then a lower bound.',
  tier: 0,
  iam: [],
  consumes: ['inventory'],
  input: Type.Object(
    {
      ...ScopeInput,
      services: Type.Optional(Type.Array(Type.String(), { description: 'e.g. Personal, AppStream' })),
    },
    { additionalProperties: false },
  ),
  output: Output,
  async run(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    checkServices(input.services);
    const collected = await collectInventory(ctx, scopes, input.services);
    const rolled = { ...summarizeInventory(collected), scopes: scopes.map((s) => ({ ...s })) };
    // Every scope of every service failing is a sentence, not a wall of entries.
    return { summary: sentence(rolled), ...rolled, errors: rolled.errors.slice(0, MAX_ERRORS) };
  },
});
