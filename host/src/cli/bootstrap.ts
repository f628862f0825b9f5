import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAwsAccess, type TargetSettings } from '../aws/context.js';
import { createReauthAdvisor, findOnPath, launchDetached, ssoAutoLoginEnabled } from '../aws/sso.js';
import { hostPlugin } from '../builtin/index.js';
import { ConfigError, type LoadedConfig, loadConfig } from '../config/load.js';
import { createHost, type Host } from '../host.js';
import { createLogger } from '../logger.js';
import type { Limits, Tier } from '../plugin-api/types.js';
import { type ActionReferenceTable, preloadActionReferences } from '../registry/iam-reference.js';
import {
  type LoadedPlugin,
  loadPlugins,
  type NormalizedEntry,
  normalizeEntries,
} from '../registry/load-plugins.js';
import type { DemoEnvironment, DemoLoader } from './demo.js';
import { launchNotices } from './launch-notices.js';
import type { CliOptions } from './options.js';

/**
 * The folder of the package this module ships in: the host's (host/dist/cli/ → host/), or, bundled,
 * the distribution's (dist/ → the root package), whose version is then the one to report.
 */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const HOST_ROOT = packageRoot();

/** The host package version (or the bundled distribution's), for the MCP server info and the user agent. */
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
  /**
   * Plugins shipped as files of a bundled distribution, by package name: a config entry (or a
   * default) naming one loads that file, which shares the bundled host, instead of resolving the
   * package. It is still loaded and validated like any plugin.
   */
  readonly pluginModules?: Readonly<Record<string, string>>;
  /**
   * IAM reference entries computed when the distribution was built (those of its bundled plugins'
   * actions), so validating those plugins reads no reference data at start-up.
   */
  readonly iamReference?: ActionReferenceTable;
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

/**
 * Loads the plugins through the host's loader, an entry naming a bundled plugin by its file (an
 * absolute path), and hands back each plugin with the config entry as written.
 */
async function loadBundledOrResolved(
  entries: readonly NormalizedEntry[],
  baseDir: string,
  searchBases: readonly string[],
  pluginModules: Readonly<Record<string, string>>,
): Promise<LoadedPlugin[]> {
  const written = new Map<NormalizedEntry, NormalizedEntry>();
  const byFile = entries.map((entry) => {
    const file = Object.hasOwn(pluginModules, entry.specifier) ? pluginModules[entry.specifier] : undefined;
    if (file === undefined) return entry;
    const bundled = { ...entry, specifier: file };
    written.set(bundled, entry);
    return bundled;
  });
  const loaded = await loadPlugins(byFile, baseDir, searchBases);
  return loaded.map(({ plugin, entry }) => ({ plugin, entry: written.get(entry) ?? entry }));
}

/** Whether this launch is `serve --transport http`. */
export function servesHttp(options: Pick<CliOptions, 'command' | 'commandFlags'>): boolean {
  return options.command === 'serve' && options.commandFlags.transport === 'http';
}

/** Loads config and plugins, creates the AWS context and the host. */
export async function bootstrap(options: CliOptions, proc: ProcessEnvironment): Promise<Bootstrapped> {
  const log = createLogger({ level: options.logLevel, stderr: proc.stderr });
  const config = await loadConfig({ explicitPath: options.config, searchFrom: proc.cwd });
  // The host's own cross-service tools are always there; a config entry naming the host package
  // only narrows them (enabled: false, tools.allow/deny).
  const entries = normalizeEntries(config.config.plugins, proc.defaultPlugins ?? []);
  const hostEntry = entries.find((entry) => entry.specifier === hostPlugin.name) ?? {
    specifier: hostPlugin.name,
    enabled: true,
    options: {},
  };
  if (proc.iamReference) preloadActionReferences(proc.iamReference);
  const loaded = await loadBundledOrResolved(
    entries.filter((entry) => entry !== hostEntry),
    config.baseDir,
    [proc.cwd, ...proc.pluginSearchBases, HOST_ROOT],
    proc.pluginModules ?? {},
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
    // Never for a server others reach over HTTP: a remote caller must not open a browser sign-in
    // on the server's machine (its credentials come from a role there, not an SSO session).
    enabled: !demo && !servesHttp(options) && ssoAutoLoginEnabled(options.ssoAutoLogin, proc.env),
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
  for (const notice of launchNotices(host, options, limits.maxBulkTargets)) log[notice.level](notice.message);
  return {
    host,
    config,
    plugins,
    ...(demo ? { demoDescription: demo.description, demo } : {}),
    close: () => aws.destroy(),
  };
}
