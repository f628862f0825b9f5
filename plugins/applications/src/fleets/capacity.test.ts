import type { Fleet } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { fleet } from '../__tests__/fixtures.js';
import { capacityVerdict, capacityView } from './capacity.js';

const single = (status: Fleet['ComputeCapacityStatus'], extra: Partial<Fleet> = {}): Fleet =>
  fleet('f', { ComputeCapacityStatus: status, ...extra });

describe('capacity verdict', () => {
  it('a running fleet with every instance in use and none available is exhausted', () => {
    const verdict = capacityVerdict(single({ Desired: 10, Running: 10, InUse: 10, Available: 0 }));
    expect(verdict.kind).toBe('exhausted');
  });

  it('a fleet with fewer instances running than desired is below desired', () => {
    const verdict = capacityVerdict(single({ Desired: 20, Running: 14, InUse: 8, Available: 6 }));
    expect(verdict).toMatchObject({ kind: 'below-desired', view: { desired: 20, actual: 14 } });
  });

  it('an Elastic fleet is never exhausted: it has no pooled capacity, whatever its counters say', () => {
    const elastic = single({ Desired: 22, Running: 22, InUse: 22, Available: 0 }, { FleetType: 'ELASTIC' });
    expect(capacityView(elastic)).toBeUndefined();
    expect(capacityVerdict(elastic).kind).toBe('ok');
  });

  it('a multi-session fleet is judged in user sessions, not instances', () => {
    const multi = single(
      {
        Desired: 10,
        Running: 7,
        InUse: 7,
        Available: 0,
        DesiredUserSessions: 80,
        ActualUserSessions: 56,
        ActiveUserSessions: 32,
        AvailableUserSessions: 24,
      },
      { MaxSessionsPerInstance: 8 },
    );
    // Every instance hosts a session, but 24 session slots are free: not exhausted, only short.
    expect(capacityVerdict(multi)).toMatchObject({
      kind: 'below-desired',
      view: { unit: 'user sessions', desired: 80, actual: 56, inUse: 32, available: 24 },
    });
  });

  it('a fleet still starting or stopped is not judged', () => {
    const status = { Desired: 5, Running: 0, InUse: 0, Available: 0 };
    expect(capacityVerdict(single(status, { State: 'STARTING' })).kind).toBe('ok');
    expect(capacityVerdict(single(status, { State: 'STOPPED' })).kind).toBe('ok');
  });
});
