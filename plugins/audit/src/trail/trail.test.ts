import { describe, expect, it } from 'vitest';
import {
  impactOf,
  isAccessDenied,
  recordFields,
  summarizeTrail,
  type TrailRow,
  terseRow,
  toRow,
} from './trail.js';

const scope = { account: '111122223333', region: 'us-east-1' };

function event(name: string, extra: Record<string, unknown> = {}, source = 'workspaces.amazonaws.com') {
  return {
    EventId: `id-${name}-${JSON.stringify(extra).length}`,
    EventName: name,
    ReadOnly: 'false',
    EventTime: new Date('2026-11-15T10:00:00Z'),
    EventSource: source,
    Username: 'bob.helpdesk@example.com',
    Resources: [{ ResourceName: 'ws-abc123def' }],
    CloudTrailEvent: JSON.stringify({
      userIdentity: {
        type: 'AssumedRole',
        sessionContext: { sessionIssuer: { userName: 'AWSReservedSSO_EUCHelpdesk_1a2b' } },
      },
      sourceIPAddress: '198.51.100.77',
      readOnly: false,
      ...extra,
    }),
  };
}

describe('reading CloudTrail events', () => {
  it('grades calls by harm: data loss, disruption, other changes, reads', () => {
    expect(impactOf('TerminateWorkspaces', false)).toBe('data-loss');
    expect(impactOf('RebuildWorkspaces', false)).toBe('data-loss');
    expect(impactOf('DeleteStack', false)).toBe('data-loss');
    expect(impactOf('RebootWorkspaces', false)).toBe('disruptive');
    expect(impactOf('RevokeIpRules', false)).toBe('disruptive');
    expect(impactOf('ModifyWorkspaceState', false)).toBe('disruptive');
    expect(impactOf('UpdateFleet', false)).toBe('change');
    expect(impactOf('DescribeWorkspaces', true)).toBe('read');
  });

  it('knows refusals from other errors', () => {
    expect(isAccessDenied('AccessDenied')).toBe(true);
    expect(isAccessDenied('Client.UnauthorizedOperation')).toBe(true);
    expect(isAccessDenied('ResourceNotFoundException')).toBe(false);
    expect(isAccessDenied(undefined)).toBe(false);
  });

  it('turns an EUC event into a row with who, from where and what, and ignores other services', () => {
    const row = toRow(
      event('TerminateWorkspaces', { errorCode: 'AccessDenied', errorMessage: 'User: x is not authorized' }),
      scope,
    );
    expect(row).toMatchObject({
      service: 'workspaces',
      username: 'bob.helpdesk@example.com',
      identityType: 'AssumedRole',
      role: 'AWSReservedSSO_EUCHelpdesk_1a2b',
      sourceIp: '198.51.100.77',
      resources: ['ws-abc123def'],
      impact: 'data-loss',
      accessDenied: true,
      errorCode: 'AccessDenied',
    });
    expect(toRow(event('RunInstances', {}, 'ec2.amazonaws.com'), scope)).toBeUndefined();
  });

  it('survives a record it cannot parse', () => {
    expect(recordFields('{not json')).toEqual({});
    const row = toRow({ ...event('RebootWorkspaces'), CloudTrailEvent: 'garbage' }, scope);
    expect(row).toMatchObject({ identityType: 'Unknown', impact: 'disruptive', readOnly: false });
  });

  it('lists an event tersely: seconds, the account only across accounts, three resources, no identity type', () => {
    const row = toRow(
      {
        ...event('TerminateWorkspaces', { errorCode: 'AccessDenied' }),
        Resources: ['a', 'b', 'c', 'd'].map((ResourceName) => ({ ResourceName })),
      },
      scope,
    );
    if (!row) throw new Error('not an EUC event');
    const single = terseRow(row, false);
    expect(single).toMatchObject({
      time: '2026-11-15T10:00:00Z',
      resources: ['a', 'b', 'c'],
      accessDenied: true,
      impact: 'data-loss',
    });
    expect(single).not.toHaveProperty('account');
    expect(single).not.toHaveProperty('identityType');
    expect(terseRow(row, true).account).toBe('111122223333');
  });

  it('groups by person, riskiest first, and bounds every list', () => {
    const rows: TrailRow[] = [];
    for (let i = 0; i < 30; i++) {
      const r = toRow(event('UpdateFleet', { i }, 'appstream.amazonaws.com'), scope);
      if (r)
        rows.push({
          ...r,
          username: 'ApplicationAutoScaling',
          eventId: `a${i}`,
          time: `2026-11-1${i % 10}T00:00:00.000Z`,
        });
    }
    const terminate = toRow(event('TerminateWorkspaces'), scope);
    if (terminate) rows.push({ ...terminate, username: 'wco-optimizer', eventId: 't1' });
    const view = summarizeTrail(rows, { groups: 2 });
    expect(view.totals).toMatchObject({ events: 31, mutations: 31, dataLoss: 1 });
    expect(view.byUser.map((u) => u.username)).toEqual(['wco-optimizer', 'ApplicationAutoScaling']);
    expect(view.usersTotal).toBe(2);
    expect(view.flaggedTotal).toBe(1);
    // Each event once: the flagged termination first, then the rest.
    expect(view.ranked).toHaveLength(31);
    expect(view.ranked[0]?.eventName).toBe('TerminateWorkspaces');
    expect(new Set(view.ranked.map((r) => r.eventId)).size).toBe(31);
    expect(view.byEventName[0]).toMatchObject({ eventName: 'UpdateFleet', count: 30 });
  });
});
