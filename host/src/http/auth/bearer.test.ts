import { OAuthError } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { HttpConfigError } from '../guards.js';
import { BEARER_PRINCIPAL, createSharedTokenVerifier, secretsEqual } from './bearer.js';

const TOKEN = 'a'.repeat(16) + 'b'.repeat(16);

describe('secretsEqual', () => {
  it('is true only for the identical secret, whatever the lengths', () => {
    expect(secretsEqual(TOKEN, TOKEN)).toBe(true);
    expect(secretsEqual(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(secretsEqual('', TOKEN)).toBe(false);
    expect(secretsEqual(TOKEN.replace(/b$/, 'c'), TOKEN)).toBe(false);
  });
});

describe('createSharedTokenVerifier', () => {
  it('refuses a token shorter than 32 characters at startup, naming the variable', () => {
    expect(() => createSharedTokenVerifier('short')).toThrow(HttpConfigError);
    expect(() => createSharedTokenVerifier('short')).toThrow(/WORKSPACES_EUC_HTTP_TOKEN is 5 characters/);
  });
  it('accepts the configured token as the bearer-token principal without keeping the token', async () => {
    const verifier = createSharedTokenVerifier(TOKEN, () => 1_000_000);
    const info = await verifier.verifyAccessToken(TOKEN);
    expect(info.clientId).toBe(BEARER_PRINCIPAL);
    expect(info.expiresAt).toBe(1_060);
    expect(JSON.stringify(info)).not.toContain(TOKEN);
  });
  it('throws an invalid_token OAuthError for any other token', async () => {
    const verifier = createSharedTokenVerifier(TOKEN);
    await expect(verifier.verifyAccessToken('b'.repeat(32))).rejects.toBeInstanceOf(OAuthError);
  });
});
