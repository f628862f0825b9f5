/**
 * Finding one fleet wherever it lives. An ARN names its account and region, so only that scope is
 * read; a bare name is looked for in every selected scope (fleet names are unique only within an
 * account and region). Either way the fleet comes from the scope's DescribeFleets scan (memoised,
 * so a tool that also lists pays once), which keeps every one-fleet tool to one read action for
 * the lookup.
 */
import type { Fleet } from '@aws-sdk/client-appstream';
import {
  errorEntry,
  mapBounded,
  type Scope,
  SERVICE_LABELS,
  scopeLabel,
  scopeOfArn,
  selectScopes,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { listFleets } from './appstream.js';

/** The `fleet` input of every one-fleet tool. */
export const FleetInput = Type.String({ minLength: 1, maxLength: 2048, description: 'Name or ARN' });

const FLEET_ARN = /^arn:aws[a-z-]*:appstream:([a-z0-9-]+):(\d{12}):fleet\/(.+)$/;

/** A fleet and the account/region it was found in. */
export interface LocatedFleet {
  readonly scope: Scope;
  readonly fleet: Fleet;
  /** The fleet name: what every appstream operation and the `Fleet` metric dimension take. */
  readonly name: string;
}

/**
 * The fleet `wanted` names (ARN, or name: exact first, then case-insensitive) in the selected
 * scopes. Throws a `ToolError` when it is nowhere (saying where it looked and which scopes could
 * not be read) or when the name exists in more than one account/region.
 */
export async function locateFleet(
  ctx: ToolContext,
  wanted: string,
  selection: { readonly accounts?: readonly string[]; readonly regions?: readonly string[] },
): Promise<LocatedFleet> {
  const trimmed = wanted.trim();
  const arn = FLEET_ARN.exec(trimmed);
  if (arn) {
    const [, region = '', account = '', name = ''] = arn;
    const scope = scopeOfArn(ctx.aws, trimmed, 'fleet');
    const fleet = (await listFleets(ctx, scope)).find((f) => f.Name === name);
    if (!fleet)
      throw new ToolError(
        'NotFound',
        `fleet: no fleet ${name} in ${scopeLabel({ region, account })} (DescribeFleets). It may have been deleted.`,
      );
    return { scope, fleet, name };
  }
  const scopes = selectScopes(ctx.aws, selection);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listFleets(ctx, scope), {
    signal: ctx.signal,
  });
  const exact: LocatedFleet[] = [];
  const loose: LocatedFleet[] = [];
  const unread: string[] = [];
  const lower = trimmed.toLowerCase();
  for (const outcome of settled) {
    if (!outcome.ok) {
      const error = errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error);
      unread.push(`${scopeLabel(outcome.item)} (${error.code})`);
      continue;
    }
    for (const fleet of outcome.value) {
      const name = fleet.Name ?? '';
      if (name === trimmed) exact.push({ scope: outcome.item, fleet, name });
      else if (name.toLowerCase() === lower || fleet.DisplayName?.toLowerCase() === lower)
        loose.push({ scope: outcome.item, fleet, name });
    }
  }
  const matches = exact.length > 0 ? exact : loose;
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (matches.length > 1)
    throw new ToolError(
      'Ambiguous',
      `fleet: "${trimmed}" matches ${matches.length} fleets (${matches
        .map((m) => m.fleet.Arn ?? `${m.name} in ${scopeLabel(m.scope)}`)
        .join(', ')}); pass the fleet ARN, or narrow accounts/regions.`,
    );
  throw new ToolError(
    'NotFound',
    `fleet: no ${SERVICE_LABELS.applications} fleet named "${trimmed}" in ${scopes.map(scopeLabel).join(', ')}` +
      (unread.length > 0 ? `; could not read ${unread.join(', ')}` : '') +
      '. Check the name in the inventory (get_euc_inventory_summary), or widen accounts/regions.',
  );
}
