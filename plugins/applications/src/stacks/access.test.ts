import type { User, UserStackAssociation } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { reviewAccess } from './access.js';
import { keepSession } from './sessions.js';

const user = (UserName: string, Enabled = true, Status = 'CONFIRMED'): User => ({
  UserName,
  Enabled,
  Status,
  AuthenticationType: 'USERPOOL',
});
const assign = (StackName: string, UserName: string): UserStackAssociation => ({
  StackName,
  UserName,
  AuthenticationType: 'USERPOOL',
});

describe('reviewAccess', () => {
  it('names deleted and disabled users still assigned, idle users and empty stacks, worst first', () => {
    const review = reviewAccess(
      [user('ann'), user('bob', false), user('cy'), user('dee', true, 'FORCE_CHANGE_PASSWORD')],
      ['crm', 'lab', 'pilot'],
      [
        assign('crm', 'ann'),
        assign('lab', 'ann'),
        assign('lab', 'bob'),
        assign('crm', 'gone'),
        assign('lab', 'dee'),
      ],
    );
    expect(review.rows).toEqual([
      { issue: 'missing-user-assigned', user: 'gone', stack: 'crm' },
      { issue: 'disabled-user-assigned', user: 'bob', stack: 'lab' },
      { issue: 'user-without-stack', user: 'cy' },
      { issue: 'stack-without-users', stack: 'pilot' },
    ]);
    expect(review).toMatchObject({
      users: 4,
      enabledUsers: 3,
      usersByStatus: { CONFIRMED: 3, FORCE_CHANGE_PASSWORD: 1 },
      stacks: 3,
      stacksWithUsers: 2,
      assignmentsByAuth: { USERPOOL: 5 },
    });
    expect(review.usersPerStack.get('lab')).toBe(3);
  });

  it('a disabled user with no stack is not an issue (nothing to revoke)', () => {
    expect(reviewAccess([user('bob', false)], [], []).rows).toEqual([]);
  });
});

describe('keepSession', () => {
  it('matches the user id case-insensitively and the state exactly', () => {
    const session = {
      Id: 's',
      UserId: 'Ann@Example.com',
      StackName: 'a',
      FleetName: 'b',
      State: 'ACTIVE' as const,
    };
    expect(keepSession(session, { user: 'ann@example.com' })).toBe(true);
    expect(keepSession(session, { user: 'ann', state: 'ACTIVE' })).toBe(false);
    expect(keepSession(session, { state: 'EXPIRED' })).toBe(false);
    expect(keepSession(session, {})).toBe(true);
  });
});
