import type { CallOutcome } from '../mcp/call-log.js';
import type { Tier } from '../plugin-api/types.js';

/**
 * One line per HTTP request. Who, what and how it ended; never a credential, and tool arguments
 * only when the operator asked (`--log-arguments`): they can carry user names and resource ids.
 */
export interface AccessLogLine {
  readonly ts: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** The token's subject/client id, or `bearer-token`; absent when unauthenticated or refused. */
  readonly principal?: string;
  readonly rpcMethod?: string;
  readonly tool?: string;
  readonly tier?: Tier;
  readonly outcome?: CallOutcome;
  readonly arguments?: Readonly<Record<string, unknown>>;
}

/** Where access-log lines go. */
export type AccessLogSink = (line: AccessLogLine) => void;

/** The default sink: one JSON line on stderr (stdout may be a protocol stream elsewhere in the CLI). */
export const stderrAccessLog: AccessLogSink = (line) => {
  process.stderr.write(`${JSON.stringify(line)}\n`);
};

/** What the handler knows about a request by the time its answer ends. */
export interface AccessLogFacts {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly principal?: string | undefined;
  readonly rpcMethod?: string | undefined;
  readonly tool?: string | undefined;
  readonly tier?: Tier | undefined;
  readonly outcome?: CallOutcome | undefined;
  readonly arguments?: Readonly<Record<string, unknown>> | undefined;
}

/** The access-log line for a finished request, dropping the fields it does not know. */
export function accessLogLine(facts: AccessLogFacts): AccessLogLine {
  return {
    ts: new Date(facts.startedAt).toISOString(),
    method: facts.method,
    path: facts.path,
    status: facts.status,
    durationMs: Math.max(0, Math.round(facts.endedAt - facts.startedAt)),
    ...(facts.principal !== undefined ? { principal: facts.principal } : {}),
    ...(facts.rpcMethod !== undefined ? { rpcMethod: facts.rpcMethod } : {}),
    ...(facts.tool !== undefined ? { tool: facts.tool } : {}),
    ...(facts.tier !== undefined ? { tier: facts.tier } : {}),
    ...(facts.outcome !== undefined ? { outcome: facts.outcome } : {}),
    ...(facts.arguments !== undefined ? { arguments: facts.arguments } : {}),
  };
}
