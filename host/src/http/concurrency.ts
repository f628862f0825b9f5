import { jsonRpcErrorResponse } from './guards.js';

/** `--max-concurrent-calls` default: tool calls one process runs at once before answering busy. */
export const DEFAULT_MAX_CONCURRENT_CALLS = 8;

/**
 * Counts tool calls in flight on this process. Past the limit a call is refused at once rather
 * than queued: a queued call would hold its HTTP request open with no progress, while a 503 lets
 * the client (or a load balancer) retry elsewhere.
 */
export interface CallLimiter {
  /** Reserves `count` slots, or returns false (reserving nothing) when they would exceed the limit. */
  tryAcquire(count: number): boolean;
  release(count: number): void;
  readonly inFlight: number;
  readonly limit: number;
}

/** A {@link CallLimiter} allowing `limit` tool calls at once. */
export function createCallLimiter(limit: number): CallLimiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`--max-concurrent-calls must be a whole number >= 1, got ${limit}`);
  }
  let inFlight = 0;
  return {
    tryAcquire(count) {
      if (count > 0 && inFlight + count > limit) return false;
      inFlight += count;
      return true;
    },
    release(count) {
      inFlight = Math.max(0, inFlight - count);
    },
    get inFlight() {
      return inFlight;
    },
    limit,
  };
}

/** The busy answer: HTTP 503 with `Retry-After` and a JSON-RPC error the model can read. */
export function busyResponse(id: string | number | null, inFlight: number, limit: number): Response {
  return jsonRpcErrorResponse(
    503,
    id,
    `Server busy: ${inFlight} tool calls already running (limit ${limit}); retry shortly`,
    { 'retry-after': '1' },
  );
}
