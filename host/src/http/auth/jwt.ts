import type { AuthInfo, OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

/** Clock skew tolerated between the issuer and this server when checking `exp`/`nbf`/`iat`. */
export const JWT_CLOCK_TOLERANCE_SECONDS = 30;

/** `--auth jwt`: tokens an OAuth authorization server signs, checked against its published keys. */
export interface JwtAuthConfig {
  readonly kind: 'jwt';
  /** `--jwt-issuer`: the exact `iss` every token must carry. */
  readonly issuer: string;
  /** `--jwt-audience`: the `aud` every token must name; defaults to the public URL of /mcp. */
  readonly audience?: string;
  /** `--jwt-jwks-url`; default from the issuer's OpenID configuration, else `${issuer}/.well-known/jwks.json`. */
  readonly jwksUrl?: string;
  /** Scopes every token must grant; a token missing one is refused with 403 insufficient_scope. */
  readonly requiredScopes?: readonly string[];
  /** The verification keys, for tests and runtimes that bundle them; replaces any JWKS fetch. */
  readonly keySet?: JWTVerifyGetKey;
}

/** Who the access log names for a verified token: the subject, else the OAuth client. */
export function principalOf(payload: JWTPayload): string {
  for (const claim of ['sub', 'client_id', 'azp'] as const) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'jwt';
}

/** The scopes a token grants: RFC 8693 `scope` (space-separated) or the common `scp` array. */
export function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter((scope) => scope !== '');
  if (Array.isArray(payload.scp))
    return payload.scp.filter((scope): scope is string => typeof scope === 'string');
  return [];
}

/** The JWKS URL an issuer publishes: OpenID discovery's `jwks_uri`, else the conventional path. */
export async function discoverJwksUrl(issuer: string, fetchImpl: typeof fetch = fetch): Promise<URL> {
  const base = issuer.replace(/\/+$/, '');
  const response = await fetchImpl(`${base}/.well-known/openid-configuration`, {
    headers: { accept: 'application/json' },
  });
  if (response.ok) {
    const configuration: unknown = await response.json();
    if (typeof configuration === 'object' && configuration !== null && 'jwks_uri' in configuration) {
      const jwksUri = configuration.jwks_uri;
      if (typeof jwksUri === 'string') return new URL(jwksUri);
    }
  }
  return new URL(`${base}/.well-known/jwks.json`);
}

/**
 * Whether the token is meant for this server: its `aud` names the audience, or, for a token
 * without `aud`, its `client_id` does. Amazon Cognito access tokens carry no `aud`; the app
 * client they were issued to is their `client_id`, so `--jwt-audience` is that app client's id.
 */
export function audienceMatches(payload: JWTPayload, audience: string): boolean {
  const { aud } = payload;
  if (aud === undefined) return payload.client_id === audience;
  return Array.isArray(aud) ? aud.includes(audience) : aud === audience;
}

/** Maps a jose failure to the OAuth answer: the token's fault is 401, ours (JWKS unreachable) is 500. */
export function oauthErrorFor(error: unknown): OAuthError {
  if (error instanceof errors.JWTExpired) {
    return new OAuthError(OAuthErrorCode.InvalidToken, 'The access token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new OAuthError(
      OAuthErrorCode.InvalidToken,
      `The access token's "${error.claim}" claim is not accepted here (${error.reason})`,
    );
  }
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError)
  ) {
    return new OAuthError(OAuthErrorCode.ServerError, 'Could not load the issuer signing keys');
  }
  return new OAuthError(
    OAuthErrorCode.InvalidToken,
    'The access token is not a valid JWT from the configured issuer',
  );
}

/**
 * A verifier for issuer-signed JWTs: signature against the issuer's keys, `iss` and `aud` exact,
 * `exp` required. The raw token is not kept in the returned `AuthInfo`.
 */
export function createJwtVerifier(
  config: JwtAuthConfig & { readonly audience: string },
  fetchImpl: typeof fetch = fetch,
): OAuthTokenVerifier {
  let keySet: Promise<JWTVerifyGetKey> | undefined = config.keySet
    ? Promise.resolve(config.keySet)
    : undefined;
  const resolveKeySet = (): Promise<JWTVerifyGetKey> => {
    if (!keySet) {
      const pending = (
        config.jwksUrl ? Promise.resolve(new URL(config.jwksUrl)) : discoverJwksUrl(config.issuer, fetchImpl)
      ).then((url) => createRemoteJWKSet(url));
      // A failed discovery is retried on the next request rather than cached forever.
      pending.catch(() => {
        keySet = undefined;
      });
      keySet = pending;
    }
    return keySet;
  };

  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      try {
        const { payload } = await jwtVerify(token, await resolveKeySet(), {
          issuer: config.issuer,
          requiredClaims: ['exp'],
          clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
        });
        if (!audienceMatches(payload, config.audience))
          throw new errors.JWTClaimValidationFailed(
            'unexpected "aud" claim value',
            payload,
            'aud',
            'check_failed',
          );
        const principal = principalOf(payload);
        return {
          token: '',
          clientId: principal,
          scopes: scopesOf(payload),
          ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
          extra: { principal },
        };
      } catch (error) {
        throw oauthErrorFor(error);
      }
    },
  };
}
