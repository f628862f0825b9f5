import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { assertBindAllowed, DEFAULT_BIND_HOST, HttpConfigError, isLoopbackHost } from './guards.js';
import type { HttpHandler, HttpHandlerOptions } from './handler.js';
import { createHttpHandler, MCP_PATH } from './handler.js';
import { nodeRequestListener } from './node-adapter.js';

/** `--port` default. */
export const DEFAULT_HTTP_PORT = 8080;

/** Options for {@link startHttpServer}: the handler's, plus where to listen. */
export interface HttpServerOptions extends Omit<HttpHandlerOptions, 'bindHost'> {
  /** `--host`; default 127.0.0.1. Anything but loopback requires `--auth bearer` or `--auth jwt`. */
  readonly host?: string;
  /** `--port`; default 8080; 0 picks a free port (read it from the returned `url`). */
  readonly port?: number;
}

/** A listening MCP HTTP server. */
export interface RunningHttpServer {
  /** The MCP endpoint as bound, e.g. `http://127.0.0.1:8080/mcp`. */
  readonly url: URL;
  /** Stops accepting connections, ends open streams and resolves once the socket is closed. */
  close(): Promise<void>;
}

/** The MCP endpoint URL for a bind address and port. */
export function endpointUrl(host: string, port: number): URL {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const authority = isIP(bare) === 6 ? `[${bare}]` : bare;
  return new URL(`http://${authority}:${port}${MCP_PATH}`);
}

/**
 * Serves MCP over HTTP on `host:port` until `close()`. Refuses (with {@link HttpConfigError}) an
 * unauthenticated bind reachable from other machines, and a non-loopback bind whose Host header
 * could never be checked (no `--public-url` and no `--allowed-hosts`).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? DEFAULT_BIND_HOST;
  assertBindAllowed(host, options.auth.kind);
  if (!isLoopbackHost(host) && !options.publicUrl && (options.allowedHosts ?? []).length === 0) {
    throw new HttpConfigError(
      `Serving on ${host} needs --public-url or --allowed-hosts: the names clients use to reach this ` +
        'server, which the Host header is checked against (DNS-rebinding protection).',
    );
  }
  const onError = options.onError ?? (() => {});
  const build = (publicUrl: URL | undefined): HttpHandler =>
    createHttpHandler({ ...options, bindHost: host, ...(publicUrl ? { publicUrl } : {}) });
  // The protected-resource document and the default JWT audience need the public URL; without
  // --public-url it is the bound URL, known only after listening when the port is 0.
  const needsBoundUrl = options.auth.kind === 'jwt' && !options.publicUrl;
  // Built (or trial-built) before listening, so a bad configuration never opens the port.
  const early = build(
    needsBoundUrl ? endpointUrl(host, options.port ?? DEFAULT_HTTP_PORT) : options.publicUrl,
  );
  let resolveHandler: (handler: HttpHandler) => void = () => {};
  const ready = new Promise<HttpHandler>((resolve) => {
    resolveHandler = resolve;
  });
  const server = createServer(nodeRequestListener(async (request) => (await ready).fetch(request), onError));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_HTTP_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await early.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = endpointUrl(address.address, address.port);
  let handler = early;
  if (needsBoundUrl) {
    await early.close();
    handler = build(url);
  }
  resolveHandler(handler);
  return {
    url,
    async close() {
      await handler.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
