import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthErrorCode } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestIssuer, type TestIssuer } from '../test-fixtures/jwt-issuer.js';
import { createJwtVerifier, discoverJwksUrl, principalOf, scopesOf } from './jwt.js';

const ISSUER = 'https://issuer.example.com';
const AUDIENCE = 'https://mcp.example.com/mcp';

describe('principalOf / scopesOf', () => {
  it('names the subject first, then the OAuth client', () => {
    expect(principalOf({ sub: 'alice', client_id: 'app' })).toBe('alice');
    expect(principalOf({ client_id: 'app', azp: 'other' })).toBe('app');
    expect(principalOf({ azp: 'other' })).toBe('other');
  });
  it('reads scopes from a space-separated scope or an scp array', () => {
    expect(scopesOf({ scope: 'mcp:read  mcp:write' })).toEqual(['mcp:read', 'mcp:write']);
    expect(scopesOf({ scp: ['mcp:read', 3] })).toEqual(['mcp:read']);
    expect(scopesOf({})).toEqual([]);
  });
});

/** A verifier for ISSUER's tokens with its keys in hand (no JWKS fetch). */
function localVerifier(issuer: TestIssuer, audience = AUDIENCE) {
  return createJwtVerifier({ kind: 'jwt', issuer: ISSUER, audience, keySet: issuer.keySet });
}

describe('createJwtVerifier', () => {
  it('accepts a token from the issuer for the audience, naming its subject and expiry', async () => {
    const issuer = await createTestIssuer(ISSUER, AUDIENCE);
    const verifier = localVerifier(issuer);
    const token = await issuer.sign({ sub: 'alice', scope: 'mcp' });
    const info = await verifier.verifyAccessToken(token);
    expect(info.clientId).toBe('alice');
    expect(info.scopes).toEqual(['mcp']);
    expect(info.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(JSON.stringify(info)).not.toContain(token);
  });

  it.each([
    ['an expired token', { expiresIn: '-1h' }, /expired/],
    ['a token for another audience', { audience: 'https://other.example.com/mcp' }, /"aud" claim/],
    ['a token from another issuer', { issuer: 'https://evil.example.com' }, /"iss" claim/],
  ])('refuses %s as invalid_token', async (_name, options, message) => {
    const issuer = await createTestIssuer(ISSUER, AUDIENCE);
    const verifier = localVerifier(issuer);
    const token = await issuer.sign({ sub: 'alice' }, options);
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({
      code: OAuthErrorCode.InvalidToken,
      message: expect.stringMatching(message),
    });
  });

  it('accepts an Amazon Cognito access token: no aud, its app client in client_id', async () => {
    const issuer = await createTestIssuer(ISSUER, AUDIENCE);
    const verifier = localVerifier(issuer, 'app-client-1');
    const cognito = await issuer.sign({ sub: 'alice', client_id: 'app-client-1' }, { audience: null });
    expect((await verifier.verifyAccessToken(cognito)).clientId).toBe('alice');
    const otherClient = await issuer.sign({ sub: 'alice', client_id: 'app-client-2' }, { audience: null });
    await expect(verifier.verifyAccessToken(otherClient)).rejects.toMatchObject({
      code: OAuthErrorCode.InvalidToken,
    });
    // With an aud, client_id does not stand in for it.
    const audElsewhere = await issuer.sign(
      { sub: 'alice', client_id: 'app-client-1' },
      { audience: 'other' },
    );
    await expect(verifier.verifyAccessToken(audElsewhere)).rejects.toMatchObject({
      code: OAuthErrorCode.InvalidToken,
    });
    const listed = await issuer.sign({ sub: 'alice' }, { audience: ['other', 'app-client-1'] });
    expect((await verifier.verifyAccessToken(listed)).clientId).toBe('alice');
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const issuer = await createTestIssuer(ISSUER, AUDIENCE);
    const impostor = await createTestIssuer(ISSUER, AUDIENCE);
    const verifier = localVerifier(issuer);
    await expect(verifier.verifyAccessToken(await impostor.sign({ sub: 'mallory' }))).rejects.toMatchObject({
      code: OAuthErrorCode.InvalidToken,
    });
  });
});

describe('JWKS discovery over HTTP', () => {
  const servers: { close: () => void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  /** A local issuer serving its OpenID configuration (when `withDiscovery`) and JWKS. */
  async function serveIssuer(withDiscovery: boolean) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const issuer = await createTestIssuer(base, AUDIENCE);
    server.on('request', (req, res) => {
      const documents: Record<string, unknown> = {
        ...(withDiscovery
          ? { '/.well-known/openid-configuration': { issuer: base, jwks_uri: `${base}/keys` } }
          : {}),
        [withDiscovery ? '/keys' : '/.well-known/jwks.json']: issuer.jwks,
      };
      const document = documents[req.url ?? ''];
      res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document ?? {}));
    });
    return { base, issuer };
  }

  it('finds jwks_uri in the OpenID configuration and verifies against it', async () => {
    const { base, issuer } = await serveIssuer(true);
    expect((await discoverJwksUrl(base)).href).toBe(`${base}/keys`);
    const verifier = createJwtVerifier({ kind: 'jwt', issuer: base, audience: AUDIENCE });
    expect((await verifier.verifyAccessToken(await issuer.sign({ sub: 'bob' }))).clientId).toBe('bob');
  });

  it('falls back to /.well-known/jwks.json when the issuer has no OpenID configuration', async () => {
    const { base, issuer } = await serveIssuer(false);
    expect((await discoverJwksUrl(base)).href).toBe(`${base}/.well-known/jwks.json`);
    const verifier = createJwtVerifier({ kind: 'jwt', issuer: base, audience: AUDIENCE });
    expect((await verifier.verifyAccessToken(await issuer.sign({ sub: 'carol' }))).clientId).toBe('carol');
  });

  it('answers server_error, not invalid_token, when the keys cannot be fetched', async () => {
    const issuer = await createTestIssuer(ISSUER, AUDIENCE);
    const unreachable = createJwtVerifier({
      kind: 'jwt',
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: 'http://127.0.0.1:1/keys',
    });
    await expect(unreachable.verifyAccessToken(await issuer.sign({ sub: 'x' }))).rejects.toMatchObject({
      code: OAuthErrorCode.ServerError,
    });
  });
});
