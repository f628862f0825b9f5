import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginEntry } from '../config/schema.js';
import type { Plugin } from '../plugin-api/types.js';
import { apiVersionRefusal } from '../plugin-api/version.js';
import { PluginError, validatePlugin } from './validate-plugin.js';

/** A config entry in its long form. */
export interface NormalizedEntry {
  readonly specifier: string;
  readonly enabled: boolean;
  readonly options: Readonly<Record<string, unknown>>;
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
}

/** A plugin as loaded, with the config entry that asked for it. */
export interface LoadedPlugin {
  readonly plugin: Plugin;
  readonly entry: NormalizedEntry;
}

/**
 * Expands the string shorthand. No plugins listed means the distribution's defaults (the root
 * package's first-party plugins; the bare host has none).
 */
export function normalizeEntries(
  entries: readonly PluginEntry[] | undefined,
  defaults: readonly string[],
): NormalizedEntry[] {
  const list = entries ?? defaults;
  return list.map((entry) =>
    typeof entry === 'string'
      ? { specifier: entry, enabled: true, options: {} }
      : {
          specifier: entry.name,
          enabled: entry.enabled ?? true,
          options: entry.options ?? {},
          allow: entry.tools?.allow,
          deny: entry.tools?.deny,
        },
  );
}

function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

/**
 * Resolves a plugin specifier to a module URL. Paths resolve against the config file's folder;
 * package names against each of `searchBases` in turn (the config folder, the working directory,
 * the installed distribution), so a third-party package loads exactly like a first-party one.
 */
export function resolvePluginModule(
  specifier: string,
  baseDir: string,
  searchBases: readonly string[],
): string {
  if (isPathSpecifier(specifier)) return pathToFileURL(path.resolve(baseDir, specifier)).href;
  const tried: string[] = [];
  for (const base of new Set([baseDir, ...searchBases])) {
    try {
      const require = createRequire(path.join(base, 'noop.js'));
      return pathToFileURL(require.resolve(specifier)).href;
    } catch {
      tried.push(base);
    }
  }
  throw new PluginError(
    `Plugin ${specifier} could not be found (looked from ${tried.join(', ')}). Install it (npm i ${specifier}) next to your config file, or list it by path.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks the plugin API version a loaded plugin declares (see `judgeApiVersion`) and refuses an
 * incompatible one naming the plugin, its version and the host's, before anything else is read
 * from it. (Validation checks it again, for plugins handed to the host directly.)
 */
function onThisHostsApi(candidate: unknown, specifier: string): unknown {
  if (!isRecord(candidate)) return candidate;
  const name = typeof candidate.name === 'string' && candidate.name !== '' ? candidate.name : specifier;
  const refusal = apiVersionRefusal(name, candidate.apiVersion);
  if (refusal) throw new PluginError(refusal);
  return candidate;
}

/**
 * Imports and validates each enabled plugin. A module's default export (or its `plugin` export)
 * is a plugin object, or a factory that takes the entry's options and returns one.
 */
export async function loadPlugins(
  entries: readonly NormalizedEntry[],
  baseDir: string,
  searchBases: readonly string[],
): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  const byName = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.enabled) continue;
    const url = resolvePluginModule(entry.specifier, baseDir, searchBases);
    let moduleExports: unknown;
    try {
      moduleExports = await import(url);
    } catch (error) {
      throw new PluginError(
        `Plugin ${entry.specifier} failed to load: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const exported = isRecord(moduleExports) ? (moduleExports.default ?? moduleExports.plugin) : undefined;
    const candidate: unknown = typeof exported === 'function' ? await exported(entry.options) : exported;
    const plugin = await validatePlugin(onThisHostsApi(candidate, entry.specifier), entry.specifier);
    const previous = byName.get(plugin.name);
    if (previous)
      throw new PluginError(`Plugin ${plugin.name} is listed twice (${previous} and ${entry.specifier}).`);
    byName.set(plugin.name, entry.specifier);
    loaded.push({ plugin, entry });
  }
  return loaded;
}
