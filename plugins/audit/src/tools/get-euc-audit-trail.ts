import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { intInput, scopesPhrase } from '../answer.js';
import {
  AUDIT_SERVICES,
  type AuditService,
  ByEventSchema,
  ByUserSchema,
  EVENT_SOURCES,
  summarizeTrail,
  type TrailRow,
  TrailRowSchema,
  TrailTotalsSchema,
  terseRow,
  toRow,
} from '../trail/trail.js';
import { type Sweep, sweepTrail } from '../trail/trail-scan.js';

const DAY_MS = 86_400_000;
/**
 * Events a default answer lists: 10 terse rows (~3 KB, sent twice over MCP) leave room for the
 * groups and the coverage of 20 scopes.
 */
const DEFAULT_ROWS = 10;
/** Users and actions listed; the totals count every one. */
const GROUPS = 6;

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    services: Type.Optional(Type.Array(Type.Enum(AUDIT_SERVICES))),
    includeReadOnly: Type.Optional(Type.Boolean()),
    username: Type.Optional(Type.String()),
    maxRequests: Type.Optional(Type.Integer()),
    limit: Type.Optional(Type.Integer()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  window: Type.Object({ start: Type.String(), end: Type.String(), lookbackDays: Type.Integer() }),
  mode: Type.String({ description: 'How events were looked up: mutations, event-source, or username.' }),
  windowFullyCovered: Type.Boolean({
    description: 'False when a scope ran out of its request budget or failed: see scopes[].coveredFrom.',
  }),
  scopes: Type.Array(
    Type.Object({
      account: Type.Optional(Type.String()),
      region: Type.String(),
      requests: Type.Integer(),
      complete: Type.Boolean(),
      coveredFrom: Type.Optional(
        Type.String({ description: 'Incomplete scope: events from here to the window end are all in.' }),
      ),
    }),
  ),
  totals: TrailTotalsSchema,
  byUser: Type.Array(ByUserSchema, { description: 'Who changed things: riskiest first.' }),
  usersTotal: Type.Integer(),
  byEventName: Type.Array(ByEventSchema, { description: 'Most frequent actions.' }),
  events: Type.Array(TrailRowSchema, {
    description:
      'Each event once: data-loss, disruptive and refused calls first, then the rest; newest first.',
  }),
  eventsTotal: Type.Integer(),
  flaggedTotal: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

function sweepsFor(
  input: { includeReadOnly?: boolean; username?: string },
  services: readonly AuditService[],
): { mode: string; sweeps: Sweep[] } {
  if (input.username)
    return { mode: 'username', sweeps: [{ attribute: { key: 'Username', value: input.username } }] };
  if (input.includeReadOnly)
    return {
      mode: 'event-source',
      sweeps: services.map((s) => ({ attribute: { key: 'EventSource', value: EVENT_SOURCES[s] } })),
    };
  // One sweep of every write in the account; EUC events are picked out of it. A sweep per event
  // source would also page through every read (Describe calls from pollers dominate).
  return { mode: 'mutations', sweeps: [{ attribute: { key: 'ReadOnly', value: 'false' } }] };
}

/** get_euc_audit_trail: who changed what in the EUC services, from CloudTrail event history. */
export const getEucAuditTrail = defineTool({
  name: 'get_euc_audit_trail',
  title: 'EUC audit trail (CloudTrail)',
  description:
    'Who changed what in the EUC services? CloudTrail writes (reads too if asked) by person and action, data-loss, disruptive and AccessDenied calls first. Default 7 days, 60 requests per scope (2/s); not fully covered: raise maxRequests or cut lookbackDays.',
  tier: 0,
  iam: ['cloudtrail:LookupEvents'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    const lookbackDays = intInput('lookbackDays', input.lookbackDays, 7, 1, 90);
    const budget = intInput('maxRequests', input.maxRequests, 60, 1, 600);
    const limit = intInput('limit', input.limit, DEFAULT_ROWS, 1, 200);
    if (input.username !== undefined && (input.username.length === 0 || input.username.length > 128))
      throw new ToolError('InvalidInput', 'username: expected 1 to 128 characters.');
    if (input.services?.length === 0)
      throw new ToolError('InvalidInput', 'services: give at least one service, or omit it.');
    const end = ctx.now();
    const start = new Date(end.getTime() - lookbackDays * DAY_MS);
    const services = input.services ? [...new Set(input.services)] : AUDIT_SERVICES;
    const { mode, sweeps } = sweepsFor(input, services);
    const wanted = new Set<string>(services);
    let done = 0;
    const settled = await mapBounded(scopes, ctx.limits.concurrency, async (scope: Scope) => {
      const result = await sweepTrail(ctx, scope, { start, end }, sweeps, budget);
      ctx.progress(++done, scopes.length, `CloudTrail ${scopeLabel(scope)}`);
      return result;
    });
    const rows: TrailRow[] = [];
    const errors: ErrorEntry[] = [];
    const coverage: Static<typeof Output>['scopes'] = [];
    for (const outcome of settled) {
      const scope = outcome.item;
      if (!outcome.ok) {
        errors.push(errorEntry(SERVICE_LABELS.cloudtrail, scope, outcome.error));
        coverage.push({ ...scope, requests: 0, complete: false, coveredFrom: end.toISOString() });
        continue;
      }
      const { events, requests, complete, coveredFrom } = outcome.value;
      coverage.push({
        ...scope,
        requests,
        complete,
        ...(complete ? {} : { coveredFrom: coveredFrom.toISOString() }),
      });
      for (const event of events) {
        const row = toRow(event, scope);
        if (!row || !wanted.has(row.service)) continue;
        if (!input.includeReadOnly && row.readOnly) continue;
        rows.push(row);
      }
    }
    const view = summarizeTrail(rows, { groups: GROUPS });
    const { page, offset, nextCursor } = pageOf(view.ranked, { ...input, limit }, ctx.limits);
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    const partial = coverage.filter((c) => !c.complete);
    const { totals } = view;
    const summary =
      `${totals.events} EUC ${input.includeReadOnly ? 'events' : 'changes'} in the last ${lookbackDays} days across ${scopesPhrase(scopes.length)}` +
      `: ${totals.dataLoss} data-loss, ${totals.disruptive} disruptive, ${totals.accessDenied} refused (AccessDenied).` +
      (view.byUser[0] ? ` Most active: ${view.byUser[0].username} (${view.byUser[0].events}).` : '') +
      (page.length > 0
        ? ` Listing ${offset + 1}–${offset + page.length} of ${view.ranked.length}, flagged first${nextCursor ? '; pass nextCursor for more' : ''}.`
        : '') +
      (partial.length === 0
        ? ' The whole window was read.'
        : ` PARTIAL: ${partial
            .slice(0, 5)
            .map((c) => `${scopeLabel(c)} only back to ${c.coveredFrom}`)
            .join(
              '; ',
            )}${partial.length > 5 ? ` and ${partial.length - 5} more scopes` : ''} — raise maxRequests or shorten lookbackDays.`);
    return {
      summary,
      window: { start: start.toISOString(), end: end.toISOString(), lookbackDays },
      mode,
      windowFullyCovered: partial.length === 0,
      scopes: coverage,
      totals,
      byUser: view.byUser,
      usersTotal: view.usersTotal,
      byEventName: view.byEventName,
      events: page.map((row) => terseRow(row, multiAccount)),
      eventsTotal: totals.events,
      flaggedTotal: view.flaggedTotal,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      errors: errors.slice(0, 100),
      notes: [
        `Top ${GROUPS} users and actions; totals count all. identityType and role are in byUser; eventId finds the full record.`,
        'CloudTrail event history is per region and keeps 90 days of management events; data events are not included.',
        ...(mode === 'mutations'
          ? [
              'Writes are read from every service (ReadOnly=false) and the EUC ones kept: a busy account needs more requests per day.',
            ]
          : []),
      ],
    };
  },
});
