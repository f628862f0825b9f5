import type { Tier } from '../plugin-api/types.js';

/** How a tools/call ended, for the access log. */
export type CallOutcome = 'ok' | 'error' | 'refused' | 'timeout' | 'input-required';

/**
 * One tools/call as the access log records it: who, which tool at which tier, how it ended and
 * how long it took. Never a credential; the arguments only when asked.
 */
export interface CallLogEntry {
  readonly tool: string;
  /** The tool's tier; absent for a name no plugin registers. */
  readonly tier?: Tier;
  /** Who called: the token's subject or client id over HTTP; absent on stdio. */
  readonly principal?: string;
  readonly outcome: CallOutcome;
  /** The translated error code of a failed call, e.g. `AccessDenied`. */
  readonly errorCode?: string;
  readonly durationMs: number;
  /** The call's arguments, only when the operator asked for them (`--log-arguments`). */
  readonly arguments?: Readonly<Record<string, unknown>>;
}
