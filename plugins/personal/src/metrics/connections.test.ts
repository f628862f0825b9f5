import { describe, expect, it } from 'vitest';
import { type ConnectionBucket, connectionStory, connectionTotals } from './connections.js';

const bucket = (over: Partial<ConnectionBucket>): ConnectionBucket => ({
  start: '2026-06-01T00:00:00.000Z',
  connected: null,
  attempts: null,
  successes: null,
  failures: null,
  disconnects: null,
  launchSeconds: null,
  latencyMs: null,
  ...over,
});

describe('connection totals', () => {
  it('sums counts and averages only the periods that have a time', () => {
    const totals = connectionTotals([
      bucket({ connected: 1, attempts: 3, failures: 1, launchSeconds: 10, latencyMs: 50 }),
      bucket({ connected: 0, attempts: 1, failures: 0 }),
      bucket({}),
      bucket({ connected: 1, attempts: 4, failures: 2, launchSeconds: 20 }),
    ]);
    expect(totals).toEqual({
      buckets: 4,
      connectedBuckets: 2,
      bucketsWithData: 3,
      attempts: 8,
      // No period has a datapoint of these: unknown, not zero.
      successes: null,
      failures: 3,
      disconnects: null,
      failureRatePct: 37.5,
      avgLaunchSeconds: 15,
      avgLatencyMs: 50,
    });
  });

  it('tells apart no data, unused, and used with failures', () => {
    expect(connectionStory(connectionTotals([bucket({}), bucket({})]), 24, 2)).toMatch(
      /^No connection datapoints in the last 2 day/,
    );
    expect(connectionStory(connectionTotals([bucket({ connected: 0 })]), 24, 1)).toContain(
      'unused in this window',
    );
    const used = connectionStory(
      connectionTotals([bucket({ connected: 1, attempts: 4, failures: 1 })]),
      1,
      1,
    );
    expect(used).toBe(
      'A user was connected in 1 of 1 hourly periods over the last 1 day(s). 4 connection attempt(s), 1 failed (25%).',
    );
  });
});
