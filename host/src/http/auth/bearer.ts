import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthInfo, OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import { HttpConfigError } from '../guards.js';

/** A shared secret shorter than this is guessable; `WORKSPACES_EUC_HTTP_TOKEN` must be at least this long. */
export const MIN_BEARER_TOKEN_LENGTH = 32;

/** The principal the access log names for a caller holding the shared bearer token. */
export const BEARER_PRINCIPAL = 'bearer-token';

/** How long one verification of the shared token counts as valid (the SDK requires an expiry). */
const STATIC_TOKEN_VALIDITY_SECONDS = 60;

/**
 * Whether two secrets are equal, in time independent of where they differ. Hashing first gives
 * both sides the same length, which `timingSafeEqual` requires, without leaking the length.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * A verifier for one shared token (`WORKSPACES_EUC_HTTP_TOKEN`). The token itself is not kept in
 * the returned `AuthInfo`, so no tool handler or log downstream can see it.
 */
export function createSharedTokenVerifier(
  expectedToken: string,
  now: () => number = Date.now,
): OAuthTokenVerifier {
  if (expectedToken.length < MIN_BEARER_TOKEN_LENGTH) {
    throw new HttpConfigError(
      `WORKSPACES_EUC_HTTP_TOKEN is ${expectedToken.length} characters; use at least ${MIN_BEARER_TOKEN_LENGTH} ` +
        '(e.g. `openssl rand -hex 32`).',
    );
  }
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      if (!secretsEqual(token, expectedToken)) {
        throw new OAuthError(
          OAuthErrorCode.InvalidToken,
          'The bearer token is not the one this server accepts',
        );
      }
      return {
        token: '',
        clientId: BEARER_PRINCIPAL,
        scopes: [],
        expiresAt: Math.floor(now() / 1000) + STATIC_TOKEN_VALIDITY_SECONDS,
        extra: { principal: BEARER_PRINCIPAL },
      };
    },
  };
}
