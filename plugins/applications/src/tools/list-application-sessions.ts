import type { Session } from '@aws-sdk/client-appstream';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
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
import {
  AUTHENTICATION_TYPES,
  SESSION_STATES,
  scopeSessions,
  sessionAgeMinutes,
} from '../stacks/sessions.js';

/**
 * Rows per page at most: a row is ~320 bytes of JSON, ~700 as sent over MCP (the answer goes out
 * twice), so 20 rows and the counts stay well inside the 20 KB answer budget.
 */
const PAGE_ROWS = 20;
const TOP_FLEETS = 10;

const Input = Type.Object(
  {
    stack: Type.Optional(Type.String()),
    fleet: Type.Optional(Type.String()),
    user: Type.Optional(Type.String()),
    state: Type.Optional(Type.Enum(SESSION_STATES)),
    auth: Type.Optional(Type.Enum(AUTHENTICATION_TYPES)),
    ...ScopeInput,
    // No `limit` (pages are the server's page size, at most 20) and a bare cursor (the answer's
    // nextCursor names it): five filters and the scope leave no room in the schema budget.
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  sessionId: Type.String(),
  user: Type.String(),
  stack: Type.String(),
  fleet: Type.String(),
  state: Type.String(),
  connected: Type.Boolean(),
  auth: Type.String(),
  ageMinutes: Type.Optional(Type.Integer()),
  expires: Type.Optional(Type.String({ description: 'MaxExpirationTime: cut off at the latest.' })),
  account: Type.Optional(Type.String()),
  region: Type.String(),
});
type Row = Static<typeof Row>;

const Counts = Type.Record(Type.String(), Type.Integer());

const Output = Type.Object({
  summary: Type.String(),
  total: Type.Integer(),
  byState: Counts,
  byAuthenticationType: Counts,
  topFleets: Type.Array(
    Type.Object({ fleet: Type.String(), region: Type.String(), sessions: Type.Integer() }),
    {
      description: `Most sessions, at most ${TOP_FLEETS}.`,
    },
  ),
  rows: Type.Array(Row),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

function sessionRow(session: Session, scope: Scope, now: Date): Row {
  const age = sessionAgeMinutes(session, now);
  return {
    sessionId: session.Id ?? '',
    user: session.UserId ?? '',
    stack: session.StackName ?? '',
    fleet: session.FleetName ?? '',
    state: session.State ?? 'UNKNOWN',
    connected: session.ConnectionState === 'CONNECTED',
    auth: session.AuthenticationType ?? 'UNKNOWN',
    ...(age === undefined ? {} : { ageMinutes: age }),
    ...(session.MaxExpirationTime ? { expires: session.MaxExpirationTime.toISOString() } : {}),
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
  };
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(
    scopes,
    ctx.limits.concurrency,
    (scope) => scopeSessions(ctx, scope, { ...input, authenticationType: input.auth }),
    {
      signal: ctx.signal,
    },
  );
  const now = ctx.now();
  const rows: Row[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) rows.push(...outcome.value.map((s) => sessionRow(s, outcome.item, now)));
    else errors.push(errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error));
  }
  // Stable for paging: by place, then longest-running first.
  rows.sort(
    (a, b) =>
      (a.account ?? '').localeCompare(b.account ?? '') ||
      a.region.localeCompare(b.region) ||
      a.fleet.localeCompare(b.fleet) ||
      (b.ageMinutes ?? 0) - (a.ageMinutes ?? 0) ||
      a.sessionId.localeCompare(b.sessionId),
  );
  const byState: Record<string, number> = {};
  const byAuthenticationType: Record<string, number> = {};
  const perFleet: Record<string, number> = {};
  for (const row of rows) {
    tally(byState, row.state);
    tally(byAuthenticationType, row.auth);
    tally(perFleet, `${row.region}\u0000${row.fleet}`);
  }
  const topFleets = Object.entries(perFleet)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, TOP_FLEETS)
    .map(([key, sessions]) => {
      const [region = '', fleet = ''] = key.split('\u0000');
      return { fleet, region, sessions };
    });
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, PAGE_ROWS),
  });
  const counted = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  const summary =
    `${rows.length} WorkSpaces Applications session(s) in ${scopes.length} account/region scope(s)` +
    (rows.length > 0 ? ` (${counted(byState)}; ${counted(byAuthenticationType)})` : '') +
    '.' +
    pageNote(offset, page.length, nextCursor) +
    (nextCursor ? ` ${rows.length - offset - page.length} more not shown.` : '') +
    (page.length > 0 ? ' End one with expire_application_session.' : '') +
    (errors.length > 0 ? ` Partial: ${errors.length} scope(s) could not be read, see errors.` : '');
  return {
    summary,
    total: rows.length,
    byState,
    byAuthenticationType,
    topFleets,
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    errors,
  };
}

/** list_application_sessions: who is streaming where, estate-wide and filtered. */
export const listApplicationSessions = defineTool({
  name: 'list_application_sessions',
  title: 'List WorkSpaces Applications sessions',
  description:
    'Who streams from WorkSpaces Applications (AppStream)? Per session: user, stack, fleet, state, age. Cost: DescribeSessions per stack/fleet.',
  tier: 0,
  iam: [
    'appstream:DescribeFleets',
    'appstream:DescribeStacks',
    'appstream:ListAssociatedFleets',
    'appstream:ListAssociatedStacks',
    'appstream:DescribeSessions',
  ],
  input: Input,
  output: Output,
  run,
});
