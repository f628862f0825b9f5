import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer, createRateLimiters, PROCESS_RATE_LIMITERS } from './rate-limiter.js';

// Real timers replaced by vitest's fake ones: the pacer sleeps with setTimeout and reads Date.now.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

async function acquireAt(pacer: { acquire(key: string, signal?: AbortSignal): Promise<void> }, key: string) {
  const done = pacer.acquire(key).then(() => Date.now());
  await vi.runAllTimersAsync();
  return done;
}

describe('the request pacer', () => {
  it('lets one request through every 500 ms per key (LookupEvents: 2 per second)', async () => {
    const pacer = createPacer({ intervalMs: 500 });
    const sentAt: number[] = [];
    for (let i = 0; i < 5; i++) sentAt.push(await acquireAt(pacer, '111122223333:us-east-1'));
    expect(sentAt).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('queues concurrent callers in call order without sharing a slot', async () => {
    const pacer = createPacer({ intervalMs: 500 });
    const sent: [number, number][] = [];
    const all = Promise.all(
      [0, 1, 2, 3].map(async (caller) => {
        await pacer.acquire('a:us-east-1');
        sent.push([caller, Date.now()]);
      }),
    );
    await vi.runAllTimersAsync();
    await all;
    expect(sent).toEqual([
      [0, 0],
      [1, 500],
      [2, 1000],
      [3, 1500],
    ]);
  });

  it('does not make one region wait for another, nor a request after a quiet spell', async () => {
    vi.setSystemTime(10_000);
    const pacer = createPacer({ intervalMs: 500 });
    expect(await acquireAt(pacer, 'a:us-east-1')).toBe(10_000);
    expect(await acquireAt(pacer, 'a:eu-west-1')).toBe(10_000);
    vi.setSystemTime(12_000);
    expect(await acquireAt(pacer, 'a:us-east-1')).toBe(12_000);
  });

  it('stops waiting when the call is cancelled', async () => {
    const pacer = createPacer({ intervalMs: 500 });
    const controller = new AbortController();
    await pacer.acquire('k');
    const waiting = pacer.acquire('k', controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

describe('named rate limiters', () => {
  const key = (scope: { region: string; account?: string }) => `${scope.account ?? ''}:${scope.region}`;

  it('one name is one limiter for every caller of the registry, per account and region', async () => {
    const limiters = createRateLimiters();
    const first = limiters('cloudtrail:LookupEvents', 500, key);
    const second = limiters('cloudtrail:LookupEvents', 500, key);
    const at = (limiter: typeof first, region: string) => {
      const done = limiter.acquire({ region }).then(() => Date.now());
      return vi.runAllTimersAsync().then(() => done);
    };
    expect(await at(first, 'us-east-1')).toBe(0);
    expect(await at(second, 'us-east-1')).toBe(500);
    expect(await at(second, 'eu-west-1')).toBe(500);
  });

  it('the process registry is one object for the whole process', async () => {
    const again = await import('./rate-limiter.js');
    expect(again.PROCESS_RATE_LIMITERS).toBe(PROCESS_RATE_LIMITERS);
  });
});
