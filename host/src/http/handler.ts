import type { AuthInfo, McpServerFactory } from '@modelcontextprotocol/server';
import { createMcpHandler, readRequestBody } from '@modelcontextprotocol/server';
import type { CallLogEntry } from '../mcp/call-log.js';
import type { AccessLogSink } from './access-log.js';
import { accessLogLine, stderrAccessLog } from './access-log.js';
import type { HttpAuthConfig } from './auth/gate.js';
import { createAuthGate } from './auth/gate.js';
import type { CallCorrelation } from './call-correlation.js';
import { busyResponse, createCallLimiter, DEFAULT_MAX_CONCURRENT_CALLS } from './concurrency.js';
import {
  contentTypeRefusal,
  DEFAULT_BIND_HOST,
  jsonRpcErrorResponse,
  originAllowlistEntry,
  rebindingRefusal,
  resolveAllowedHostnames,
} from './guards.js';
import { onResponseEnd } from './response-end.js';
import { summariseRpcBody } from './rpc-summary.js';

/** `--max-body-bytes` default: far above any tool call's arguments, far below a memory problem. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The MCP endpoint's path. */
export const MCP_PATH = '/mcp';

/** The liveness probe's path: no auth, no AWS call. */
export const HEALTH_PATH = '/healthz';

/** Options for {@link createHttpHandler}; each maps to a `serve --transport http` flag. */
export interface HttpHandlerOptions {
  /** Builds a fresh MCP server per request (both protocol eras). */
  readonly factory: McpServerFactory;
  /** `--auth`. */
  readonly auth: HttpAuthConfig;
  /** `--host`: the bind address, which decides the default Host allowlist. Default 127.0.0.1. */
  readonly bindHost?: string;
  /** `--allowed-hosts`: Host header names accepted on top of the defaults. */
  readonly allowedHosts?: readonly string[];
  /** `--allowed-origins`: browser origins accepted on top of the allowed hosts. */
  readonly allowedOrigins?: readonly string[];
  /** `--max-body-bytes`; default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** `--max-concurrent-calls`; default 8. */
  readonly maxConcurrentCalls?: number;
  /** `--public-url`: the externally visible URL of /mcp (PRM `resource`, default JWT audience). */
  readonly publicUrl?: URL;
  /** Where access-log lines go; default one JSON line per request on stderr. */
  readonly accessLog?: AccessLogSink;
  /** Joins the factory's `onCall` reports to requests, for tier and outcome in the access log. */
  readonly calls?: CallCorrelation;
  /** Errors the MCP layer reports out of band (never alters a response). */
  readonly onError?: (error: Error) => void;
  /** The clock, in epoch milliseconds; injectable for tests. */
  readonly now?: () => number;
}

