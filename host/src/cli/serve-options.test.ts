import { describe, expect, it } from 'vitest';
import { servesHttp } from './bootstrap.js';
import { parseCli, UsageError } from './options.js';
import { sharedPlanKeyNotice } from './serve-command.js';
import { HTTP_TOKEN_ENV, SERVE_FLAGS, serveSettings } from './serve-options.js';

const TOKEN = 'a'.repeat(40);

describe('serve settings', () => {
  it('is stdio with no call limit by default, and refuses HTTP flags there', () => {
    expect(serveSettings({}, {})).toEqual({ transport: 'stdio' });
    expect(() => serveSettings({ port: '9000' }, {})).toThrow('--port applies to --transport http only');
  });

  it('serves HTTP on loopback:8080 with the safety limits by default; auth follows the environment', () => {
    expect(serveSettings({ transport: 'http' }, {})).toEqual({
      transport: 'http',
      host: '127.0.0.1',
      port: 8080,
      auth: { kind: 'none' },
      maxBodyBytes: 1_048_576,
      maxConcurrentCalls: 8,
      callTimeoutMs: 300_000,
      logArguments: false,
    });
    expect(serveSettings({ transport: 'http' }, { [HTTP_TOKEN_ENV]: TOKEN })).toMatchObject({
      auth: { kind: 'bearer', token: TOKEN },
    });
    expect(
      serveSettings({ transport: 'http', 'jwt-issuer': 'https://id.example.com', 'jwt-audience': 'mcp' }, {}),
    ).toMatchObject({
      auth: { kind: 'jwt', issuer: 'https://id.example.com', audience: 'mcp', requiredScopes: [] },
    });
  });

  it('reads lists, URLs and numbers', () => {
    const settings = serveSettings(
      {
        transport: 'http',
        host: '0.0.0.0',
        port: '0',
        'allowed-hosts': 'mcp.example.com, internal.example.com',
        'public-url': 'https://mcp.example.com/mcp',
        'call-timeout-seconds': '900',
        'max-concurrent-calls': '2',
      },
      { [HTTP_TOKEN_ENV]: TOKEN },
    );
    expect(settings).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      allowedHosts: ['mcp.example.com', 'internal.example.com'],
      publicUrl: new URL('https://mcp.example.com/mcp'),
      callTimeoutMs: 900_000,
      maxConcurrentCalls: 2,
    });
  });

  it.each([
    [{ transport: 'sse' }, {}, '--transport must be stdio or http'],
    [{ transport: 'http', port: '70000' }, {}, '--port must be a whole number from 0 to 65535'],
    [{ transport: 'http', auth: 'bearer' }, {}, `needs the token in ${HTTP_TOKEN_ENV}`],
    [{ transport: 'http', auth: 'bearer' }, { [HTTP_TOKEN_ENV]: 'short' }, 'at least 32 characters'],
    [
      { transport: 'http', auth: 'jwt', 'jwt-issuer': 'https://id.example.com' },
      {},
      'or --public-url to use',
    ],
    [{ transport: 'http', auth: 'jwt', 'jwt-audience': 'mcp' }, {}, '--jwt-issuer'],
    [{ transport: 'http', 'public-url': 'mcp.example.com' }, {}, '--public-url must be an http(s) URL'],
    [{ transport: 'http', auth: 'basic' }, {}, '--auth must be none, bearer or jwt'],
  ])('refuses %j with a message naming the flag', (flags, env, message) => {
    expect(() => serveSettings(flags, env)).toThrow(UsageError);
    expect(() => serveSettings(flags, env)).toThrow(message);
  });
});

describe('servesHttp', () => {
  it('is true only for serve --transport http: there SSO sign-in is never launched for a remote caller', () => {
    const commands = { serve: { flags: SERVE_FLAGS }, tools: {} };
    expect(servesHttp(parseCli(['serve', '--transport', 'http'], commands))).toBe(true);
    expect(servesHttp(parseCli(['serve'], commands))).toBe(false);
    expect(servesHttp(parseCli(['serve', '--transport', 'stdio'], commands))).toBe(false);
    expect(servesHttp(parseCli(['tools'], commands))).toBe(false);
  });
});

describe('sharedPlanKeyNotice', () => {
  it('warns a write-enabled team server without WORKSPACES_EUC_PLAN_KEY, and no one else', () => {
    expect(sharedPlanKeyNotice(true, {})).toContain('WORKSPACES_EUC_PLAN_KEY is not set');
    expect(sharedPlanKeyNotice(true, { WORKSPACES_EUC_PLAN_KEY: 'k'.repeat(32) })).toBeUndefined();
    expect(sharedPlanKeyNotice(false, {})).toBeUndefined();
  });
});
