/**
 * Finding one portal wherever it lives. An ARN names its account and region, so only that scope
 * is read; a bare id (or a display name) is looked for in every selected scope. Either way the
 * portal comes from ListPortals (memoised per scope, so a tool that lists too pays once), which
 * keeps every one-portal tool to one read action for the lookup.
 */
import type { PortalSummary } from '@aws-sdk/client-workspaces-web';
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
import { portalIdOf } from '../portals/rows.js';
import { listPortals } from './workspaces-web.js';

/** The `portal` input of every one-portal tool. */
export const PortalInput = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'Portal id, ARN or exact display name.',
});

const PORTAL_ARN = /^arn:aws[a-z-]*:workspaces-web:([a-z0-9-]+):(\d{12}):portal\/([A-Za-z0-9-]+)$/;

/** A portal and the account/region it was found in. */
export interface LocatedPortal {
  readonly scope: Scope;
  readonly portal: PortalSummary;
  /** The last ARN segment: what ListSessions, ExpireSession and CloudWatch name the portal by. */
  readonly portalId: string;
  readonly portalArn: string;
}

function located(scope: Scope, portal: PortalSummary): LocatedPortal {
  const portalArn = portal.portalArn ?? '';
  return { scope, portal, portalArn, portalId: portalIdOf(portalArn) };
}

/**
 * The portal `wanted` names (ARN, id, or exact display name, case-insensitive) in the selected
 * scopes. Throws a `ToolError` naming `field` when it is nowhere (saying where it looked and which
 * scopes could not be read) or when a display name matches more than one portal.
 */
export async function locatePortal(
  ctx: ToolContext,
  wanted: string,
  selection: { readonly accounts?: readonly string[]; readonly regions?: readonly string[] },
  field = 'portal',
): Promise<LocatedPortal> {
  const trimmed = wanted.trim();
  const arn = PORTAL_ARN.exec(trimmed);
  if (arn) {
    const [, region = '', account = ''] = arn;
    const scope = scopeOfArn(ctx.aws, trimmed, field);
    const portal = (await listPortals(ctx, scope)).find((p) => p.portalArn === trimmed);
    if (!portal)
      throw new ToolError(
        'NotFound',
        `${field}: no portal ${trimmed} in ${scopeLabel({ region, account })} (ListPortals). It may have been deleted.`,
      );
    return located(scope, portal);
  }
  const scopes = selectScopes(ctx.aws, selection);
  const name = trimmed.toLowerCase();
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listPortals(ctx, scope), {
    signal: ctx.signal,
  });
  const byId: LocatedPortal[] = [];
  const byName: LocatedPortal[] = [];
  const unread: string[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      const error = errorEntry(SERVICE_LABELS.secureBrowser, outcome.item, outcome.error);
      unread.push(`${scopeLabel(outcome.item)} (${error.code})`);
      continue;
    }
    for (const portal of outcome.value) {
      if (portalIdOf(portal.portalArn ?? '') === trimmed) byId.push(located(outcome.item, portal));
      else if (portal.displayName?.toLowerCase() === name) byName.push(located(outcome.item, portal));
    }
  }
  const [only] = byId.length > 0 ? byId : byName;
  if (only && (byId.length > 0 || byName.length === 1)) return only;
  if (byName.length > 1)
    throw new ToolError(
      'Ambiguous',
      `${field}: "${trimmed}" is the display name of ${byName.length} portals (${byName
        .map((p) => `${p.portalId} in ${scopeLabel(p.scope)}`)
        .join(', ')}); pass the portal id or ARN.`,
    );
  throw new ToolError(
    'NotFound',
    `${field}: no Secure Browser portal with id or display name "${trimmed}" in ${scopes.map(scopeLabel).join(', ')}` +
      (unread.length > 0 ? `; could not read ${unread.join(', ')}` : '') +
      '. List portals with list_secure_browser_portals, or widen accounts/regions.',
  );
}
