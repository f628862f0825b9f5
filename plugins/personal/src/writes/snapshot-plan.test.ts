import { describe, expect, it } from 'vitest';
import { lossAssessment } from './snapshot-plan.js';

const snapshot = new Date('2026-06-17T00:00:00Z');

describe('what a rebuild or restore loses', () => {
  it('nothing is lost on the user volume when the user has not connected since the snapshot', () => {
    const loss = lossAssessment('ws-1', snapshot, {
      ConnectionState: 'DISCONNECTED',
      LastKnownUserConnectionTimestamp: new Date('2026-06-16T18:00:00Z'),
    });
    expect(loss).toEqual({
      detail: { lastUserConnection: '2026-06-16T18:00:00.000Z', usedSinceSnapshot: false },
    });
  });

  it('work after the snapshot is named, and a connected user is warned about first', () => {
    const later = lossAssessment('ws-1', snapshot, {
      ConnectionState: 'DISCONNECTED',
      LastKnownUserConnectionTimestamp: new Date('2026-06-17T09:30:00Z'),
    });
    expect(later.detail.usedSinceSnapshot).toBe(true);
    expect(later.warning).toBe(
      'ws-1: its user last connected at 2026-06-17T09:30:00.000Z, after the snapshot (2026-06-17T00:00:00.000Z): files saved in between are lost.',
    );
    const now = lossAssessment('ws-1', snapshot, { ConnectionState: 'CONNECTED' });
    expect(now.warning).toContain('a user is connected right now');
    expect(lossAssessment('ws-1', snapshot, { ConnectionState: 'UNKNOWN' }).detail).toEqual({
      lastUserConnection: 'never',
      usedSinceSnapshot: false,
    });
  });
});
