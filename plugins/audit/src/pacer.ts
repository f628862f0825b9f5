/**
 * Request pacing for APIs with a hard, low rate limit. CloudTrail LookupEvents allows "two
 * [requests] per second, per account, per Region. If this limit is exceeded, a throttling error
 * occurs" (CloudTrail API reference, LookupEvents). Adaptive retries would recover, but every
 * throttle wastes a request and delays the sweep, so requests are spaced instead.
 *
 * The limit is per account and Region for the whole process: every tool call, concurrent ones
 * included, must share one pacer. The plugin uses {@link lookupEventsPacer} unless a test injects
 * its own with a fake clock.
 */

/** Spaces requests per key (e.g. `account|region`). */
export interface Pacer {
  /** Resolves when a request for `key` may be sent; rejects if `signal` aborts the wait. */
  acquire(key: string, signal?: AbortSignal): Promise<void>;
}

/** Waits `ms` milliseconds (or until `signal` aborts). */
export type Sleeper = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface PacerOptions {
  /** Least time between two requests for the same key. */
  readonly intervalMs: number;
  /** The clock (ms); default Date.now. */
  readonly now?: () => number;
  readonly sleep?: Sleeper;
}

const realSleep: Sleeper = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A pacer handing out time slots `intervalMs` apart per key. Slots are reserved synchronously,
 * so concurrent callers queue in call order and never share a slot.
 */
export function createPacer(options: PacerOptions): Pacer {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const nextSlot = new Map<string, number>();
  return {
    async acquire(key, signal) {
      signal?.throwIfAborted();
      const at = now();
      const slot = Math.max(at, nextSlot.get(key) ?? Number.NEGATIVE_INFINITY);
      nextSlot.set(key, slot + options.intervalMs);
      if (slot > at) await sleep(slot - at, signal);
    },
  };
}

/** LookupEvents: 2 requests per second per account per Region → one every 500 ms. */
export const LOOKUP_EVENTS_INTERVAL_MS = 500;

/** The process-wide LookupEvents pacer every audit tool shares by default. */
export const lookupEventsPacer: Pacer = createPacer({ intervalMs: LOOKUP_EVENTS_INTERVAL_MS });
