import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessLogLine } from './access-log.js';
import { HttpConfigError } from './guards.js';
import type { RunningHttpServer } from './server.js';
import { endpointUrl, startHttpServer } from './server.js';
import { createTestIssuer } from './test-fixtures/jwt-issuer.js';
import { tinyServerFactory } from './test-fixtures/tiny-server.js';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef';
const running: RunningHttpServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(
  options: Partial<Parameters<typeof startHttpServer>[0]> = {},
): Promise<RunningHttpServer> {
  const server = await startHttpServer({
    factory: tinyServerFactory(),
    auth: { kind: 'none' },
    port: 0,
    accessLog: () => {},
    ...options,
  });
  running.push(server);
  return server;
}

/** Sends `body` as a stream of `chunks` equal slices, so no Content-Length announces its size. */
function postChunked(url: URL, chunks: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may answer 413 and close before the rest is written.
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('startHttpServer', () => {
  it('refuses to bind a non-loopback address without auth, naming the token variable and --auth jwt', async () => {
    const refusal = startHttpServer({
      factory: tinyServerFactory(),
      auth: { kind: 'none' },
      host: '0.0.0.0',
      port: 0,
    });
    await expect(refusal).rejects.toBeInstanceOf(HttpConfigError);
    await expect(refusal).rejects.toThrow(/WORKSPACES_EUC_HTTP_TOKEN.*--auth jwt/);
  });

  it('refuses a non-loopback bind whose Host header could not be checked', async () => {
    const refusal = startHttpServer({
      factory: tinyServerFactory(),
      auth: { kind: 'bearer', token: TOKEN },
      host: '0.0.0.0',
      port: 0,
    });
    await expect(refusal).rejects.toThrow(/--public-url or --allowed-hosts/);
  });

  it('refuses a bearer token shorter than 32 characters before opening the port', async () => {
    await expect(start({ auth: { kind: 'bearer', token: 'short' } })).rejects.toThrow(/at least 32/);
  });

  it('binds a free port for port 0 and reports it in url', async () => {
    const server = await start();
    expect(server.url.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(server.url.port).not.toBe('0');
    const health = await fetch(new URL('/healthz', server.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('refuses a streamed body over the limit with 413 and logs it', async () => {
    const log: AccessLogLine[] = [];
    const server = await start({ maxBodyBytes: 4096, accessLog: (line) => log.push(line) });
    const status = await postChunked(
      server.url,
      Array.from({ length: 16 }, () => 'x'.repeat(1024)),
    );
    expect(status).toBe(413);
    await expect.poll(() => log.map((line) => line.status)).toEqual([413]);
  });

  it('serves the protected-resource document for the bound URL when --public-url is not given', async () => {
    const issuer = await createTestIssuer('https://issuer.example.com', 'unused');
    const server = await start({
      auth: { kind: 'jwt', issuer: 'https://issuer.example.com', keySet: issuer.keySet },
    });
    const response = await fetch(new URL('/.well-known/oauth-protected-resource/mcp', server.url));
    expect(await response.json()).toMatchObject({
      resource: server.url.href,
      authorization_servers: ['https://issuer.example.com'],
    });
  });

  it('spells an IPv6 endpoint with brackets', () => {
    expect(endpointUrl('::1', 8080).href).toBe('http://[::1]:8080/mcp');
    expect(endpointUrl('127.0.0.1', 0).href).toBe('http://127.0.0.1:0/mcp');
  });
});
