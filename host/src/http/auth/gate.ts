import type {
  AuthInfo,
  OAuthProtectedResourceMetadata,
  OAuthTokenVerifier,
} from '@modelcontextprotocol/server';
import {
  bearerAuthChallengeResponse,
  getOAuthProtectedResourceMetadataUrl,
  verifyBearerToken,
} from '@modelcontextprotocol/server';
import { HttpConfigError, isLoopbackHost } from '../guards.js';
import { createSharedTokenVerifier } from './bearer.js';
import type { JwtAuthConfig } from './jwt.js';
import { createJwtVerifier } from './jwt.js';

/** `--auth`: how `/mcp` callers prove who they are. */
export type HttpAuthConfig =
  /** No authentication: only allowed on a loopback bind. */
  | { readonly kind: 'none' }
  /** One shared secret (`WORKSPACES_EUC_HTTP_TOKEN`, >= 32 characters) sent as `Authorization: Bearer`. */
  | { readonly kind: 'bearer'; readonly token: string }
  | JwtAuthConfig;

/** Who a request is from: the verified token's `AuthInfo` (never the token) and its principal. */
export interface Authenticated {
  readonly authInfo: AuthInfo | undefined;
  readonly principal: string | undefined;
}

/** The auth step of the handler: the caller, or the refusal to send back. */
export interface AuthGate {
  authenticate(request: Request): Promise<Authenticated | Response>;
  /** The RFC 9728 document and the path it is served at; only for `--auth jwt`. */
  readonly protectedResource?: { readonly path: string; readonly metadata: OAuthProtectedResourceMetadata };
}

/**
 * The RFC 9728 Protected Resource Metadata for `--auth jwt`: tells an MCP client which
 * authorization server issues tokens for this resource. Built by hand rather than with the SDK's
 * `buildOAuthProtectedResourceMetadata`, which needs the authorization server's full RFC 8414
 * metadata although it only reads the issuer; we are a resource server and know only the issuer.
 */
export function protectedResourceMetadata(
  publicUrl: URL,
  issuer: string,
  scopes: readonly string[] | undefined,
): OAuthProtectedResourceMetadata {
  return {
    resource: publicUrl.href,
    authorization_servers: [issuer],
    bearer_methods_supported: ['header'],
    ...(scopes && scopes.length > 0 ? { scopes_supported: [...scopes] } : {}),
  };
}

/** Builds the auth step for a configuration; throws {@link HttpConfigError} on a bad one. */
export function createAuthGate(auth: HttpAuthConfig, publicUrl: URL | undefined): AuthGate {
  switch (auth.kind) {
    case 'none':
      return { authenticate: async () => ({ authInfo: undefined, principal: undefined }) };
    case 'bearer':
      return bearerGate(createSharedTokenVerifier(auth.token), undefined, undefined);
    case 'jwt': {
      assertTrustedUrl('--jwt-issuer', auth.issuer);
      if (auth.jwksUrl) assertTrustedUrl('--jwt-jwks-url', auth.jwksUrl);
      const audience = auth.audience ?? publicUrl?.href;
      if (!audience) {
        throw new HttpConfigError(
          '--auth jwt needs --jwt-audience or --public-url (the audience tokens must name).',
        );
      }
      if (!publicUrl) {
        return bearerGate(createJwtVerifier({ ...auth, audience }), auth.requiredScopes, undefined);
      }
      const metadataUrl = getOAuthProtectedResourceMetadataUrl(publicUrl);
      return {
        ...bearerGate(createJwtVerifier({ ...auth, audience }), auth.requiredScopes, metadataUrl),
        protectedResource: {
          path: new URL(metadataUrl).pathname,
          metadata: protectedResourceMetadata(publicUrl, auth.issuer, auth.requiredScopes),
        },
      };
    }
  }
}

/**
 * Signing keys fetched over plain HTTP could be swapped in transit, letting anyone mint tokens;
 * plain HTTP is accepted only on this machine (a local test issuer).
 */
function assertTrustedUrl(flag: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HttpConfigError(`${flag} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new HttpConfigError(`${flag} must be an https:// URL (plain http only on localhost), got ${value}`);
  }
}

function bearerGate(
  verifier: OAuthTokenVerifier,
  requiredScopes: readonly string[] | undefined,
  resourceMetadataUrl: string | undefined,
): AuthGate {
  const challenge = {
    ...(requiredScopes ? { requiredScopes: [...requiredScopes] } : {}),
    ...(resourceMetadataUrl ? { resourceMetadataUrl } : {}),
  };
  return {
    async authenticate(request) {
      try {
        const authInfo = await verifyBearerToken(request.headers.get('authorization'), {
          verifier,
          ...challenge,
        });
        return { authInfo, principal: authInfo.clientId };
      } catch (error) {
        return bearerAuthChallengeResponse(error, challenge);
      }
    },
  };
}
