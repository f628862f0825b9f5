import type { DescribeWorkspacesCommandInput, Workspace } from '@aws-sdk/client-workspaces';
import {
  collectPages,
  defineTool,
  PageInput,
  pageNote,
  RegionInput,
  readCursor,
  regionScope,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import {
  describeWorkspacesByIds,
  listAllWorkspaces,
  MAX_IDS_PER_DESCRIBE,
  workspacesClient,
} from '../aws/workspaces.js';
import { WorkspaceRowSchema, workspaceRow } from '../desktops/rows.js';
import { matchesFilters } from '../desktops/search.js';
import { desktopsOfUser } from '../diagnosis/connectivity.js';
import { Counts, DIRECTORY_ID_PATTERN, tally, WorkspaceIdSchema } from '../schemas.js';

const Text = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 128, description }));

const Input = Type.Object(
  {
    query: Text(
      'Matches any of user name, computer name, IP address, WorkSpace id, bundle id or directory id.',
    ),
    userName: Text('User name (partial unless exact=true).'),
    computerName: Text('Computer name (partial unless exact=true).'),
    ipAddress: Text('IP address or its beginning, e.g. 10.0.12.'),
    workspaceIds: Type.Optional(
      Type.Array(WorkspaceIdSchema, { minItems: 1, maxItems: 500, uniqueItems: true }),
    ),
    bundleId: Text('Bundle id (a full wsb- id is filtered server-side).'),
    directoryId: Text('Directory id (a full d-/wsd- id is filtered server-side).'),
    state: Text('State, e.g. STOPPED, UNHEALTHY, or "stop" for STOPPED and STOPPING.'),
    runningMode: Text('AUTO_STOP, ALWAYS_ON or MANUAL (partial: "auto").'),
    computeType: Text('Compute type, e.g. GRAPHICS (partial: matches every graphics type).'),
    exact: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Match userName/computerName exactly (case-insensitive). An exact userName is looked up server-side (in the given directoryId, or in each directory) instead of scanning every desktop.',
      }),
    ),
    ...PageInput(500),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  matched: Type.Integer({ description: 'Desktops matching every filter (all pages).' }),
  scanned: Type.Integer({ description: 'Desktops read from AWS before client-side filtering.' }),
  lookup: Type.String({
    description: 'How desktops were read: the server-side filter used, or a full scan.',
  }),
  byState: Counts,
  rows: Type.Array(WorkspaceRowSchema),
  nextCursor: Type.Optional(Type.String()),
});
type Output = Static<typeof Output>;

const BUNDLE_ID = /^wsb-[0-9a-z]{8,63}$/;
const DIRECTORY_ID = new RegExp(DIRECTORY_ID_PATTERN);

/** Reads the fewest desktops the filters allow: by ids, by directory (and user), by bundle, else all. */
async function candidates(
  ctx: ToolContext,
  scope: Scope,
  input: Static<typeof Input>,
): Promise<{ lookup: string; workspaces: Workspace[] }> {
  if (input.workspaceIds)
    return {
      lookup: 'WorkspaceIds',
      workspaces: [...(await describeWorkspacesByIds(ctx, scope, input.workspaceIds)).values()],
    };
  // DescribeWorkspaces takes one filter at a time; UserName only together with DirectoryId.
  let filter: DescribeWorkspacesCommandInput | undefined;
  let lookup = '';
  if (input.directoryId && DIRECTORY_ID.test(input.directoryId)) {
    const byUser = input.exact && input.userName !== undefined;
    filter = { DirectoryId: input.directoryId, ...(byUser ? { UserName: input.userName } : {}) };
    lookup = byUser ? 'DirectoryId+UserName' : 'DirectoryId';
  } else if (input.bundleId && BUNDLE_ID.test(input.bundleId)) {
    filter = { BundleId: input.bundleId };
    lookup = 'BundleId';
  }
  if (!filter && input.exact && input.userName !== undefined)
    return {
      lookup: 'UserName in each directory',
      workspaces: await desktopsOfUser(ctx, scope, input.userName),
    };
  if (!filter)
    return {
      lookup: 'full scan (shared with other tools in this call)',
      workspaces: await listAllWorkspaces(ctx, scope),
    };
  const { paginateDescribeWorkspaces } = await workspacesSdk();
  const workspaces = await collectPages(
    paginateDescribeWorkspaces(
      { client: await workspacesClient(ctx, scope), pageSize: MAX_IDS_PER_DESCRIBE },
      filter,
    ),
    (page) => page.Workspaces,
    { signal: ctx.signal },
  );
  return { lookup, workspaces };
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  const { limit, cursor, region: _region, ...filters } = input;
  // Read before any request (a bad cursor costs none) and bound to the filters and the resolved
  // region, so a cursor stays valid whether or not the next call names the default region.
  const position = readCursor(cursor, { ...filters, region: scope.region });
  const { lookup, workspaces } = await candidates(ctx, scope, input);
  const rows = workspaces
    .map(workspaceRow)
    .filter((row) => matchesFilters(row, filters))
    .sort((a, b) => a.workspaceId.localeCompare(b.workspaceId));
  const byState: Record<string, number> = {};
  for (const row of rows) tally(byState, row.state);
  const { offset } = position;
  const { page, nextCursor: next } = position.page(rows, limit ?? ctx.limits.pageSize);
  const states = Object.entries(byState)
    .sort(([, a], [, b]) => b - a)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  const shown = pageNote(offset, page.length, next);
  return {
    summary: `${rows.length} WorkSpace(s) match in ${scope.region}${states ? ` (${states})` : ''}.${shown}`,
    region: scope.region,
    matched: rows.length,
    scanned: workspaces.length,
    lookup,
    byState,
    rows: page,
    ...(next ? { nextCursor: next } : {}),
  };
}

export const findWorkspaces = defineTool({
  name: 'find_workspaces',
  title: 'Find WorkSpaces',
  description:
    'Which desktops match? Searches WorkSpaces Personal desktops by user, computer name, IP address, id, bundle, directory, state, running mode or compute type (partial, case-insensitive), and returns compact rows (limit + cursor) with counts by state. ' +
    'Use it to turn "Alice\'s desktop" or "the graphics desktops in corp" into WorkSpace ids before diagnosing or acting. ' +
    'Cost: workspaceIds → 1 DescribeWorkspaces call per 25 ids; a full directoryId or bundle id → paginated server-side filter (25 per call); an exact userName → DescribeWorkspaceDirectories and one DescribeWorkspaces per directory; otherwise a scan of every desktop in the region (1 call per 25 desktops, shared with other tools in the same request).',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:DescribeWorkspaceDirectories'],
  input: Input,
  output: Output,
  run,
});
