import type { FlagDeclarations } from './options.js';
import { UsageError } from './options.js';

/** The environment variable holding the static bearer token of `serve --transport http`. */
export const HTTP_TOKEN_ENV = 'WORKSPACES_EUC_HTTP_TOKEN';
/** The shortest static token accepted: as long as a 256-bit random token in hex is half of. */
export const MIN_HTTP_TOKEN_LENGTH = 32;
const JWT_ENV = {
  issuer: 'WORKSPACES_EUC_JWT_ISSUER',
  audience: 'WORKSPACES_EUC_JWT_AUDIENCE',
  jwksUrl: 'WORKSPACES_EUC_JWT_JWKS_URL',
} as const;

/** `serve`'s own flags. */
export const SERVE_FLAGS: FlagDeclarations = {
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'allowed-hosts': { type: 'string' },
  'allowed-origins': { type: 'string' },
  'public-url': { type: 'string' },
  auth: { type: 'string' },
  'jwt-issuer': { type: 'string' },
  'jwt-audience': { type: 'string' },
  'jwt-jwks-url': { type: 'string' },
  'jwt-scopes': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'max-concurrent-calls': { type: 'string' },
  'call-timeout-seconds': { type: 'string' },
  'log-arguments': { type: 'boolean' },
};

/** How `serve --transport http` authenticates callers. */
export type HttpAuthSettings =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | {
      readonly kind: 'jwt';
      readonly issuer: string;
      /** Default: the --public-url. */
      readonly audience?: string;
      readonly jwksUrl?: URL;
      readonly requiredScopes: readonly string[];
    };

/** What `serve` was asked for. */
export type ServeSettings =
  | { readonly transport: 'stdio'; readonly callTimeoutMs?: number }
  | {
      readonly transport: 'http';
      readonly host: string;
      readonly port: number;
      readonly allowedHosts?: readonly string[];
      readonly allowedOrigins?: readonly string[];
      readonly publicUrl?: URL;
      readonly auth: HttpAuthSettings;
      readonly maxBodyBytes: number;
      readonly maxConcurrentCalls: number;
      readonly callTimeoutMs: number;
      readonly logArguments: boolean;
    };

type FlagValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
type Env = Readonly<Record<string, string | undefined>>;

const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxBodyBytes: 1024 * 1024,
  maxConcurrentCalls: 8,
  callTimeoutSeconds: 300,
} as const;

function text(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function whole(flags: FlagValues, name: string, min: number, max: number): number | undefined {
  const raw = text(flags, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

function list(flags: FlagValues, name: string): readonly string[] | undefined {
  const raw = text(flags, name);
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`--${name} needs at least one name, e.g. mcp.example.com.`);
  return items;
}

function url(name: string, raw: string | undefined): URL | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    return parsed;
  } catch {
    throw new UsageError(`--${name} must be an http(s) URL, got "${raw}".`);
  }
}

function authSettings(flags: FlagValues, env: Env): HttpAuthSettings {
  const issuer = text(flags, 'jwt-issuer') ?? env[JWT_ENV.issuer]?.trim();
  const token = env[HTTP_TOKEN_ENV];
  const mode = text(flags, 'auth') ?? (issuer ? 'jwt' : token ? 'bearer' : 'none');
  switch (mode) {
    case 'none':
      return { kind: 'none' };
    case 'bearer': {
      if (!token)
        throw new UsageError(
          `--auth bearer needs the token in ${HTTP_TOKEN_ENV} (never on the command line).`,
        );
      if (token.length < MIN_HTTP_TOKEN_LENGTH)
        throw new UsageError(
          `${HTTP_TOKEN_ENV} must be at least ${MIN_HTTP_TOKEN_LENGTH} characters; e.g. \`openssl rand -hex 32\`.`,
        );
      return { kind: 'bearer', token };
    }
    case 'jwt': {
      const audience = text(flags, 'jwt-audience') ?? env[JWT_ENV.audience]?.trim();
      if (!issuer) throw new UsageError(`--auth jwt needs --jwt-issuer (or ${JWT_ENV.issuer}).`);
      if (!audience && text(flags, 'public-url') === undefined)
        throw new UsageError(
          `--auth jwt needs --jwt-audience (or ${JWT_ENV.audience}), or --public-url to use as the audience.`,
        );
      url('jwt-issuer', issuer);
      const jwksUrl = url('jwt-jwks-url', text(flags, 'jwt-jwks-url') ?? env[JWT_ENV.jwksUrl]?.trim());
      return {
        kind: 'jwt',
        issuer,
        ...(audience ? { audience } : {}),
        ...(jwksUrl ? { jwksUrl } : {}),
        requiredScopes: list(flags, 'jwt-scopes') ?? [],
      };
    }
    default:
      throw new UsageError(`--auth must be none, bearer or jwt, got "${mode}".`);
  }
}

/**
 * `serve`'s flags and environment as settings, or a UsageError naming the bad flag. Only the
 * flags of the chosen transport are accepted: an HTTP flag on stdio is a mistake worth saying.
 */
export function serveSettings(flags: FlagValues, env: Env = process.env): ServeSettings {
  const transport = text(flags, 'transport') ?? 'stdio';
  const callTimeoutSeconds = whole(flags, 'call-timeout-seconds', 1, 24 * 3600);
  if (transport === 'stdio') {
    const httpOnly = Object.keys(SERVE_FLAGS).filter(
      (name) => name !== 'transport' && name !== 'call-timeout-seconds' && flags[name] !== undefined,
    );
    if (httpOnly.length > 0) throw new UsageError(`--${httpOnly[0]} applies to --transport http only.`);
    return {
      transport: 'stdio',
      ...(callTimeoutSeconds !== undefined ? { callTimeoutMs: callTimeoutSeconds * 1000 } : {}),
    };
  }
  if (transport !== 'http') throw new UsageError(`--transport must be stdio or http, got "${transport}".`);
  const allowedHosts = list(flags, 'allowed-hosts');
  const allowedOrigins = list(flags, 'allowed-origins');
  const publicUrl = url('public-url', text(flags, 'public-url'));
  return {
    transport: 'http',
    host: text(flags, 'host') ?? DEFAULTS.host,
    port: whole(flags, 'port', 0, 65_535) ?? DEFAULTS.port,
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    auth: authSettings(flags, env),
    maxBodyBytes: whole(flags, 'max-body-bytes', 1024, 64 * 1024 * 1024) ?? DEFAULTS.maxBodyBytes,
    maxConcurrentCalls: whole(flags, 'max-concurrent-calls', 1, 1024) ?? DEFAULTS.maxConcurrentCalls,
    callTimeoutMs: (callTimeoutSeconds ?? DEFAULTS.callTimeoutSeconds) * 1000,
    logArguments: flags['log-arguments'] === true,
  };
}
