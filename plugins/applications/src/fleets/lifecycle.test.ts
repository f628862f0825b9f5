import { describe, expect, it } from 'vitest';
import { fleet } from '../__tests__/fixtures.js';
import { capacityChange, startSkip, stopSkip } from './lifecycle.js';

describe('fleet write legality', () => {
  it('start only from STOPPED, stop only from RUNNING; transitions name ConcurrentModificationException', () => {
    const states = ['RUNNING', 'STOPPED', 'STARTING', 'STOPPING'] as const;
    expect(states.map((State) => startSkip(fleet('f', { State })) === undefined)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(states.map((State) => stopSkip(fleet('f', { State })) === undefined)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(startSkip(fleet('f', { State: 'STOPPING' }))).toContain('ConcurrentModificationException');
    expect(stopSkip(fleet('f', { State: 'STARTING' }))).toContain('ConcurrentModificationException');
  });

  it('a capacity cut beyond the cap is refused; within it, the request names the right field', () => {
    const single = fleet('f', {
      ComputeCapacityStatus: { Desired: 40, Running: 40, InUse: 12, Available: 28 },
    });
    expect(capacityChange(single, 10, 25)).toMatchObject({
      instancesRemoved: 30,
      skip: expect.stringContaining('blast-radius cap of 25'),
    });
    expect(capacityChange(single, 20, 25)).toMatchObject({
      request: { DesiredInstances: 20 },
      inUse: 12,
      instancesRemoved: 20,
    });
    expect(capacityChange(single, 20, 25)).not.toHaveProperty('skip');
    // Stopped: nothing runs, so nobody loses capacity and the cap does not apply.
    expect(capacityChange({ ...single, State: 'STOPPED' }, 10, 25)).not.toHaveProperty('skip');
    const multi = fleet('m', {
      MaxSessionsPerInstance: 10,
      ComputeCapacityStatus: { Desired: 6, DesiredUserSessions: 60, ActiveUserSessions: 46 },
    });
    expect(capacityChange(multi, 35, 25)).toMatchObject({
      unit: 'user sessions',
      request: { DesiredSessions: 35 },
      instancesNext: 4,
      instancesRemoved: 2,
    });
    expect(capacityChange(fleet('e', { FleetType: 'ELASTIC' }), 5, 25)).toEqual({
      skip: expect.stringContaining('Elastic fleet'),
    });
  });
});
