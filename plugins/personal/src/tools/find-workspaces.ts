import type { DescribeWorkspacesCommandInput, Workspace } from '@aws-sdk/client-workspaces';
import {
  collectPages,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  pageNote,
  readCursor,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { acrossScopes, PlaceFields, partialNote, placeOf, placesText } from '../aws/scopes.js';
import { workspacesSdk } from '../aws/sdk.js';
import { desktopsOfUser } from '../aws/user-lookup.js';
import {
  describeWorkspacesByIds,
  listAllWorkspaces,
  MAX_IDS_PER_DESCRIBE,
  workspacesClient,
} from '../aws/workspaces.js';
import { WorkspaceRowSchema, workspaceRow } from '../desktops/rows.js';
import { matchesFilters } from '../desktops/search.js';
import {
  BarePage,
  Counts,
  checkInteger,
  checkText,
  checkWorkspaceIds,
  Ids,
  isDirectoryId,
  Str,
  tally,
} from '../schemas.js';

/** Rows per page at most: 500 rows of ~270 bytes is what an assistant asking for them can take. */
const MAX_LIMIT = 500;
/**
 * Rows per page by default: a row is ~270 bytes of JSON and the answer is sent twice on the wire
 * (structured and as text), so 25 rows keep the default answer within the 20 KB budget.
 */
const DEFAULT_ROWS = 25;

const Input = Type.Object(
  {
    query: Type.Optional(Type.String({ description: 'Any of user, computer, IP, id, bundle, directory' })),
    userName: Str(),
    exact: Type.Optional(Type.Boolean({ description: 'Exact userName, looked up server-side' })),
    workspaceIds: Type.Optional(Ids()),
    directoryId: Str(),
    state: Str(),
    runningMode: Str(),
    computeType: Str(),
    ...BarePage,
    ...ScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

const Row = Type.Object({ ...WorkspaceRowSchema.properties, ...PlaceFields });
type Row = Static<typeof Row>;

const Output = Type.Object({
  summary: Type.String(),
  matched: Type.Integer({ description: 'Desktops matching every filter (all pages).' }),
  scanned: Type.Integer({ description: 'Desktops read from AWS before client-side filtering.' }),
  lookup: Type.String({ description: 'How desktops were read: a server-side filter, or a full scan.' }),
  byState: Counts,
  rows: Type.Array(Row),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const BUNDLE_ID = /^wsb-[0-9a-z]{8,63}$/;

function checkInput(input: Input): void {
  for (const field of ['query', 'userName', 'directoryId', 'state', 'runningMode', 'computeType'] as const)
    checkText(field, input[field]);
  checkWorkspaceIds('workspaceIds', input.workspaceIds);
  checkInteger('limit', input.limit, 1, MAX_LIMIT);
}

/** The one server-side filter DescribeWorkspaces takes (UserName only with DirectoryId), if any. */
function serverFilter(input: Input): { lookup: string; filter: DescribeWorkspacesCommandInput } | undefined {
  const directoryId = [input.directoryId, input.query].find((v) => v !== undefined && isDirectoryId(v));
  if (directoryId) {
    const byUser = input.exact === true && input.userName !== undefined;
    return {
      lookup: byUser ? 'DirectoryId+UserName' : 'DirectoryId',
      filter: { DirectoryId: directoryId, ...(byUser ? { UserName: input.userName } : {}) },
    };
  }
  if (input.query && BUNDLE_ID.test(input.query))
    return { lookup: 'BundleId', filter: { BundleId: input.query } };
  return undefined;
}

/** Reads the fewest desktops of one scope the filters allow: by ids, by a server-side filter, else all. */
async function candidates(ctx: ToolContext, scope: Scope, input: Input): Promise<Workspace[]> {
  if (input.workspaceIds)
    return [...(await describeWorkspacesByIds(ctx, scope, input.workspaceIds)).values()];
  const server = serverFilter(input);
  if (!server) return listAllWorkspaces(ctx, scope);
  const { paginateDescribeWorkspaces } = await workspacesSdk();
  return collectPages(
    paginateDescribeWorkspaces(
      { client: await workspacesClient(ctx, scope), pageSize: MAX_IDS_PER_DESCRIBE },
      server.filter,
    ),
    (page) => page.Workspaces,
    { signal: ctx.signal },
  );
}

/** Every scope's candidates, each with its scope, and one error per scope that failed. */
async function gather(
  ctx: ToolContext,
  input: Input,
): Promise<{
  lookup: string;
  scopes: readonly Scope[];
  found: { scope: Scope; ws: Workspace }[];
  errors: ErrorEntry[];
}> {
  const byUserOnly =
    input.exact === true && input.userName !== undefined && !input.workspaceIds && !serverFilter(input);
  if (byUserOnly) {
    const scopes = selectScopes(ctx.aws, input);
    const search = await desktopsOfUser(ctx, scopes, input.userName ?? '');
    return {
      lookup: 'UserName in each directory',
      scopes,
      found: search.found.map((l) => ({ scope: l.scope, ws: l.workspace })),
      errors: search.failures.map((f) => errorEntry(SERVICE_LABELS.personal, f.scope, f.error)),
    };
  }
  const fan = await acrossScopes(ctx, input, (scope) => candidates(ctx, scope, input));
  return {
    lookup: input.workspaceIds
      ? 'WorkspaceIds'
      : (serverFilter(input)?.lookup ??
        'full scan (shared with other tools; from the estate snapshot unless fresh)'),
    scopes: fan.scopes,
    found: fan.answered.flatMap(({ scope, value }) => value.map((ws) => ({ scope, ws }))),
    errors: fan.errors,
  };
}

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkInput(input);
  const { limit, cursor, fresh: _fresh, ...filters } = input;
  // Read before any request (a bad cursor costs none); bound to the filters and scopes, not `fresh`.
  const position = readCursor(cursor, filters);
  const { lookup, scopes, found, errors } = await gather(ctx, input);
  const rows: Row[] = found
    .map(({ scope, ws }) => ({ ...workspaceRow(ws), ...placeOf(ctx.aws, scope) }))
    .filter((row) => matchesFilters(row, filters))
    .sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
  const byState: Record<string, number> = {};
  for (const row of rows) tally(byState, row.state);
  const { offset } = position;
  const { page, nextCursor } = position.page(rows, limit ?? Math.min(ctx.limits.pageSize, DEFAULT_ROWS));
  const states = Object.entries(byState)
    .sort(([, a], [, b]) => b - a)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  const failed = new Set(errors.map((e) => `${e.account ?? ''}/${e.region}`));
  const read = scopes.filter((s) => !failed.has(`${s.account ?? ''}/${s.region}`));
  return {
    summary:
      `${rows.length} WorkSpace(s) match in ${placesText(ctx.aws, read) || 'no readable scope'}${states ? ` (${states})` : ''}.` +
      pageNote(offset, page.length, nextCursor) +
      partialNote(errors),
    matched: rows.length,
    scanned: found.length,
    lookup,
    byState,
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    errors,
  };
}

/** find_workspaces: desktops matching filters across the estate, compact rows, paged. */
export const findWorkspaces = defineTool({
  name: 'find_workspaces',
  title: 'Find WorkSpaces',
  description:
    'Which WorkSpaces Personal desktops match? Partial, case-insensitive filters; counts by state and paged rows. Turns a user, computer or IP into WorkSpace ids. Full ids (ws-, d-, wsb-) and exact userName are looked up server-side, else a scan.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:DescribeWorkspaceDirectories'],
  input: Input,
  output: Output,
  run,
});
