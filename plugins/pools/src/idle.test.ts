import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { MetricSeries, MetricWindow } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { idleReason, judgeIdle, screenForIdle } from './idle.js';

const DAY_MS = 86_400_000;
const window: MetricWindow = {
  start: new Date('2026-05-18T00:00:00Z'),
  end: new Date('2026-06-17T12:00:00Z'),
  periodSeconds: 86_400,
};

function pool(extra: Partial<WorkspacesPool>, [actual, active] = [10, 0]): WorkspacesPool {
  return {
    PoolId: 'wspool-abcdefghi',
    PoolName: 'finance',
    State: 'RUNNING',
    RunningMode: 'ALWAYS_ON',
    CreatedAt: new Date('2026-01-01T00:00:00Z'),
    CapacityStatus: {
      DesiredUserSessions: 10,
      ActualUserSessions: actual,
      ActiveUserSessions: active,
      AvailableUserSessions: actual - active,
    },
    ...extra,
  } as WorkspacesPool;
}

/** Daily maxima from `firstDay` days after the window start. */
function daily(values: number[], firstDay = 0): MetricSeries {
  return {
    id: 'u0',
    timestamps: values.map((_, i) => new Date(window.start.getTime() + (firstDay + i) * DAY_MS)),
    values,
    status: 'Complete',
    messages: [],
  };
}

describe('which pools are looked at', () => {
  it('only a RUNNING pool with instances, nobody on it and older than the window', () => {
    expect(screenForIdle(pool({}), window.start).kind).toBe('candidate');
    expect(screenForIdle(pool({ State: 'STOPPED' }), window.start).kind).toBe('not-running');
    expect(screenForIdle(pool({}, [0, 0]), window.start).kind).toBe('no-instances');
    expect(screenForIdle(pool({}, [10, 1]), window.start).kind).toBe('in-use-now');
    expect(screenForIdle(pool({ CreatedAt: new Date('2026-06-01T00:00:00Z') }), window.start).kind).toBe(
      'too-new',
    );
  });
});

describe('idle verdict from the daily utilisation maximum', () => {
  it('thirty-one days of zero from the first day is idle for at least the window', () => {
    expect(judgeIdle(daily(Array(31).fill(0)), window, 30)).toEqual({ kind: 'idle', idleDays: 30 });
  });

  it('one day above zero is use, with the day it happened', () => {
    const values = Array(31).fill(0);
    values[28] = 12.5;
    expect(judgeIdle(daily(values), window, 30)).toEqual({
      kind: 'used',
      lastUsed: new Date('2026-06-15T00:00:00Z'),
    });
  });

  it('a series that starts after the first day belongs to a pool started during the window', () => {
    expect(judgeIdle(daily([0, 0, 0], 28), window, 30).kind).toBe('running-part-of-window');
  });

  it('no datapoint at all is not proof of idleness', () => {
    expect(judgeIdle(daily([]), window, 30).kind).toBe('no-data');
  });
});

describe('idle reason', () => {
  it('an ALWAYS_ON pool is called out as paying for idle capacity, with the end of support', () => {
    const reason = idleReason(pool({}), 30);
    expect(reason).toContain('Pool finance is RUNNING with 10 sessions of capacity');
    expect(reason).toContain('at least 30 days');
    expect(reason).toContain('paying for idle capacity');
    expect(reason).toContain('2027-12-31');
  });

  it('an AUTO_STOP pool pays only the stopped-instance fee', () => {
    const reason = idleReason(pool({ RunningMode: 'AUTO_STOP' }), 14);
    expect(reason).toContain('stopped-instance hourly fee');
    expect(reason).not.toContain('paying for idle capacity');
  });
});
