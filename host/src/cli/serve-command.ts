import type { McpServerFactory } from '@modelcontextprotocol/server';
import { PLAN_KEY_ENV } from '../gates/plan-key.js';
import type { CallCorrelation } from '../http/index.js';
import { hostVersion } from './bootstrap.js';
import type { CliCommand, CliIo } from './command.js';
import { UsageError } from './options.js';
import { HTTP_TOKEN_ENV, type HttpAuthSettings, SERVE_FLAGS, serveSettings } from './serve-options.js';

/** The one line `serve` prints when a person, not an MCP client, started it in a terminal. */
export const SERVE_TERMINAL_HINT =
  'Waiting for an MCP client on stdin (this is the MCP server; press Ctrl+C to stop). To try a tool from the shell: workspaces-euc-mcp call TOOL --demo; list them: workspaces-euc-mcp tools.';

/** The hint when stdin is a terminal (default: the process's own stdin), else nothing. */
export function terminalHint(stdinIsTTY: boolean | undefined): string | undefined {
  return (stdinIsTTY ?? process.stdin.isTTY === true) ? SERVE_TERMINAL_HINT : undefined;
}

/** The line `serve --transport http` prints once it listens (scripts and tests read the URL from it). */
export function listeningLine(url: URL): string {
  return `listening on ${url.href}`;
}

/** Resolves on the first SIGINT or SIGTERM: a container runtime stops the server with SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function httpAuth(auth: HttpAuthSettings) {
  if (auth.kind !== 'jwt') return auth;
  return {
    kind: 'jwt' as const,
    issuer: auth.issuer,
    ...(auth.audience ? { audience: auth.audience } : {}),
    ...(auth.jwksUrl ? { jwksUrl: auth.jwksUrl.href } : {}),
    requiredScopes: auth.requiredScopes,
  };
}

/** `serve`: MCP over stdio (the default) or stateless Streamable HTTP. */
export const serveCommand: CliCommand = {
  usage: 'serve',
  summary: 'Serve MCP over stdio (default) or HTTP (--transport http)',
  flags: SERVE_FLAGS,
  help: `workspaces-euc-mcp serve [options]

Serves MCP, both protocol eras (2026-07-28 and 2025-era clients). Logs go to stderr and to the
calling client, never stdout. Registered tools = plugins in the config ∧ tools the config allows ∧
tiers the flags allow; every client of one server sees the same tools.

  --transport stdio|http      stdio (default) or stateless Streamable HTTP on /mcp, with /healthz
  --host ADDR                 HTTP bind address (default 127.0.0.1; any other needs auth)
  --port N                    HTTP port (default 8080; 0 = any free port)
  --public-url URL            the URL clients use for /mcp (Host check, OAuth metadata, JWT audience)
  --allowed-hosts A,B         more Host names to accept (DNS-rebinding protection is always on)
  --allowed-origins A,B       browser Origins to accept besides the allowed hosts
  --auth none|bearer|jwt      default: jwt with --jwt-issuer, bearer with ${HTTP_TOKEN_ENV}, else none
  --jwt-issuer URL            OAuth 2.1 issuer whose JWT access tokens are accepted
  --jwt-audience AUD          the audience (aud, or client_id when a token has no aud) they must name
  --jwt-jwks-url URL          the issuer's keys (default: from its OpenID configuration)
  --jwt-scopes A,B            scopes every token must grant
  --max-body-bytes N          request body limit (default 1048576)
  --max-concurrent-calls N    tool calls at once before "busy" (default 8)
  --call-timeout-seconds N    stop a tool call after N s (HTTP default 300; stdio: no limit)
  --log-arguments             put tool arguments in the access log (off: they can name users)

Bearer token: ${HTTP_TOKEN_ENV} (at least 32 characters; never on the command line). JWT settings
also from WORKSPACES_EUC_JWT_ISSUER, _AUDIENCE, _JWKS_URL. Replicas of one server must share
WORKSPACES_EUC_PLAN_KEY so a plan made on one is confirmed on another. Deployment: docs/deploy.md.`,
  async run({ io, boot, options }) {
    const settings = serveSettings(options.commandFlags);
    const booted = await boot();
    // Loaded on first use: `call` and `tools` never load the MCP SDK.
    const { createMcpServerFactory, serveStdio } = await import('../mcp/server.js');
    const base = {
      name: 'workspaces-euc-mcp',
      version: hostVersion(),
      ...(booted.demoDescription
        ? {
            extraInstructions: `DEMO MODE: every answer comes from a simulated estate, not AWS. ${booted.demoDescription}`,
          }
        : {}),
    };
    if (settings.transport === 'stdio') {
      // An MCP client connects through a pipe; a terminal on stdin means a person ran it by hand
      // and would otherwise see nothing happen.
      const hint = terminalHint(io.stdinIsTTY);
      if (hint) io.stderr(hint);
      const { factory } = createMcpServerFactory(booted.host, {
        ...base,
        ...(settings.callTimeoutMs !== undefined ? { callTimeoutMs: settings.callTimeoutMs } : {}),
      });
      await serveStdio(factory);
      return 0;
    }
    const notice = sharedPlanKeyNotice(options.enableWrites, process.env);
    if (notice) io.stderr(notice);
    const http = await import('../http/index.js');
    // The factory reports each call; the correlation puts it on its request's access-log line.
    const calls = http.createCallCorrelation();
    const { factory } = createMcpServerFactory(booted.host, {
      ...base,
      callTimeoutMs: settings.callTimeoutMs,
      logArguments: settings.logArguments,
      onCall: calls.onCall,
    });
    return serveHttp(io, settings, { factory, calls }, http);
  },
};

/**
 * A write-enabled team server without a shared plan key signs plans with a key of its own: a
 * confirm that reaches another replica is refused. Said at launch, where the operator looks.
 */
export function sharedPlanKeyNotice(
  enableWrites: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (!enableWrites || env[PLAN_KEY_ENV]) return undefined;
  return `${PLAN_KEY_ENV} is not set: write plans are signed with this process's own key, so a confirm that reaches another replica is refused. Give every replica the same ${PLAN_KEY_ENV} (at least 32 characters).`;
}

async function serveHttp(
  io: CliIo,
  settings: Extract<ReturnType<typeof serveSettings>, { transport: 'http' }>,
  { factory, calls }: { factory: McpServerFactory; calls: CallCorrelation },
  { HttpConfigError, startHttpServer }: typeof import('../http/index.js'),
): Promise<number> {
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({
      factory,
      calls,
      auth: httpAuth(settings.auth),
      host: settings.host,
      port: settings.port,
      maxBodyBytes: settings.maxBodyBytes,
      maxConcurrentCalls: settings.maxConcurrentCalls,
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      ...(settings.allowedOrigins ? { allowedOrigins: settings.allowedOrigins } : {}),
      ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    });
  } catch (error) {
    // A configuration the HTTP layer refuses (an open bind without auth, …) is the command line's.
    if (error instanceof HttpConfigError) throw new UsageError(error.message);
    throw error;
  }
  io.stderr(listeningLine(server.url));
  await untilStopped();
  await server.close();
  return 0;
}
