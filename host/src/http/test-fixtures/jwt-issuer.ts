import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';

/** An issuer's key pair for tests: signs tokens, and publishes the matching JWKS. */
export interface TestIssuer {
  readonly issuer: string;
  readonly jwks: { keys: Record<string, unknown>[] };
  readonly keySet: JWTVerifyGetKey;
  sign(
    claims: JWTPayload,
    options?: { expiresIn?: string | number; issuer?: string; audience?: string | string[] | null },
  ): Promise<string>;
}

/** A fresh ES256 issuer; `audience` is the default `aud` of the tokens it signs (`null`: none). */
export async function createTestIssuer(issuer: string, audience: string): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const jwks = { keys: [jwk] };
  return {
    issuer,
    jwks,
    keySet: createLocalJWKSet(jwks),
    sign: (claims, options = {}) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(options.issuer ?? issuer)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m');
      const aud = options.audience === undefined ? audience : options.audience;
      return (aud === null ? jwt : jwt.setAudience(aud)).sign(privateKey);
    },
  };
}
