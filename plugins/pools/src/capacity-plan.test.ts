import type { WorkspacesPool, WorkspacesPoolError, WorkspacesPoolState } from '@aws-sdk/client-workspaces';
import { describe, expect, it } from 'vitest';
import { adviseCapacity, monthlyUsd } from './capacity-plan.js';

const pool = (
  desired: number,
  actual: number,
  extra: { readonly State?: WorkspacesPoolState; readonly Errors?: WorkspacesPoolError[] } = {},
): WorkspacesPool => ({
  PoolId: 'wspool-test00001',
  PoolArn: 'arn:aws:workspaces:us-east-1:111122223333:workspacespool/wspool-test00001',
  PoolName: 'test',
  State: extra.State ?? 'RUNNING',
  CreatedAt: new Date('2025-01-01T00:00:00Z'),
  BundleId: 'wsb-test00001',
  DirectoryId: 'wsd-test00001',
  RunningMode: 'ALWAYS_ON',
  CapacityStatus: {
    DesiredUserSessions: desired,
    ActualUserSessions: actual,
    ActiveUserSessions: 0,
    AvailableUserSessions: actual,
  },
  ...(extra.Errors ? { Errors: extra.Errors } : {}),
});
const stats = (activePeak: number, rejected = 0) => ({ hours: 336, activePeak, rejected });

describe('adviseCapacity', () => {
  it('a pool nobody used in the window is lowered to 0 (stop it)', () => {
    expect(adviseCapacity(pool(40, 40), stats(0), 20, 14)).toMatchObject({
      verdict: 'over',
      recommended: 0,
      delta: -40,
    });
  });

  it('peak 18 + 20% headroom = 22 (rounded up) < 30 desired: lower to 22', () => {
    expect(adviseCapacity(pool(30, 30), stats(18), 20, 14)).toMatchObject({
      verdict: 'over',
      recommended: 22,
      delta: -8,
    });
  });

  it('peak 17 + 20% = 21 needs all of 20: right as it is', () => {
    expect(adviseCapacity(pool(20, 20), stats(17), 20, 14)).toMatchObject({ verdict: 'right' });
    expect(adviseCapacity(pool(20, 20), stats(17), 20, 14).recommended).toBeUndefined();
  });

  it('users turned away: raise by the headroom (20 → 24)', () => {
    expect(adviseCapacity(pool(20, 20), stats(20, 60), 20, 14)).toMatchObject({
      verdict: 'under',
      recommended: 24,
      delta: 4,
    });
  });

  it('a peak that used every session is under even without rejections; at least one more', () => {
    expect(adviseCapacity(pool(3, 3), stats(3), 0, 14)).toMatchObject({ verdict: 'under', recommended: 4 });
  });

  it('errors holding Actual under Desired block the advice: changing Desired does not help', () => {
    const blocked = pool(10, 5, { Errors: [{ ErrorCode: 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES' }] });
    const advice = adviseCapacity(blocked, stats(5, 100), 20, 14);
    expect(advice.verdict).toBe('blocked');
    expect(advice.reason).toContain('SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES');
  });

  it('no datapoints: a stopped pool is not running, a running one too new', () => {
    expect(adviseCapacity(pool(10, 0, { State: 'STOPPED' }), undefined, 20, 14).verdict).toBe('not-running');
    expect(adviseCapacity(pool(10, 10), undefined, 20, 14).verdict).toBe('no-data');
  });
});

describe('monthlyUsd', () => {
  const rates = { streamingHourly: 0.5, stoppedHourly: 0.04 };
  it('ALWAYS_ON pays the streaming rate for every session of capacity: −40 × 730 h × $0.50', () => {
    expect(monthlyUsd(-40, 'ALWAYS_ON', rates)).toBe(-14_600);
  });
  it('AUTO_STOP pays the stopped-instance fee for unused capacity: 4 × 730 h × $0.04', () => {
    expect(monthlyUsd(4, 'AUTO_STOP', rates)).toBe(116.8);
  });
  it('no rate, no $', () => {
    expect(monthlyUsd(4, 'ALWAYS_ON', undefined)).toBeUndefined();
  });
});
