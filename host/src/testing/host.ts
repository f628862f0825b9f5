import { type AwsSettings, createAwsAccess, type TargetSettings } from '../aws/context.js';
import { hostPlugin } from '../builtin/index.js';
import { createHost, type Host } from '../host.js';
import { createLogger, type LogLevel } from '../logger.js';
import type { Limits, Plugin } from '../plugin-api/types.js';
import { validatePlugin } from '../registry/validate-plugin.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator/engine.js';
import { type Estate, generateEstate } from '../simulator/estate.js';
import type { EstateOptions } from '../simulator/model.js';

/** Options for a host built in a test: real plugins, a fake AWS behind the SDK clients. */
export interface TestHostOptions {
  readonly plugins: readonly Plugin[];
  readonly enableWrites?: boolean;
  readonly enableDestructive?: boolean;
  readonly limits?: Partial<Limits>;
  /** The fake AWS: a client hook that answers requests (the simulated estate) and fake credentials. */
  readonly aws?: {
    readonly clientHook?: AwsSettings['clientHook'];
    readonly credentials?: AwsSettings['credentials'];
    readonly defaultRegion?: string;
    readonly targets?: readonly TargetSettings[];
  };
  /**
   * Serve a simulated estate: an `Estate` (generated, maybe edited by the test) or the options to
   * generate one. Sets the fake AWS, the targets (the estate's accounts and regions) and the clock
   * (the estate's now) unless `aws`/`now` say otherwise.
   */
  readonly estate?: Estate | EstateOptions;
  /** Latency, throttling and fault injection for the simulated estate. */
  readonly simulator?: SimulatorOptions;
  /** The clock tools see. */
  readonly now?: Date;
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly logLevel?: LogLevel;
  /** Also register the host's cross-service tools (inventory summary and report). Default false. */
  readonly hostTools?: boolean;
}

const FAKE_CREDENTIALS = async () => ({
  accessKeyId: 'AKIATESTTESTTESTTEST',
  secretAccessKey: 'test-secret',
});

/** A host built for a test: `close()` releases its clients; `simulator` is set when it serves an estate. */
export type TestHost = Host & { close(): void; logs: string[]; simulator?: Simulator };

/**
 * Builds a host exactly as the CLI would (plugins validated, registration decided, gates on),
 * for plugin tests. Never reaches real AWS: without a client hook every request fails fast
 * because the credentials are fake and retries are off.
 */
export async function createTestHost(
  options: TestHostOptions & { readonly estate: Estate | EstateOptions },
): Promise<TestHost & { simulator: Simulator }>;
export async function createTestHost(options: TestHostOptions): Promise<TestHost>;
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const plugins = await Promise.all(
    [...(options.hostTools ? [hostPlugin] : []), ...options.plugins].map((plugin) =>
      validatePlugin(plugin, plugin.name),
    ),
  );
  const logs: string[] = [];
  const estate = options.estate
    ? 'settings' in options.estate
      ? options.estate
      : generateEstate(options.estate)
    : undefined;
  const simulator = estate ? createSimulator(estate, options.simulator) : undefined;
  const estateTargets = estate?.settings.accounts.map((account) => ({
    account,
    regions: estate.settings.regions,
  }));
  const clientHook = options.aws?.clientHook ?? simulator?.clientHook;
  const aws = createAwsAccess({
    defaultRegion: options.aws?.defaultRegion ?? estate?.settings.regions[0] ?? 'us-east-1',
    targets: options.aws?.targets ?? estateTargets ?? [],
    maxAttempts: 3,
    userAgent: 'workspaces-euc-mcp/test',
    credentials: options.aws?.credentials ?? simulator?.credentials ?? FAKE_CREDENTIALS,
    ...(clientHook ? { clientHook } : {}),
  });
  const now = options.now ?? estate?.settings.now;
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
    ...(now ? { now: () => new Date(now.getTime()) } : {}),
  });
  return Object.assign(host, { close: () => aws.destroy(), logs, ...(simulator ? { simulator } : {}) });
}

/**
 * Invokes a tool through the host and returns its structured result; a failed call throws with
 * the tool's own text, so the test fails saying why.
 */
export async function invokeOk<T = Record<string, unknown>>(
  host: Host,
  tool: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}
