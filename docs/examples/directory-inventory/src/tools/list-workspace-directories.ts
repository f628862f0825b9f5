import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  tally,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { type DirectoryRow, directoryRows, listDirectories, listWorkspaces } from '../directories.js';

// Rows past this many are counted, not listed: an estate has tens of directories, rarely more.
const MAX_ROWS = 50;

const Counts = Type.Record(Type.String(), Type.Integer());

const Output = Type.Object({
  summary: Type.String(),
  total: Type.Integer(),
  byState: Counts,
  byType: Counts,
  withoutDesktops: Type.Integer({ description: 'Registered directories no desktop uses.' }),
  directories: Type.Array(
    Type.Object({
      scope: Type.String(),
      directoryId: Type.String(),
      name: Type.String(),
      type: Type.String(),
      state: Type.String(),
      desktops: Type.Integer(),
    }),
    { maxItems: MAX_ROWS },
  ),
  errors: ErrorList(),
});

export const listWorkspaceDirectories = defineTool({
  name: 'list_workspace_directories',
  title: 'List WorkSpaces directories',
  description:
    'WorkSpaces directories in every account/region with their type, state and number of desktops, and how many registered directories no desktop uses. Two shared scans per account/region (directories, desktops).',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeWorkspaces'],
  input: Type.Object({ ...ScopeInput }, { additionalProperties: false }),
  output: Output,
  run: async (input, ctx) => {
    const scopes = selectScopes(ctx.aws, input);
    const settled = await mapBounded(
      scopes,
      ctx.limits.concurrency,
      async (scope) => directoryRows(await listDirectories(ctx, scope), await listWorkspaces(ctx, scope)),
      { signal: ctx.signal },
    );
    const rows: (DirectoryRow & { scope: string })[] = [];
    const errors: ErrorEntry[] = [];
    for (const outcome of settled) {
      if (outcome.ok) rows.push(...outcome.value.map((row) => ({ scope: scopeLabel(outcome.item), ...row })));
      else errors.push(errorEntry(SERVICE_LABELS.personal, outcome.item, outcome.error));
    }
    const byState: Record<string, number> = {};
    const byType: Record<string, number> = {};
    for (const row of rows) {
      tally(byState, row.state);
      tally(byType, row.type);
    }
    const withoutDesktops = rows.filter((r) => r.state === 'REGISTERED' && r.desktops === 0).length;
    const listed = [...rows].sort((a, b) => b.desktops - a.desktops).slice(0, MAX_ROWS);
    const cut = rows.length > listed.length ? ` Listed the ${listed.length} with the most desktops.` : '';
    const summary = `${rows.length} directories, ${withoutDesktops} registered without desktops.${cut}${errors.length > 0 ? ` ${errors.length} account/regions could not be read.` : ''}`;
    return { summary, total: rows.length, byState, byType, withoutDesktops, directories: listed, errors };
  },
});
