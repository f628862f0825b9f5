import type { RateLimiter } from '../plugin-api/types.js';

/**
 * Request pacing for APIs with a hard, low rate limit (e.g. CloudTrail event lookups: "two
 * [requests] per second, per account, per Region"). Adaptive retries would recover, but every
 * throttle wastes a request and delays a sweep, so requests are spaced instead. Such a limit holds
 * for the whole process: every tool call, concurrent ones included, shares one limiter per name,
 * which is why the host owns them (`ctx.rateLimit`) rather than each plugin.
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

/** The clock limiters wait on; tests inject a fake one so nothing sleeps. */
export interface PacingClock {
  readonly now: () => number;
  readonly sleep: Sleeper;
}

/** Named limiters: `limiter(name, intervalMs)` is one object for as long as the registry lives. */
export type RateLimiterRegistry = (
  name: string,
  intervalMs: number,
  scopeKey: (scope: Parameters<RateLimiter['acquire']>[0]) => string,
) => RateLimiter;

/** A registry of named limiters on `clock` (default: the real one). */
export function createRateLimiters(clock?: PacingClock): RateLimiterRegistry {
  const pacers = new Map<string, Pacer>();
  return (name, intervalMs, scopeKey) => {
    const id = `${name}@${intervalMs}`;
    let pacer = pacers.get(id);
    if (!pacer) {
      pacer = createPacer({ intervalMs, ...(clock ? { now: clock.now, sleep: clock.sleep } : {}) });
      pacers.set(id, pacer);
    }
    const shared = pacer;
    return { acquire: (scope, signal) => shared.acquire(scopeKey(scope), signal) };
  };
}

/** The process's limiters: every host in the process without an injected clock shares them. */
export const PROCESS_RATE_LIMITERS: RateLimiterRegistry = createRateLimiters();
