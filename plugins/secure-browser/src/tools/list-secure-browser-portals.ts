import type { PortalSummary } from '@aws-sdk/client-workspaces-web';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  PageInput,
  pageNote,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
  tally,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { listPortals } from '../aws/workspaces-web.js';
import { portalIdOf } from '../portals/rows.js';
import { attachedSettings, type SettingsKind } from '../portals/settings.js';

/** Rows per page at most, for an assistant that asks for a larger page. */
const MAX_ROWS = 50;
/**
 * Rows per page by default: a row is ~250 bytes of JSON and the answer is sent twice on the wire
 * (structured and as text), so 25 rows keep the default answer within the 20 KB budget.
 */
const DEFAULT_ROWS = 25;

/** Short names of the settings kinds, so a row stays small. */
const SHORT: Readonly<Record<SettingsKind, string>> = {
  userSettings: 'user',
  networkSettings: 'network',
  ipAccessSettings: 'ipAccess',
  dataProtectionSettings: 'dataProtection',
  browserSettings: 'browser',
  userAccessLoggingSettings: 'accessLogging',
  trustStore: 'trustStore',
  sessionLogger: 'sessionLogger',
};

const Input = Type.Object({ ...ScopeInput, ...PageInput(MAX_ROWS) }, { additionalProperties: false });

const PortalRow = Type.Object({
  portalId: Type.String(),
  name: Type.Optional(Type.String()),
  status: Type.String(),
  authenticationType: Type.Optional(Type.String()),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  settings: Type.Array(Type.String(), { description: 'Settings resources associated.' }),
});
type PortalRow = Static<typeof PortalRow>;

const Output = Type.Object({
  summary: Type.String(),
  total: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  byAuthenticationType: Type.Record(Type.String(), Type.Integer()),
  activeWithout: Type.Record(Type.String(), Type.Integer(), {
    description: 'Active portals lacking ipAccess, accessLogging or dataProtection settings.',
  }),
  rows: Type.Array(PortalRow),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** The controls whose absence on an Active portal is a finding (see checks.ts). */
const CONTROLS = ['ipAccess', 'accessLogging', 'dataProtection'] as const;

function portalRow(portal: PortalSummary, scope: Scope): PortalRow {
  return {
    portalId: portalIdOf(portal.portalArn ?? ''),
    ...(portal.displayName ? { name: portal.displayName } : {}),
    status: portal.portalStatus ?? 'UNKNOWN',
    ...(portal.authenticationType ? { authenticationType: portal.authenticationType } : {}),
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    settings: attachedSettings(portal).map((kind) => SHORT[kind]),
  };
}

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([key, n]) => `${n} ${key}`)
    .join(', ');

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => listPortals(ctx, scope), {
    signal: ctx.signal,
  });
  const rows: PortalRow[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) rows.push(...outcome.value.map((p) => portalRow(p, outcome.item)));
    else errors.push(errorEntry(SERVICE_LABELS.secureBrowser, outcome.item, outcome.error));
  }
  rows.sort(
    (a, b) =>
      (a.account ?? '').localeCompare(b.account ?? '') ||
      a.region.localeCompare(b.region) ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      a.portalId.localeCompare(b.portalId),
  );
  const byStatus: Record<string, number> = {};
  const byAuthenticationType: Record<string, number> = {};
  const activeWithout: Record<string, number> = {};
  for (const row of rows) {
    tally(byStatus, row.status);
    tally(byAuthenticationType, row.authenticationType ?? 'UNKNOWN');
    if (row.status === 'Active')
      for (const control of CONTROLS) if (!row.settings.includes(control)) tally(activeWithout, control);
  }
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, DEFAULT_ROWS),
  });
  const gaps = counted(activeWithout);
  const summary =
    `${rows.length} Amazon WorkSpaces Secure Browser portal(s) in ${scopes.length} account/region scope(s)` +
    (rows.length > 0 ? ` (${counted(byStatus)})` : '') +
    '.' +
    (gaps ? ` Active portals without: ${gaps}.` : '') +
    pageNote(offset, page.length, nextCursor) +
    (errors.length > 0 ? ` Partial: ${errors.length} scope(s) could not be read, see errors.` : '');
  return {
    summary,
    total: rows.length,
    byStatus,
    byAuthenticationType,
    activeWithout,
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    errors,
  };
}

/** list_secure_browser_portals: every portal of the configured estate, compact and paged. */
export const listSecureBrowserPortals = defineTool({
  name: 'list_secure_browser_portals',
  title: 'List Secure Browser portals',
  description:
    'Which WorkSpaces Secure Browser (formerly WorkSpaces Web) portals exist? Status, sign-in type and settings per portal; counts by status and missing controls. Then get_secure_browser_portal_details.',
  tier: 0,
  iam: ['workspaces-web:ListPortals'],
  input: Input,
  output: Output,
  run,
});
