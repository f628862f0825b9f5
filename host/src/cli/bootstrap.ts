import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAwsAccess, type TargetSettings } from '../aws/context.js';
import { createReauthAdvisor, findOnPath, launchDetached, ssoAutoLoginEnabled } from '../aws/sso.js';
import { hostPlugin } from '../builtin/index.js';
import { ConfigError, type LoadedConfig, loadConfig } from '../config/load.js';
import { createHost, type Host } from '../host.js';
import { createLogger, type LogSink } from '../logger.js';
import type { Limits, Tier } from '../plugin-api/types.js';
import { type LoadedPlugin, loadPlugins, normalizeEntries } from '../registry/load-plugins.js';
import type { DemoEnvironment, DemoLoader } from './demo.js';
import type { CliOptions } from './options.js';

const HOST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The host package version, for the MCP server info and the user agent. */
export function hostVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(HOST_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** Where the process runs: injectable so tests do not depend on the real cwd or env. */
export interface ProcessEnvironment {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Extra folders to resolve plugin packages from (the installed distribution's root). */
  readonly pluginSearchBases: readonly string[];
  readonly stderr: (line: string) => void;
  /** The plugins loaded when the config lists none (the distribution's first-party plugins). */
  readonly defaultPlugins?: readonly string[];
  /**
   * Builds the `--demo` estate. The distribution passes a dynamic import of the simulator, so
   * the runtime host never loads (or ships) it; without one, `--demo` is refused.
   */
  readonly loadDemo?: DemoLoader;
}

/** Where the CLI writes: stdout for results (or the MCP protocol), stderr for everything else. */
export interface CliIo extends ProcessEnvironment {
  readonly stdout: (text: string) => void;
}

/** A running host and what built it. */
export interface Bootstrapped {
  readonly host: Host;
  readonly config: LoadedConfig;
  readonly plugins: readonly LoadedPlugin[];
  readonly logSinks: LogSink[];
  readonly demoDescription?: string;
  /** The --demo environment, when running on the simulated estate. */
  readonly demo?: DemoEnvironment;
  close(): void;
}

const DEFAULT_LIMITS = { maxBulkTargets: 25, concurrency: 8, pageSize: 50, maxAttempts: 8 } as const;

async function profileRegion(
  profile: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
    const files = await loadSharedConfigFiles();
    return files.configFile[profile ?? env.AWS_PROFILE ?? 'default']?.region;
  } catch {
    return undefined;
  }
}

/** Flags apply to config targets that do not say otherwise; with no config targets they make one. */
function mergeTargets(options: CliOptions, configured: readonly TargetSettings[]): TargetSettings[] {
  const fromFlags: TargetSettings = {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.assumeRoleArn ? { roleArn: options.assumeRoleArn } : {}),
    ...(options.externalId ? { externalId: options.externalId } : {}),
  };
  if (configured.length === 0) return [fromFlags];
  return configured.map((target) => ({ ...fromFlags, ...target }));
}

async function demoEnvironment(
  loadDemo: DemoLoader | undefined,
  options: Parameters<DemoLoader>[0],
): Promise<DemoEnvironment> {
  if (!loadDemo)
    throw new ConfigError(
      '--demo needs the simulated estate, which this build of the host does not include; run the workspaces-euc-mcp distribution (bin/workspaces-euc-mcp.js) instead.',
    );
  return loadDemo(options);
}

