import {
  defineTool,
  ErrorEntry,
  errorEntry,
  mapBounded,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { ScopeSchema } from '../answer.js';
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
  toRow,
} from '../trail/trail.js';
import { type Sweep, sweepTrail } from '../trail/trail-scan.js';

const DAY_MS = 86_400_000;

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 90,
        default: 7,
        description: 'Days back from now; CloudTrail event history keeps 90 days.',
      }),
    ),
    services: Type.Optional(
      Type.Array(Type.Union(AUDIT_SERVICES.map((s) => Type.Literal(s))), {
        minItems: 1,
        uniqueItems: true,
        description:
          'EUC services to keep (workspaces = Personal, Pools and Core desktops); default all four.',
      }),
    ),
    includeReadOnly: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Also list reads (Describe/List/Get). Sweeps each EUC event source instead of all mutations: usually many more requests.',
      }),
    ),
    username: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description:
          'Only this principal (IAM user name, role session name such as an SSO e-mail, or root): one Username lookup.',
      }),
    ),
    maxEvents: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Rows in events[] and flagged[].' }),
    ),
    maxRequests: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 600,
        default: 60,
        description:
          'LookupEvents requests per account/region (50 events each, 2 per second): 60 ≈ 3,000 events, 30 s.',
      }),
    ),
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
      ...ScopeSchema.properties,
      requests: Type.Integer(),
      complete: Type.Boolean(),
      coveredFrom: Type.String({ description: 'Events from here to the window end are all included.' }),
    }),
  ),
  totals: TrailTotalsSchema,
  byUser: Type.Array(ByUserSchema, { description: 'Who changed things: riskiest first, top 20.' }),
  byEventName: Type.Array(ByEventSchema, { description: 'Most frequent actions, top 20.' }),
  flagged: Type.Array(TrailRowSchema, {
    description: 'Data-loss, disruptive and refused calls, newest first.',
  }),
  flaggedTotal: Type.Integer(),
  events: Type.Array(TrailRowSchema, { description: 'Newest first, cut to maxEvents.' }),
  eventsTotal: Type.Integer(),
  errors: Type.Array(ErrorEntry),
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
    'Who changed what in WorkSpaces Personal/Pools/Core, WorkSpaces Applications (AppStream), Secure Browser and Core Managed Instances: CloudTrail management events of the last N days (max 90), mutations only by default, grouped by person and by action, with data-loss calls (terminate, delete, rebuild, restore), disruptive calls (stop, reboot, revoke, disassociate) and AccessDenied attempts flagged. Use it for "who terminated/rebuilt this desktop", "what did the helpdesk change this week", "who is trying calls they may not make". Says whether the whole window was covered; if not, raise maxRequests or shorten lookbackDays. Cost: LookupEvents pages of 50 events, paced at 2 requests/second per account and region (the API limit, shared by every tool in this server), up to maxRequests (default 60, about 30 s) per region; a mutations sweep reads every service’s writes and keeps the EUC ones.',
  tier: 0,
  iam: ['cloudtrail:LookupEvents'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    const lookbackDays = input.lookbackDays ?? 7;
    const end = ctx.now();
    const start = new Date(end.getTime() - lookbackDays * DAY_MS);
    const services = input.services ?? AUDIT_SERVICES;
    const { mode, sweeps } = sweepsFor(input, services);
    const budget = input.maxRequests ?? 60;
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
      coverage.push({ ...scope, requests, complete, coveredFrom: coveredFrom.toISOString() });
      for (const event of events) {
        const row = toRow(event, scope);
        if (!row || !wanted.has(row.service)) continue;
        if (!input.includeReadOnly && row.readOnly) continue;
        rows.push(row);
      }
    }
    const maxEvents = input.maxEvents ?? 50;
    const view = summarizeTrail(rows, { rows: maxEvents, groups: 20 });
    const fullyCovered = coverage.every((c) => c.complete);
    const partial = coverage.filter((c) => !c.complete);
    const { totals } = view;
    const summary =
      `${totals.events} EUC ${input.includeReadOnly ? 'events' : 'changes'} in the last ${lookbackDays} days across ${scopes.length} region scope${scopes.length === 1 ? '' : 's'}` +
      `: ${totals.dataLoss} data-loss, ${totals.disruptive} disruptive, ${totals.accessDenied} refused (AccessDenied).` +
      (view.byUser[0] ? ` Most active: ${view.byUser[0].username} (${view.byUser[0].events}).` : '') +
      (fullyCovered
        ? ' The whole window was read.'
        : ` PARTIAL: ${partial.map((c) => `${scopeLabel(c)} only back to ${c.coveredFrom}`).join('; ')} — raise maxRequests or shorten lookbackDays.`);
    return {
      summary,
      window: { start: start.toISOString(), end: end.toISOString(), lookbackDays },
      mode,
      windowFullyCovered: fullyCovered,
      scopes: coverage,
      totals,
      byUser: view.byUser,
      byEventName: view.byEventName,
      flagged: view.flagged,
      flaggedTotal: view.flaggedTotal,
      events: view.events,
      eventsTotal: totals.events,
      errors,
      notes: [
        'CloudTrail event history is per region and keeps 90 days of management events; data events are not included.',
        'LookupEvents is limited to 2 requests per second per account and region; this server paces every caller to it.',
        ...(mode === 'mutations'
          ? [
              'Mutations are read from every service’s writes (ReadOnly=false); in a busy account this needs more requests per day of window.',
            ]
          : []),
      ],
    };
  },
});
