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
import { listStackEntitlements, listStacks, listUserPoolUsers } from '../aws/appstream.js';
import { type AccessReview, type AccessRow, byIssue, reviewAccess } from '../stacks/access.js';

/** Rows per page at most: 50 short rows stay well inside the 20 KB answer budget. */
const PAGE_ROWS = 50;
const TOP_STACKS = 10;

// No `limit`: the page is the server's page size (at most 50), which keeps the schema small.
const Input = Type.Object({ ...ScopeInput, cursor: PageInput().cursor }, { additionalProperties: false });

const Row = Type.Object({
  issue: Type.String(),
  user: Type.Optional(Type.String()),
  stack: Type.Optional(Type.String()),
  account: Type.Optional(Type.String()),
  region: Type.String(),
});

const Counts = Type.Record(Type.String(), Type.Integer());

const Output = Type.Object({
  summary: Type.String(),
  users: Type.Object({ total: Type.Integer(), enabled: Type.Integer(), byStatus: Counts }),
  stacks: Type.Object({ total: Type.Integer(), withUserPoolUsers: Type.Integer() }),
  assignmentsByAuth: Counts,
  issueCounts: Counts,
  topStacks: Type.Array(
    Type.Object({
      stack: Type.String(),
      account: Type.Optional(Type.String()),
      region: Type.String(),
      users: Type.Integer(),
    }),
    { description: `Most user-pool users, at most ${TOP_STACKS}.` },
  ),
  rows: Type.Array(Row, { description: 'Issues, worst first.' }),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

async function reviewScope(ctx: ToolContext, scope: Scope): Promise<AccessReview> {
  const stacks = await listStacks(ctx, scope);
  const names = stacks.flatMap((s) => (s.Name ? [s.Name] : []));
  const [users, associations] = await Promise.all([
    listUserPoolUsers(ctx, scope),
    listStackEntitlements(ctx, scope, names),
  ]);
  return reviewAccess(users, names, associations);
}

const where = (scope: Scope) => ({
  ...(scope.account ? { account: scope.account } : {}),
  region: scope.region,
});

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => reviewScope(ctx, scope), {
    signal: ctx.signal,
  });
  const errors: ErrorEntry[] = [];
  const rows: (AccessRow & { account?: string; region: string })[] = [];
  const byStatus: Record<string, number> = {};
  const assignmentsByAuth: Record<string, number> = {};
  const issueCounts: Record<string, number> = {};
  const perStack: { stack: string; scope: Scope; users: number }[] = [];
  let users = 0;
  let enabled = 0;
  let stacks = 0;
  let withUsers = 0;
  for (const outcome of settled) {
    if (!outcome.ok) {
      // Without the user pool or every stack's entitlements a review would invent issues.
      errors.push(errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error));
      continue;
    }
    const review = outcome.value;
    users += review.users;
    enabled += review.enabledUsers;
    stacks += review.stacks;
    withUsers += review.stacksWithUsers;
    for (const [k, n] of Object.entries(review.usersByStatus)) tally(byStatus, k, n);
    for (const [k, n] of Object.entries(review.assignmentsByAuth)) tally(assignmentsByAuth, k, n);
    for (const row of review.rows) {
      tally(issueCounts, row.issue);
      rows.push({ ...row, ...where(outcome.item) });
    }
    for (const [stack, n] of review.usersPerStack)
      if (n > 0) perStack.push({ stack, scope: outcome.item, users: n });
  }
  rows.sort(
    (a, b) =>
      byIssue(a, b) || (a.account ?? '').localeCompare(b.account ?? '') || a.region.localeCompare(b.region),
  );
  const topStacks = perStack
    .sort((a, b) => b.users - a.users || a.stack.localeCompare(b.stack))
    .slice(0, TOP_STACKS)
    .map((s) => ({ stack: s.stack, ...where(s.scope), users: s.users }));
  const { page, offset, nextCursor } = pageOf(rows, input, {
    ...ctx.limits,
    pageSize: Math.min(ctx.limits.pageSize, PAGE_ROWS),
  });
  const issues = Object.entries(issueCounts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const summary =
    `WorkSpaces Applications access in ${scopes.length} account/region scope(s): ${users} user-pool user(s) (${users - enabled} disabled), ` +
    `${stacks} stack(s), ${withUsers} with user-pool entitlements.` +
    (issues ? ` Issues: ${issues}.` : ' No access issues.') +
    ' SAML users are entitled in the identity provider, not listed here: a stack without user-pool users may serve them.' +
    pageNote(offset, page.length, nextCursor) +
    (errors.length > 0 ? ` Partial: ${errors.length} scope(s) could not be read, see errors.` : '');
  return {
    summary,
    users: { total: users, enabled, byStatus },
    stacks: { total: stacks, withUserPoolUsers: withUsers },
    assignmentsByAuth,
    issueCounts,
    topStacks,
    rows: page,
    ...(nextCursor ? { nextCursor } : {}),
    errors,
  };
}

/** review_application_access: who can reach which stack, and what a review should clean up. */
export const reviewApplicationAccess = defineTool({
  name: 'review_application_access',
  title: 'Review WorkSpaces Applications access',
  description:
    'Who can use which WorkSpaces Applications (AppStream) stack? User-pool users and stack entitlements: disabled or deleted users still assigned, users with no stack, stacks with none. Cost: DescribeUsers, DescribeStacks, DescribeUserStackAssociations per stack.',
  tier: 0,
  iam: ['appstream:DescribeStacks', 'appstream:DescribeUsers', 'appstream:DescribeUserStackAssociations'],
  input: Input,
  output: Output,
  run,
});
