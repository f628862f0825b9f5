import { isIP } from 'node:net';
import {
  hostHeaderValidationResponse,
  isJsonContentType,
  localhostAllowedHostnames,
  originValidationResponse,
} from '@modelcontextprotocol/server';

/** The bind address `serve --transport http` uses when `--host` is not given. */
export const DEFAULT_BIND_HOST = '127.0.0.1';

/** A configuration the HTTP server refuses to start with; the message names the flag to change. */
export class HttpConfigError extends Error {
  override readonly name = 'HttpConfigError';
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  // The whole 127.0.0.0/8 block is loopback, not just 127.0.0.1.
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * A host as the SDK's Host/Origin allowlists spell it: a hostname without port, IPv6 in brackets.
 */
export function allowlistHostname(host: string): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/** Which Host (and, by default, Origin) hostnames a request may name. */
export interface AllowedHostnamesInput {
  readonly bindHost: string;
  readonly publicUrl?: URL;
  /** `--allowed-hosts`: added to the defaults, never replacing them. */
  readonly extra?: readonly string[];
}

/**
 * The DNS-rebinding allowlist: localhost names on a loopback bind; otherwise the bind address and
 * the public URL's host. A browser tricked into calling us under an attacker's DNS name sends that
 * name as Host, which is then refused.
 */
export function resolveAllowedHostnames(input: AllowedHostnamesInput): string[] {
  const names = isLoopbackHost(input.bindHost) ? localhostAllowedHostnames() : [];
  names.push(allowlistHostname(input.bindHost));
  if (input.publicUrl) names.push(allowlistHostname(input.publicUrl.hostname));
  for (const extra of input.extra ?? []) names.push(allowlistHostname(extra));
  return [...new Set(names)];
}

/**
 * An `--allowed-origins` entry as the SDK's Origin allowlist spells it: a full origin
 * (`https://app.example.com`) is reduced to its hostname; `<scheme>://*` entries pass unchanged.
 */
export function originAllowlistEntry(entry: string): string {
  if (entry.endsWith('://*')) return entry;
  if (entry.includes('://')) return allowlistHostname(new URL(entry).hostname);
  return allowlistHostname(entry);
}

/**
 * Refuses an unauthenticated server reachable from other machines: anyone on the network could
 * then run tools with this process's AWS credentials.
 */
export function assertBindAllowed(bindHost: string, authKind: 'none' | 'bearer' | 'jwt'): void {
  if (authKind === 'none' && !isLoopbackHost(bindHost)) {
    throw new HttpConfigError(
      `Refusing to serve MCP on ${bindHost} without authentication: set WORKSPACES_EUC_HTTP_TOKEN ` +
        '(>= 32 characters) for --auth bearer, or use --auth jwt with --jwt-issuer and --jwt-audience, ' +
        'or bind to 127.0.0.1.',
    );
  }
}

/** The 403 for a request whose Host or Origin is not allowed, else undefined. */
export function rebindingRefusal(
  request: Request,
  allowedHosts: string[],
  allowedOrigins: string[],
): Response | undefined {
  return (
    hostHeaderValidationResponse(request, allowedHosts) ?? originValidationResponse(request, allowedOrigins)
  );
}

/** The 415 for a POST whose body is not declared JSON, else undefined. */
export function contentTypeRefusal(request: Request): Response | undefined {
  if (request.method !== 'POST' || isJsonContentType(request.headers.get('content-type') ?? ''))
    return undefined;
  return jsonRpcErrorResponse(415, null, 'Unsupported Media Type: Content-Type must be application/json');
}

/** A JSON-RPC error body with an HTTP status, as MCP transports answer refusals. */
export function jsonRpcErrorResponse(
  status: number,
  id: string | number | null,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ jsonrpc: '2.0', id, error: { code: -32000, message } }, { status, headers });
}
