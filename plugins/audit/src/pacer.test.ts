import { describe, expect, it } from 'vitest';
import { fakeClock } from './__tests__/fake-clock.js';
import { createPacer, LOOKUP_EVENTS_INTERVAL_MS, lookupEventsPacer } from './pacer.js';

describe('the request pacer', () => {
  it('lets one request through every 500 ms per account and region (LookupEvents: 2 per second)', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ intervalMs: LOOKUP_EVENTS_INTERVAL_MS, now: clock.now, sleep: clock.sleep });
    const sentAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      await pacer.acquire('111122223333|us-east-1');
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('queues concurrent callers in call order without sharing a slot', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ intervalMs: 500, now: clock.now, sleep: clock.sleep });
    const sent: [number, number][] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (caller) => {
        await pacer.acquire('a|us-east-1');
        sent.push([caller, clock.now()]);
      }),
    );
    expect(sent).toEqual([
      [0, 0],
      [1, 500],
      [2, 1000],
      [3, 1500],
    ]);
  });

  it('does not make one region wait for another, nor a request after a quiet spell', async () => {
    const clock = fakeClock(10_000);
    const pacer = createPacer({ intervalMs: 500, now: clock.now, sleep: clock.sleep });
    await pacer.acquire('a|us-east-1');
    await pacer.acquire('a|eu-west-1');
    expect(clock.sleeps).toEqual([]);
    await clock.sleep(2_000);
    await pacer.acquire('a|us-east-1');
    expect(clock.sleeps).toEqual([2_000]);
    expect(clock.now()).toBe(12_000);
  });

  it('stops waiting when the call is cancelled', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ intervalMs: 500, now: clock.now, sleep: clock.sleep });
    const controller = new AbortController();
    await pacer.acquire('k');
    controller.abort(new Error('cancelled'));
    await expect(pacer.acquire('k', controller.signal)).rejects.toThrow('cancelled');
  });

  it('is one object for the whole process', async () => {
    const again = await import('./pacer.js');
    expect(again.lookupEventsPacer).toBe(lookupEventsPacer);
  });
});
