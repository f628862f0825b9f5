import { type AwsSettings, createAwsAccess, type TargetSettings } from './aws/context.js';
import { hostPlugin } from './builtin/index.js';
import type { PlanKeySettings } from './gates/plan-key.js';
import { createHost, type Host } from './host.js';
import { createLogger, type LogLevel } from './logger.js';
import type { Limits, Plugin } from './plugin-api/types.js';
import { validatePlugin } from './registry/validate-plugin.js';
import type { PacingClock } from './shared-state/rate-limiter.js';

/** A host over plugin objects (not config entries): what test kits and embedders build on. */
export interface AssembleOptions {
  readonly plugins: readonly Plugin[];
  readonly enableWrites?: boolean;
  readonly enableDestructive?: boolean;
  readonly limits?: Partial<Limits>;
  readonly aws: {
    /** Default `us-east-1`. */
    readonly defaultRegion?: string;
    /** Default: one target, the caller's account in the default region. */
    readonly targets?: readonly TargetSettings[];
    readonly clientHook?: AwsSettings['clientHook'];
    readonly credentials?: AwsSettings['credentials'];
    /** Attempts per request; default 3. */
    readonly maxAttempts?: number;
    readonly retryStrategy?: AwsSettings['retryStrategy'];
  };
  /** The clock tools see: a fixed instant, or a function for a clock a test moves. */
  readonly now?: Date | (() => Date);
  /** The clock `ctx.rateLimit` waits on (tests: a fake one, so nothing sleeps). */
  readonly pacing?: PacingClock;
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly logLevel?: LogLevel;
  /** Also register the host's cross-service tools (inventory summary and report). Default false. */
  readonly hostTools?: boolean;
  /** The estate snapshot behind `listOnce`, as the config's `snapshot`; default TTL 300 s, 0 off. */
  readonly snapshot?: { readonly ttlSeconds?: number };
  /** Where the key that signs write planIds comes from (tests: a temporary state folder). */
  readonly plans?: PlanKeySettings;
}

/** An assembled host: `close()` releases its clients; `logs` holds what it logged. */
export type AssembledHost = Host & { close(): void; readonly logs: string[] };

/**
 * Builds a host as the CLI would (plugins validated, registration decided, gates on) from plugin
 * objects and an AWS setting, without a config file.
 */
export async function assembleHost(options: AssembleOptions): Promise<AssembledHost> {
  const plugins = await Promise.all(
    [...(options.hostTools ? [hostPlugin] : []), ...options.plugins].map((plugin) =>
      validatePlugin(plugin, plugin.name),
    ),
  );
  const logs: string[] = [];
  const { clientHook, credentials, retryStrategy } = options.aws;
  const aws = createAwsAccess({
    defaultRegion: options.aws.defaultRegion ?? 'us-east-1',
    targets: options.aws.targets ?? [],
    maxAttempts: options.aws.maxAttempts ?? 3,
    userAgent: 'workspaces-euc-mcp/test',
    ...(credentials ? { credentials } : {}),
    ...(clientHook ? { clientHook } : {}),
    ...(retryStrategy ? { retryStrategy } : {}),
  });
  const now = options.now;
  const host = createHost({
    plugins: plugins.map((plugin) => ({
      plugin,
      entry: { specifier: plugin.name, enabled: true, options: options.pluginOptions?.[plugin.name] ?? {} },
    })),
    flags: {
      enableWrites: options.enableWrites ?? false,
      enableDestructive: options.enableDestructive ?? false,
    },
    aws,
    limits: { maxBulkTargets: 25, concurrency: 4, pageSize: 50, ...options.limits },
    log: createLogger({ level: options.logLevel ?? 'warn', stderr: (line) => logs.push(line) }),
    ...(now ? { now: typeof now === 'function' ? now : () => new Date(now.getTime()) } : {}),
    ...(options.pacing ? { pacing: options.pacing } : {}),
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.plans ? { plans: options.plans } : {}),
  });
  return Object.assign(host, { close: () => aws.destroy(), logs });
}