/** Loads config and plugins, creates the AWS context and the host. */
export async function bootstrap(options: CliOptions, proc: ProcessEnvironment): Promise<Bootstrapped> {
  const logSinks: LogSink[] = [];
  const log = createLogger({ level: options.logLevel, stderr: proc.stderr, sinks: logSinks });
  const config = await loadConfig({ explicitPath: options.config, searchFrom: proc.cwd });
  // The host's own cross-service tools are always there; a config entry naming the host package
  // only narrows them (enabled: false, tools.allow/deny).
  const entries = normalizeEntries(config.config.plugins, proc.defaultPlugins ?? []);
  const hostEntry = entries.find((entry) => entry.specifier === hostPlugin.name) ?? {
    specifier: hostPlugin.name,
    enabled: true,
    options: {},
  };
  const loaded = await loadPlugins(
    entries.filter((entry) => entry !== hostEntry),
    config.baseDir,
    [proc.cwd, ...proc.pluginSearchBases, HOST_ROOT],
  );
  const plugins: LoadedPlugin[] = hostEntry.enabled
    ? [{ plugin: hostPlugin, entry: hostEntry }, ...loaded]
    : loaded;
  const configLimits = config.config.limits ?? {};
  // The flag and the config can each lower the cap; neither can raise it past the other.
  const capCandidates = [options.maxBulkTargets, configLimits.maxBulkTargets].filter(
    (v): v is number => v !== undefined,
  );
  const limits: Limits = {
    maxBulkTargets: capCandidates.length > 0 ? Math.min(...capCandidates) : DEFAULT_LIMITS.maxBulkTargets,
    concurrency: configLimits.concurrency ?? DEFAULT_LIMITS.concurrency,
    pageSize: configLimits.pageSize ?? DEFAULT_LIMITS.pageSize,
  };
  const version = hostVersion();
  // Loaded only for --demo: a real launch never builds an estate.
  const demo: DemoEnvironment | undefined = options.demo
    ? await demoEnvironment(proc.loadDemo, {
        size: options.demoSize,
        seed: options.demoSeed,
      })
    : undefined;
  const targets: TargetSettings[] = demo
    ? demo.accounts.map((account) => ({ account, regions: demo?.regions ?? [] }))
    : mergeTargets(options, config.config.targets ?? []);
  const defaultRegion =
    options.region ??
    targets[0]?.regions?.[0] ??
    proc.env.AWS_REGION ??
    proc.env.AWS_DEFAULT_REGION ??
    (await profileRegion(options.profile, proc.env)) ??
    'us-east-1';
  const aws = createAwsAccess({
    defaultRegion,
    targets,
    maxAttempts: configLimits.maxAttempts ?? DEFAULT_LIMITS.maxAttempts,
    userAgent: `workspaces-euc-mcp/${version}`,
    ...(demo ? { credentials: demo.credentials, clientHook: demo.clientHook } : {}),
  });
  const reauthenticate = createReauthAdvisor({
    enabled: !demo && ssoAutoLoginEnabled(options.ssoAutoLogin, proc.env),
    profile: options.profile ?? proc.env.AWS_PROFILE,
    now: () => Date.now(),
    findAwsCli: () => findOnPath('aws', proc.env),
    launch: (cli, args) => {
      log.info('opening AWS SSO sign-in', { command: `aws ${args.join(' ')}` });
      launchDetached(cli, args);
    },
  });
  const demoNow = demo?.now;
  const host = createHost({
    plugins,
    flags: { enableWrites: options.enableWrites, enableDestructive: options.enableDestructive },
    configMaxTier: config.config.maxTier as Tier | undefined, // the schema bounds it to 0..3
    aws,
    limits,
    log,
    reauthenticate,
    trace: options.trace,
    ...(config.config.snapshot ? { snapshot: config.config.snapshot } : {}),
    ...(demoNow
      ? { now: () => new Date(demoNow.getTime()), resultNote: `Demo data: ${demo?.description ?? ''}` }
      : {}),
  });
  if (options.enableWrites)
    log.info(`write tools enabled; blast-radius cap ${limits.maxBulkTargets} targets per confirmed call`);
  if (options.enableDestructive) log.warn('destructive tools enabled (terminate/rebuild/restore)');
  return {
    host,
    config,
    plugins,
    logSinks,
    ...(demo ? { demoDescription: demo.description, demo } : {}),
    close: () => aws.destroy(),
  };
}