/** A web-standard MCP-over-HTTP endpoint: `fetch` answers one request; `close` ends open streams. */
export interface HttpHandler {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** What one request taught us, for its access-log line. */
interface RequestFacts {
  principal?: string | undefined;
  rpcMethod?: string | undefined;
  tool?: string | undefined;
  readonly calls: CallLogEntry[];
}

/** An answer and what to undo (a concurrency slot) once it has been sent. */
interface Answer {
  readonly response: Response;
  readonly release?: () => void;
}

/**
 * The HTTP face of the MCP server: routing, DNS-rebinding checks, auth, body and concurrency
 * limits and the access log, in front of the SDK's per-request `createMcpHandler` (stateless for
 * 2025-era clients, so any replica answers any request). Throws `HttpConfigError` on a bad config.
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const now = options.now ?? Date.now;
  const allowedHosts = resolveAllowedHostnames({
    bindHost: options.bindHost ?? DEFAULT_BIND_HOST,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.allowedHosts ? { extra: options.allowedHosts } : {}),
  });
  const allowedOrigins = [...allowedHosts, ...(options.allowedOrigins ?? []).map(originAllowlistEntry)];
  const gate = createAuthGate(options.auth, options.publicUrl);
  const limiter = createCallLimiter(options.maxConcurrentCalls ?? DEFAULT_MAX_CONCURRENT_CALLS);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const accessLog = options.accessLog ?? stderrAccessLog;
  const mcp = createMcpHandler(options.factory, {
    legacy: 'stateless',
    maxRequestBodySize: maxBodyBytes,
    ...(options.onError ? { onerror: options.onError } : {}),
  });

  async function serveMcp(request: Request, facts: RequestFacts): Promise<Answer> {
    const authenticated = await gate.authenticate(request);
    if (authenticated instanceof Response) return { response: authenticated };
    facts.principal = authenticated.principal;
    const authInfo = authenticated.authInfo;
    if (request.method !== 'POST') return { response: await dispatch(request, authInfo, undefined, facts) };

    const refusal = contentTypeRefusal(request);
    if (refusal) return { response: refusal };
    const body = await readRequestBody(request, maxBodyBytes);
    if (body.tooLarge) {
      return { response: jsonRpcErrorResponse(413, null, `Request body exceeds ${maxBodyBytes} bytes`) };
    }
    const parsedBody = parseJson(body.text);
    const summary = summariseRpcBody(parsedBody);
    facts.rpcMethod = summary.rpcMethod;
    facts.tool = summary.tool;
    if (!limiter.tryAcquire(summary.toolCalls)) {
      return { response: busyResponse(summary.id, limiter.inFlight, limiter.limit) };
    }
    const release = () => limiter.release(summary.toolCalls);
    // The body stream is spent; the SDK gets the same bytes back (and the parsed value, when it
    // parsed) so it classifies and answers exactly as if it had read the request itself.
    const headers = new Headers(request.headers);
    // The re-encoded text may not match the original byte count (e.g. invalid UTF-8 replaced).
    headers.delete('content-length');
    const forwarded = new Request(request.url, {
      method: request.method,
      headers,
      body: body.text,
      signal: request.signal,
    });
    try {
      return { response: await dispatch(forwarded, authInfo, parsedBody, facts), release };
    } catch (error) {
      release();
      throw error;
    }
  }

  function dispatch(
    request: Request,
    authInfo: AuthInfo | undefined,
    parsedBody: unknown,
    facts: RequestFacts,
  ): Promise<Response> {
    const serve = () =>
      mcp.fetch(request, {
        ...(authInfo ? { authInfo } : {}),
        ...(parsedBody !== undefined ? { parsedBody } : {}),
      });
    return options.calls ? options.calls.collect(facts.calls, serve) : serve();
  }

  async function route(request: Request, path: string, facts: RequestFacts): Promise<Answer> {
    // A load balancer probes by IP, so health answers whatever the Host; it reveals nothing.
    if (path === HEALTH_PATH) {
      return {
        response: request.method === 'GET' ? Response.json({ status: 'ok' }) : methodNotAllowed('GET'),
      };
    }
    const rebinding = rebindingRefusal(request, allowedHosts, allowedOrigins);
    if (rebinding) return { response: rebinding };
    if (gate.protectedResource && path === gate.protectedResource.path) {
      if (request.method !== 'GET') return { response: methodNotAllowed('GET') };
      return {
        response: Response.json(gate.protectedResource.metadata, {
          headers: { 'access-control-allow-origin': '*' },
        }),
      };
    }
    if (path === MCP_PATH) return serveMcp(request, facts);
    return { response: Response.json({ error: 'not_found', path }, { status: 404 }) };
  }

  async function fetch(request: Request): Promise<Response> {
    const startedAt = now();
    const path = new URL(request.url).pathname;
    const facts: RequestFacts = { calls: [] };
    let answer: Answer;
    try {
      answer = await route(request, path, facts);
    } catch (error) {
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
      answer = { response: jsonRpcErrorResponse(500, null, 'Internal server error') };
    }
    const { response, release } = answer;
    return onResponseEnd(response, () => {
      release?.();
      const call = facts.calls[0];
      accessLog(
        accessLogLine({
          startedAt,
          endedAt: now(),
          method: request.method,
          path,
          status: response.status,
          principal: facts.principal,
          rpcMethod: facts.rpcMethod,
          tool: facts.tool,
          tier: call?.tier,
          outcome: call?.outcome,
          arguments: call?.arguments,
        }),
      );
    });
  }

  return { fetch, close: () => mcp.close() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Left to the SDK, which answers a JSON-RPC parse error.
    return undefined;
  }
}

function methodNotAllowed(allow: string): Response {
  return Response.json({ error: 'method_not_allowed' }, { status: 405, headers: { allow } });
}
