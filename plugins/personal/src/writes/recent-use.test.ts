import { describe, expect, it } from 'vitest';
import { useFindings } from './recent-use.js';

describe('recent use before a termination', () => {
  const now = new Date('2026-06-17T12:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it('names desktops connected now and used in the last 14 days; older or never-used ones are quiet', () => {
    const statuses = new Map([
      [
        'ws-now',
        {
          WorkspaceId: 'ws-now',
          ConnectionState: 'CONNECTED' as const,
          LastKnownUserConnectionTimestamp: now,
        },
      ],
      [
        'ws-week',
        {
          WorkspaceId: 'ws-week',
          ConnectionState: 'DISCONNECTED' as const,
          LastKnownUserConnectionTimestamp: daysAgo(7),
        },
      ],
      [
        'ws-old',
        {
          WorkspaceId: 'ws-old',
          ConnectionState: 'DISCONNECTED' as const,
          LastKnownUserConnectionTimestamp: daysAgo(40),
        },
      ],
      ['ws-never', { WorkspaceId: 'ws-never', ConnectionState: 'UNKNOWN' as const }],
    ]);
    const result = useFindings(statuses, ['ws-now', 'ws-week', 'ws-old', 'ws-never'], now);
    expect(result.warnings).toEqual([
      'A user is connected right now to ws-now.',
      'Used in the last 14 days, so probably not abandoned: ws-week (7 d ago).',
    ]);
    expect(result.byId.get('ws-never')?.detail).toEqual({
      connectionState: 'UNKNOWN',
      lastUserConnection: 'never',
    });
  });
});
