/**
 * The judgement of review_application_access: the user pool and the stack entitlements of one
 * account/region in, what an access review acts on out. AppStream stores only user-pool users
 * (DescribeUsers lists USERPOOL only); SAML users are entitled in the identity provider, so a
 * stack without user-pool entitlements may still serve federated users.
 */
import type { User, UserStackAssociation } from '@aws-sdk/client-appstream';
import { tally } from '@workspaces-euc-mcp/host';

/** What an access-review row is about, worst first. */
export const ACCESS_ISSUES = [
  /** Entitled, but no longer in the user pool: the entitlement cannot work. */
  'missing-user-assigned',
  /** Entitled while disabled: revoke, or re-enable if the user still needs it. */
  'disabled-user-assigned',
  /** Enabled user-pool user with no stack: can sign in and see nothing. */
  'user-without-stack',
  /** No user-pool entitlement: SAML-only, or unused. */
  'stack-without-users',
] as const;
export type AccessIssue = (typeof ACCESS_ISSUES)[number];

/** One row of the review: a user, a stack, or a user on a stack. */
export interface AccessRow {
  readonly issue: AccessIssue;
  readonly user?: string;
  readonly stack?: string;
}

/** The review of one account/region. */
export interface AccessReview {
  readonly users: number;
  readonly enabledUsers: number;
  readonly usersByStatus: Record<string, number>;
  readonly stacks: number;
  readonly stacksWithUsers: number;
  /** Entitlements by authentication type (USERPOOL in practice; SAML is entitled in the IdP). */
  readonly assignmentsByAuth: Record<string, number>;
  /** Users entitled per stack, for the most-assigned list. */
  readonly usersPerStack: ReadonlyMap<string, number>;
  readonly rows: readonly AccessRow[];
}

/** Reviews one scope's user pool (`users`), `stackNames` and their entitlements. */
export function reviewAccess(
  users: readonly User[],
  stackNames: readonly string[],
  associations: readonly UserStackAssociation[],
): AccessReview {
  const byName = new Map(users.map((u) => [u.UserName ?? '', u]));
  const usersByStatus: Record<string, number> = {};
  const assignmentsByAuth: Record<string, number> = {};
  const usersPerStack = new Map<string, number>(stackNames.map((s) => [s, 0]));
  const stacksOfUser = new Map<string, number>();
  const rows: AccessRow[] = [];
  for (const user of users) tally(usersByStatus, user.Status ?? 'UNKNOWN');
  for (const a of associations) {
    const stack = a.StackName ?? '';
    const name = a.UserName ?? '';
    tally(assignmentsByAuth, a.AuthenticationType ?? 'UNKNOWN');
    usersPerStack.set(stack, (usersPerStack.get(stack) ?? 0) + 1);
    if (a.AuthenticationType !== 'USERPOOL') continue;
    stacksOfUser.set(name, (stacksOfUser.get(name) ?? 0) + 1);
    const user = byName.get(name);
    if (!user) rows.push({ issue: 'missing-user-assigned', user: name, stack });
    else if (user.Enabled === false) rows.push({ issue: 'disabled-user-assigned', user: name, stack });
  }
  for (const user of users)
    if (user.Enabled !== false && !stacksOfUser.has(user.UserName ?? ''))
      rows.push({ issue: 'user-without-stack', user: user.UserName ?? '' });
  for (const [stack, n] of usersPerStack) if (n === 0) rows.push({ issue: 'stack-without-users', stack });
  rows.sort(byIssue);
  return {
    users: users.length,
    enabledUsers: users.filter((u) => u.Enabled !== false).length,
    usersByStatus,
    stacks: stackNames.length,
    stacksWithUsers: [...usersPerStack.values()].filter((n) => n > 0).length,
    assignmentsByAuth,
    usersPerStack,
    rows,
  };
}

/** Worst issue first, then stack, then user: a stable order for paging. */
export function byIssue(a: AccessRow, b: AccessRow): number {
  return (
    ACCESS_ISSUES.indexOf(a.issue) - ACCESS_ISSUES.indexOf(b.issue) ||
    (a.stack ?? '').localeCompare(b.stack ?? '') ||
    (a.user ?? '').localeCompare(b.user ?? '')
  );
}
