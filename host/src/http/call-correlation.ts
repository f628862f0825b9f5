import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallLogEntry } from '../mcp/call-log.js';

/**
 * Joins the MCP server's per-call report (`onCall`: tool, tier, outcome) to the HTTP request that
 * carried the call, so the access log can say how each request ended. The server factory reports
 * calls without knowing about HTTP; the request's async context tells us which request it was.
 */
export interface CallCorrelation {
  /** Pass as the server factory's `onCall`. */
  readonly onCall: (entry: CallLogEntry) => void;
  /** Runs `serve` with the calls it reports collected into `calls`. */
  collect<T>(calls: CallLogEntry[], serve: () => T): T;
}

/**
 * A {@link CallCorrelation}. `forward` still receives every entry, e.g. for a stdio-style log.
 */
export function createCallCorrelation(forward?: (entry: CallLogEntry) => void): CallCorrelation {
  const requestCalls = new AsyncLocalStorage<CallLogEntry[]>();
  return {
    onCall(entry) {
      requestCalls.getStore()?.push(entry);
      forward?.(entry);
    },
    collect(calls, serve) {
      return requestCalls.run(calls, serve);
    },
  };
}
