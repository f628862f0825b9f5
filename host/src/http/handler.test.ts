import { afterEach, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../mcp/call-log.js';
import type { AccessLogLine } from './access-log.js';
import type { HttpAuthConfig } from './auth/gate.js';
import { createCallCorrelation } from './call-correlation.js';
import type { HttpHandler, HttpHandlerOptions } from './handler.js';
import { createHttpHandler } from './handler.js';
import { createTestIssuer } from './test-fixtures/jwt-issuer.js';
import { echoCall, get, mcpPost, rpcMessage } from './test-fixtures/requests.js';
import type { TinyCall } from './test-fixtures/tiny-server.js';
import { manualGate, tinyServerFactory } from './test-fixtures/tiny-server.js';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef';
const ISSUER = 'https://issuer.example.com';
const PUBLIC_URL = new URL('https://mcp.example.com/mcp');

const handlers: HttpHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) await handler.close();
});

/** A handler over the tiny server, collecting its access log and the calls the tool saw. */
function setup(overrides: Partial<HttpHandlerOptions> & { auth?: HttpAuthConfig } = {}) {
  const log: AccessLogLine[] = [];
  const toolCalls: TinyCall[] = [];
  const handler = createHttpHandler({
    factory: tinyServerFactory({ onCall: (call) => toolCalls.push(call) }),
    auth: { kind: 'none' },
    accessLog: (line) => log.push(line),
    ...overrides,
  });
  handlers.push(handler);
  return { handler, log, toolCalls };
}

describe('routes', () => {
  it('answers /healthz with 200 {"status":"ok"} without auth, whatever the Host', async () => {
    const { handler } = setup({ auth: { kind: 'bearer', token: TOKEN } });
    const response = await handler.fetch(get('/healthz', { host: '10.1.2.3:8080' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 for any other path', async () => {
    const { handler } = setup();
    expect((await handler.fetch(get('/admin'))).status).toBe(404);
  });

  it('serves tools/call on POST /mcp and hands the tool the authenticated principal', async () => {
    const { handler, toolCalls } = setup({ auth: { kind: 'bearer', token: TOKEN } });
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), { authorization: `Bearer ${TOKEN}` }));
    expect(response.status).toBe(200);
    expect(await rpcMessage(response)).toMatchObject({ id: 1, result: { content: [{ text: 'echo: hi' }] } });
    expect(toolCalls).toEqual([{ text: 'hi', clientId: 'bearer-token' }]);
  });

  it('leaves GET /mcp to the SDK stateless posture (no session stream)', async () => {
    const { handler } = setup();
    expect((await handler.fetch(get('/mcp', { accept: 'text/event-stream' }))).status).toBe(405);
  });
});

describe('bearer auth', () => {
  it.each([
    ['no Authorization header', {}],
    ['the wrong token', { authorization: `Bearer ${'x'.repeat(40)}` }],
    ['a non-Bearer scheme', { authorization: `Basic ${TOKEN}` }],
  ])('refuses %s with 401 and a Bearer challenge, before any tool runs', async (_name, headers) => {
    const { handler, toolCalls } = setup({ auth: { kind: 'bearer', token: TOKEN } });
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), headers));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(toolCalls).toEqual([]);
  });
});

describe('jwt auth', () => {
  async function jwtSetup() {
    const issuer = await createTestIssuer(ISSUER, PUBLIC_URL.href);
    const context = setup({
      auth: { kind: 'jwt', issuer: ISSUER, keySet: issuer.keySet },
      publicUrl: PUBLIC_URL,
      allowedHosts: ['localhost'],
    });
    return { ...context, issuer };
  }

  it('accepts a valid token for the public URL audience and names its subject in the log', async () => {
    const { handler, issuer, log } = await jwtSetup();
    const token = await issuer.sign({ sub: 'alice' });
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), { authorization: `Bearer ${token}` }));
    expect(response.status).toBe(200);
    await response.text();
    expect(log[0]?.principal).toBe('alice');
  });

  it.each([
    ['an expired token', { expiresIn: '-1h' }],
    ['a token for another audience', { audience: 'https://other.example.com/mcp' }],
    ['a token from another issuer', { issuer: 'https://evil.example.com' }],
  ])('refuses %s with 401 pointing at the protected-resource metadata', async (_name, options) => {
    const { handler, issuer, toolCalls } = await jwtSetup();
    const token = await issuer.sign({ sub: 'alice' }, options);
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), { authorization: `Bearer ${token}` }));
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    expect(challenge).toContain(
      'resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
    );
    expect(toolCalls).toEqual([]);
  });

  it('refuses a token missing a required scope with 403 insufficient_scope', async () => {
    const issuer = await createTestIssuer(ISSUER, PUBLIC_URL.href);
    const { handler } = setup({
      auth: { kind: 'jwt', issuer: ISSUER, keySet: issuer.keySet, requiredScopes: ['mcp:tools'] },
      publicUrl: PUBLIC_URL,
    });
    const token = await issuer.sign({ sub: 'alice', scope: 'openid' });
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), { authorization: `Bearer ${token}` }));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('serves the RFC 9728 document at the path-aware well-known URL, without auth', async () => {
    const { handler } = await jwtSetup();
    const response = await handler.fetch(get('/.well-known/oauth-protected-resource/mcp'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: [ISSUER],
    });
  });

  it('serves no protected-resource document in bearer mode (there is no authorization server)', async () => {
    const { handler } = setup({ auth: { kind: 'bearer', token: TOKEN } });
    expect((await handler.fetch(get('/.well-known/oauth-protected-resource/mcp'))).status).toBe(404);
  });

  it('refuses to start in jwt mode with neither an audience nor a public URL', () => {
    expect(() => setup({ auth: { kind: 'jwt', issuer: ISSUER } })).toThrow(/--jwt-audience or --public-url/);
  });
});

