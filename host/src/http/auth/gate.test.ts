import { describe, expect, it } from 'vitest';
import { createAuthGate, protectedResourceMetadata } from './gate.js';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef';
const withAuth = (authorization?: string) =>
  new Request('http://localhost/mcp', authorization ? { headers: { authorization } } : {});

describe('createAuthGate', () => {
  it('lets every request through anonymously with --auth none', async () => {
    const gate = createAuthGate({ kind: 'none' }, undefined);
    expect(await gate.authenticate(withAuth())).toEqual({ authInfo: undefined, principal: undefined });
    expect(gate.protectedResource).toBeUndefined();
  });

  it('names the bearer-token principal for the shared token and refuses others with 401', async () => {
    const gate = createAuthGate({ kind: 'bearer', token: TOKEN }, undefined);
    expect(await gate.authenticate(withAuth(`Bearer ${TOKEN}`))).toMatchObject({ principal: 'bearer-token' });
    const refused = await gate.authenticate(withAuth('Bearer nope'));
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(401);
    // No authorization server stands behind a shared token, so no metadata is advertised.
    expect((refused as Response).headers.get('www-authenticate')).not.toContain('resource_metadata');
  });

  it('publishes the protected-resource document at the path derived from the public URL with --auth jwt', () => {
    const gate = createAuthGate(
      { kind: 'jwt', issuer: 'https://issuer.example.com' },
      new URL('https://mcp.example.com/mcp'),
    );
    expect(gate.protectedResource?.path).toBe('/.well-known/oauth-protected-resource/mcp');
  });

  it.each([
    [
      'a plain-http issuer off this machine',
      { issuer: 'http://issuer.example.com' },
      /--jwt-issuer must be an https/,
    ],
    [
      'a plain-http JWKS URL off this machine',
      { issuer: 'https://i.example.com', jwksUrl: 'http://i.example.com/k' },
      /--jwt-jwks-url/,
    ],
    ['an issuer that is not a URL', { issuer: 'issuer.example.com' }, /--jwt-issuer is not a URL/],
  ])('refuses %s at startup', (_name, config, message) => {
    expect(() =>
      createAuthGate({ kind: 'jwt', audience: 'https://mcp.example.com/mcp', ...config }, undefined),
    ).toThrow(message);
  });
});

describe('protectedResourceMetadata', () => {
  it('names this resource and the issuer as its authorization server', () => {
    expect(
      protectedResourceMetadata(new URL('https://mcp.example.com/mcp'), 'https://issuer.example.com', [
        'mcp',
      ]),
    ).toEqual({
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://issuer.example.com'],
      bearer_methods_supported: ['header'],
      scopes_supported: ['mcp'],
    });
  });
});
