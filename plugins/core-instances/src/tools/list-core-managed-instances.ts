import type { WorkspaceInstance } from '@aws-sdk/client-workspaces-instances';
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
  scopeLabel,
  selectScopes,
  type ToolContext,
  tally,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { instanceTags, isNotFound, listInstances } from '../aws.js';
import { describeEc2Instances } from '../ec2.js';
import { attentionRank, phaseOf } from '../provisioning.js';
import { Counts, ProvisionState, Tags } from '../schemas.js';

/**
 * Rows per page by default (failed instances first): a row with its tags is ~260 bytes of JSON and
 * the answer is sent twice on the wire (structured and as text), so 25 rows stay within 20 KB.
 */
const DEFAULT_ROWS = 25;

const Input = Type.Object(
  {
    states: Type.Optional(Type.Array(ProvisionState, { minItems: 1 })),
    ...ScopeInput,
    ...PageInput(100),
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceInstanceId: Type.String(),
  state: Type.String(),
  phase: Type.String(),
  ec2InstanceId: Type.Optional(Type.String()),
  instanceType: Type.Optional(Type.String()),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  tags: Type.Optional(Tags),
});
type Row = Static<typeof Row>;

const Output = Type.Object({
  summary: Type.String(),
  total: Type.Integer({ description: 'Instances matching the filters, all pages.' }),
  byState: Counts,
  byScope: Counts,
  rows: Type.Array(Row, { description: 'Failed first, then in progress, in service, released.' }),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const SERVICE = SERVICE_LABELS.coreInstances;

function rowOf(instance: WorkspaceInstance, scope: Scope): Row {
  const ec2InstanceId = instance.EC2ManagedInstance?.InstanceId;
  return {
    workspaceInstanceId: instance.WorkspaceInstanceId ?? '',
    state: instance.ProvisionState ?? 'UNKNOWN',
    phase: phaseOf(instance.ProvisionState),
    ...(ec2InstanceId ? { ec2InstanceId } : {}),
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
  };
}

/**
 * Instance type (one DescribeInstances per scope) and tags (one ListTagsForResource per row) for
 * the rows of the page only: neither is in ListWorkspaceInstances, and reading them for every
 * instance would cost a call per instance for rows nobody sees. A failure leaves the field out
 * and is reported once per scope.
 */
async function enrich(ctx: ToolContext, page: Row[], errors: ErrorEntry[]): Promise<Row[]> {
  const byScope = new Map<string, { scope: Scope; rows: Row[] }>();
  for (const row of page) {
    const scope: Scope = { region: row.region, ...(row.account ? { account: row.account } : {}) };
    const entry = byScope.get(scopeLabel(scope)) ?? { scope, rows: [] };
    entry.rows.push(row);
    byScope.set(scopeLabel(scope), entry);
  }
  const enriched = await mapBounded(
    [...byScope.values()],
    ctx.limits.concurrency,
    async ({ scope, rows }) => {
      const ec2Ids = rows.flatMap((r) => (r.ec2InstanceId ? [r.ec2InstanceId] : []));
      const [types, tags] = await Promise.allSettled([
        ec2Ids.length > 0 ? describeEc2Instances(ctx, scope, ec2Ids) : Promise.resolve(new Map()),
        mapBounded(rows, ctx.limits.concurrency, (r) => instanceTags(ctx, scope, r.workspaceInstanceId)),
      ]);
      if (types.status === 'rejected')
        errors.push(errorEntry('Amazon EC2', scope, types.reason, 'Instance types not shown: '));
      const tagFailure =
        tags.status === 'fulfilled' ? tags.value.find((t) => !t.ok && !isNotFound(t.error)) : undefined;
      if (tagFailure && !tagFailure.ok)
        errors.push(errorEntry(SERVICE, scope, tagFailure.error, 'Tags not shown: '));
      return rows.map((row, i): Row => {
        const instanceType =
          types.status === 'fulfilled' && row.ec2InstanceId
            ? types.value.get(row.ec2InstanceId)?.instanceType
            : undefined;
        const rowTags = tags.status === 'fulfilled' ? tags.value[i] : undefined;
        return {
          ...row,
          ...(instanceType ? { instanceType } : {}),
          ...(rowTags?.ok && Object.keys(rowTags.value).length > 0 ? { tags: rowTags.value } : {}),
        };
      });
    },
  );
  return enriched.flatMap((e) => (e.ok ? e.value : e.item.rows));
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(
    scopes,
    ctx.limits.concurrency,
    (scope) => listInstances(ctx, scope, input.states),
    { signal: ctx.signal },
  );
  const errors: ErrorEntry[] = [];
  const found: { instance: WorkspaceInstance; scope: Scope }[] = [];
  const byScope: Record<string, number> = {};
  for (const outcome of settled) {
    if (!outcome.ok) {
      errors.push(errorEntry(SERVICE, outcome.item, outcome.error));
      continue;
    }
    byScope[scopeLabel(outcome.item)] = outcome.value.length;
    found.push(...outcome.value.map((instance) => ({ instance, scope: outcome.item })));
  }
  const answered = scopes.length - errors.length;
  const rows = found
    .sort(
      (a, b) =>
        attentionRank(a.instance.ProvisionState) - attentionRank(b.instance.ProvisionState) ||
        scopeLabel(a.scope).localeCompare(scopeLabel(b.scope)) ||
        (a.instance.WorkspaceInstanceId ?? '').localeCompare(b.instance.WorkspaceInstanceId ?? ''),
    )
    .map(({ instance, scope }) => rowOf(instance, scope));
  const byState: Record<string, number> = {};
  for (const row of rows) tally(byState, row.state);
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, DEFAULT_ROWS),
  });
  const shown = await enrich(ctx, page, errors);
  const states = Object.entries(byState)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
  const failed = (byState.ERROR_ALLOCATING ?? 0) + (byState.ERROR_DEALLOCATING ?? 0);
  const summary =
    `${rows.length} Core managed instance(s)${input.states ? ' matching' : ''} in ${answered} of ${scopes.length} scope(s)` +
    `${states ? ` (${states})` : ''}.` +
    (failed > 0 ? ` ${failed} failed: get_core_managed_instance explains each.` : '') +
    pageNote(offset, shown.length, nextCursor) +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    total: rows.length,
    byState,
    byScope,
    rows: shown,
    ...(nextCursor ? { nextCursor } : {}),
    errors,
  };
}

/** list_core_managed_instances: the Core managed instances with their state, EC2 instance and type. */
export const listCoreManagedInstances = defineTool({
  name: 'list_core_managed_instances',
  title: 'List Core managed instances',
  description:
    'Which Core managed instances exist, in what state? Counts by state and region; rows (failed first) with EC2 id, type and tags. Cost: one list per region, EC2 and tag reads for the rows shown.',
  tier: 0,
  iam: [
    'workspaces-instances:ListWorkspaceInstances',
    'workspaces-instances:ListTagsForResource',
    'ec2:DescribeInstances',
  ],
  input: Input,
  output: Output,
  run,
});