describe('DNS-rebinding protection', () => {
  it('refuses a Host that is not a localhost name on a loopback bind with 403', async () => {
    const { handler, toolCalls } = setup();
    const response = await handler.fetch(
      mcpPost(echoCall(1, 'hi'), { host: 'rebind.attacker.example:8080' }),
    );
    expect(response.status).toBe(403);
    expect(toolCalls).toEqual([]);
  });

  it('refuses a browser Origin that is not allowed with 403', async () => {
    const { handler, toolCalls } = setup();
    const response = await handler.fetch(mcpPost(echoCall(1, 'hi'), { origin: 'https://attacker.example' }));
    expect(response.status).toBe(403);
    expect(toolCalls).toEqual([]);
  });

  it('accepts an Origin added with --allowed-origins', async () => {
    const { handler } = setup({ allowedOrigins: ['https://console.example.com'] });
    const response = await handler.fetch(
      mcpPost(echoCall(1, 'hi'), { origin: 'https://console.example.com' }),
    );
    expect(response.status).toBe(200);
  });
});

describe('request limits', () => {
  it('refuses a body over --max-body-bytes with 413 before parsing it', async () => {
    const { handler, toolCalls } = setup({ maxBodyBytes: 1024 });
    const response = await handler.fetch(mcpPost(echoCall(1, 'x'.repeat(2048))));
    expect(response.status).toBe(413);
    expect(toolCalls).toEqual([]);
  });

  it('refuses a POST that is not JSON with 415', async () => {
    const { handler } = setup();
    const response = await handler.fetch(mcpPost('hello', { 'content-type': 'text/plain' }));
    expect(response.status).toBe(415);
  });

  it('answers the call past --max-concurrent-calls with 503 busy, and serves again once calls finish', async () => {
    const gate = manualGate();
    const { handler } = setup({ factory: tinyServerFactory({ gate: gate.wait }), maxConcurrentCalls: 2 });
    const running = [handler.fetch(mcpPost(echoCall(1, 'a'))), handler.fetch(mcpPost(echoCall(2, 'b')))];
    await expect.poll(() => gate.waiting()).toBe(2);

    const busy = await handler.fetch(mcpPost(echoCall(3, 'c')));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toEqual({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32000, message: 'Server busy: 2 tool calls already running (limit 2); retry shortly' },
    });
    // Listing tools is not a tool call, so it is not held back.
    const list = await handler.fetch(mcpPost({ jsonrpc: '2.0', id: 4, method: 'tools/list' }));
    expect(list.status).toBe(200);
    await list.text();

    gate.open();
    for (const response of await Promise.all(running)) {
      expect(await rpcMessage(response)).toHaveProperty('result');
    }
    const after = await handler.fetch(mcpPost(echoCall(5, 'd')));
    expect(after.status).toBe(200);
    expect(await rpcMessage(after)).toMatchObject({ id: 5, result: { content: [{ text: 'echo: d' }] } });
  });
});

describe('access log', () => {
  it('writes one line per request with principal, tool, tier, outcome, status and duration', async () => {
    const calls = createCallCorrelation();
    let clock = 1_000;
    const { handler, log } = setup({
      auth: { kind: 'bearer', token: TOKEN },
      calls,
      now: () => {
        clock += 12;
        return clock;
      },
      factory: tinyServerFactory({
        onCall: (call) =>
          calls.onCall({
            tool: 'echo',
            tier: 0,
            principal: call.clientId,
            outcome: 'ok',
            durationMs: 1,
          } satisfies CallLogEntry),
      }),
    });
    const response = await handler.fetch(
      mcpPost(echoCall(1, 'secret-argument-value'), { authorization: `Bearer ${TOKEN}` }),
    );
    await response.text();
    expect(log).toEqual([
      {
        ts: new Date(1_012).toISOString(),
        method: 'POST',
        path: '/mcp',
        status: 200,
        durationMs: 12,
        principal: 'bearer-token',
        rpcMethod: 'tools/call',
        tool: 'echo',
        tier: 0,
        outcome: 'ok',
      },
    ]);
  });

  it('logs refusals too, and never the token or the tool arguments', async () => {
    const { handler, log } = setup({ auth: { kind: 'bearer', token: TOKEN } });
    await (
      await handler.fetch(mcpPost(echoCall(1, 'secret-argument-value'), { authorization: `Bearer ${TOKEN}` }))
    ).text();
    await (
      await handler.fetch(mcpPost(echoCall(2, 'secret-argument-value'), { authorization: 'Bearer wrong' }))
    ).text();
    expect(log.map((line) => [line.status, line.principal])).toEqual([
      [200, 'bearer-token'],
      [401, undefined],
    ]);
    for (const line of log) expect(typeof line.durationMs).toBe('number');
    const written = JSON.stringify(log);
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain('secret-argument-value');
  });
});
