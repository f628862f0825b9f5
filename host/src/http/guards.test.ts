import { describe, expect, it } from 'vitest';
import {
  allowlistHostname,
  assertBindAllowed,
  contentTypeRefusal,
  HttpConfigError,
  isLoopbackHost,
  originAllowlistEntry,
  rebindingRefusal,
  resolveAllowedHostnames,
} from './guards.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]', 'LOCALHOST'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.5', 'example.com', '128.0.0.1'])(
    '%s is reachable from elsewhere',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('assertBindAllowed', () => {
  it('refuses an unauthenticated non-loopback bind, naming the token variable and --auth jwt', () => {
    expect(() => assertBindAllowed('0.0.0.0', 'none')).toThrow(HttpConfigError);
    expect(() => assertBindAllowed('0.0.0.0', 'none')).toThrow(/WORKSPACES_EUC_HTTP_TOKEN.*--auth jwt/);
  });
  it('allows loopback without auth and any address with auth', () => {
    expect(() => assertBindAllowed('127.0.0.1', 'none')).not.toThrow();
    expect(() => assertBindAllowed('0.0.0.0', 'bearer')).not.toThrow();
    expect(() => assertBindAllowed('0.0.0.0', 'jwt')).not.toThrow();
  });
});

describe('resolveAllowedHostnames', () => {
  it('allows only localhost names on a loopback bind', () => {
    expect(resolveAllowedHostnames({ bindHost: '127.0.0.1' }).sort()).toEqual([
      '127.0.0.1',
      '[::1]',
      'localhost',
    ]);
  });
  it('allows the public URL host and the bind address elsewhere, plus --allowed-hosts', () => {
    const names = resolveAllowedHostnames({
      bindHost: '10.0.0.5',
      publicUrl: new URL('https://MCP.example.com/mcp'),
      extra: ['alt.example.com'],
    });
    expect(names.sort()).toEqual(['10.0.0.5', 'alt.example.com', 'mcp.example.com']);
  });
  it('brackets IPv6 the way the SDK allowlist expects', () => {
    expect(allowlistHostname('::1')).toBe('[::1]');
    expect(allowlistHostname('[FE80::1]')).toBe('[fe80::1]');
  });
});

describe('originAllowlistEntry', () => {
  it('reduces a full origin to its hostname and keeps scheme wildcards', () => {
    expect(originAllowlistEntry('https://app.example.com:8443')).toBe('app.example.com');
    expect(originAllowlistEntry('app.example.com')).toBe('app.example.com');
    expect(originAllowlistEntry('moz-extension://*')).toBe('moz-extension://*');
  });
});

describe('rebindingRefusal', () => {
  const request = (headers: Record<string, string>) => new Request('http://localhost/mcp', { headers });
  it('refuses a Host that is not allowed (a rebound DNS name) with 403', () => {
    expect(
      rebindingRefusal(request({ host: 'evil.example:8080' }), ['localhost'], ['localhost'])?.status,
    ).toBe(403);
  });
  it('refuses a browser Origin that is not allowed with 403', () => {
    const refused = rebindingRefusal(
      request({ host: 'localhost:8080', origin: 'https://evil.example' }),
      ['localhost'],
      ['localhost'],
    );
    expect(refused?.status).toBe(403);
  });
  it('lets an allowed Host with no Origin through', () => {
    expect(
      rebindingRefusal(request({ host: 'localhost:8080' }), ['localhost'], ['localhost']),
    ).toBeUndefined();
  });
});

describe('contentTypeRefusal', () => {
  it('answers 415 for a POST that is not JSON', () => {
    const post = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(contentTypeRefusal(post)?.status).toBe(415);
  });
  it('accepts JSON with parameters, and any GET', () => {
    const post = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(contentTypeRefusal(post)).toBeUndefined();
    expect(contentTypeRefusal(new Request('http://localhost/mcp'))).toBeUndefined();
  });
});
