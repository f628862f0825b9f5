import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { MetricSeries } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { judgeCapacity, rejectionsOf } from './capacity.js';

function pool(
  state: WorkspacesPool['State'],
  desired: number,
  actual: number,
  active: number,
): WorkspacesPool {
  return {
    PoolId: 'wspool-abcdefghi',
    State: state,
    CapacityStatus: {
      DesiredUserSessions: desired,
      ActualUserSessions: actual,
      ActiveUserSessions: active,
      AvailableUserSessions: actual - active,
    },
  } as WorkspacesPool;
}

const series = (values: number[], failed?: Pick<MetricSeries, 'status' | 'error'>): MetricSeries => ({
  id: 'r0',
  timestamps: values.map((_, i) => new Date(Date.UTC(2026, 5, 17, i))),
  values,
  status: 'Complete',
  messages: [],
  ...failed,
});

describe('capacity judgement', () => {
  it('a pool with every session in use is exhausted but not below desired', () => {
    expect(judgeCapacity(pool('RUNNING', 20, 20, 20))).toEqual({
      exhausted: true,
      belowDesired: false,
      noCapacity: false,
    });
  });

  it('a running pool with no instance at all is exhausted, below desired and without capacity', () => {
    expect(judgeCapacity(pool('RUNNING', 10, 0, 0))).toEqual({
      exhausted: true,
      belowDesired: true,
      noCapacity: true,
    });
  });

  it('an updating pool still serves, so it is judged; 5 of 10 with free sessions is only below desired', () => {
    expect(judgeCapacity(pool('UPDATING', 10, 5, 1))).toEqual({
      exhausted: false,
      belowDesired: true,
      noCapacity: false,
    });
  });

  it('stopped, starting and scaled-to-zero pools are not capacity problems', () => {
    const none = { exhausted: false, belowDesired: false, noCapacity: false };
    expect(judgeCapacity(pool('STOPPED', 10, 0, 0))).toEqual(none);
    expect(judgeCapacity(pool('STARTING', 10, 2, 0))).toEqual(none);
    expect(judgeCapacity(pool('RUNNING', 0, 0, 0))).toEqual(none);
  });
});

describe('rejected session requests', () => {
  it('sums the hourly InsufficientCapacityError and finds the worst hour', () => {
    const found = rejectionsOf(series([0, 4, 11, 2]));
    expect(found?.total).toBe(17);
    expect(found?.peak).toBe(11);
    expect(found?.peakAt.toISOString()).toBe('2026-06-17T02:00:00.000Z');
  });

  it('nothing rejected, no data, or a failed read is no finding', () => {
    expect(rejectionsOf(series([0, 0]))).toBeUndefined();
    expect(rejectionsOf(series([]))).toBeUndefined();
    expect(
      rejectionsOf(series([5], { status: 'Failed', error: { code: 'AccessDenied', message: 'denied' } })),
    ).toBeUndefined();
    expect(rejectionsOf(undefined)).toBeUndefined();
  });
});
