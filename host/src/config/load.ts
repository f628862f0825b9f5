import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { type Config, ConfigSchema } from './schema.js';
import { formatProblems, validationProblems } from './validation.js';

/** The cosmiconfig module name: `workspaces-euc` key, `.workspaces-eucrc*`, `workspaces-euc.config.*`. */
export const CONFIG_MODULE_NAME = 'workspaces-euc';

/** A config that failed to load or validate; the message names the file, the path and the reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A loaded config and where it came from (plugin paths resolve relative to its directory). */
export interface LoadedConfig {
  readonly config: Config;
  /** The file it came from, or undefined when no config file exists (defaults). */
  readonly filepath: string | undefined;
  /** The directory relative plugin paths resolve from. */
  readonly baseDir: string;
}

/** Validates a parsed config object; throws ConfigError naming each bad path. */
export function parseConfig(raw: unknown, source: string): Config {
  const value = raw ?? {};
  const problems = validationProblems(ConfigSchema, value);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid config in ${source}:\n${formatProblems(problems)}`);
  }
  return value as Config;
}

/**
 * Finds and validates the config. `explicitPath` (--config) wins; otherwise cosmiconfig searches
 * from `searchFrom` upwards. No file means the defaults: every first-party plugin.
 */
export async function loadConfig(options: {
  explicitPath?: string;
  searchFrom: string;
}): Promise<LoadedConfig> {
  const explorer = cosmiconfig(CONFIG_MODULE_NAME, {
    searchStrategy: 'global',
    // An empty config file found by the search is reported (as empty: the defaults), not skipped
    // as if it were not there: the user made it, and should hear what it means.
    ignoreEmptySearchPlaces: false,
    searchPlaces: [
      'package.json',
      `.${CONFIG_MODULE_NAME}rc`,
      `.${CONFIG_MODULE_NAME}rc.json`,
      `.${CONFIG_MODULE_NAME}rc.yaml`,
      `.${CONFIG_MODULE_NAME}rc.yml`,
      `.${CONFIG_MODULE_NAME}rc.js`,
      `.${CONFIG_MODULE_NAME}rc.mjs`,
      `.${CONFIG_MODULE_NAME}rc.cjs`,
      `${CONFIG_MODULE_NAME}.config.js`,
      `${CONFIG_MODULE_NAME}.config.mjs`,
      `${CONFIG_MODULE_NAME}.config.cjs`,
      `${CONFIG_MODULE_NAME}.config.ts`,
    ],
  });
  let result: Awaited<ReturnType<typeof explorer.search>>;
  try {
    result = options.explicitPath
      ? await explorer.load(path.resolve(options.explicitPath))
      : await explorer.search(options.searchFrom);
  } catch (error) {
    const where = options.explicitPath ?? `the config found from ${options.searchFrom}`;
    throw new ConfigError(
      `Could not read ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!result || result.isEmpty) {
    if (options.explicitPath && !result)
      throw new ConfigError(`Config file not found: ${options.explicitPath}`);
    return { config: {}, filepath: result?.filepath, baseDir: options.searchFrom };
  }
  return {
    config: parseConfig(result.config, result.filepath),
    filepath: result.filepath,
    baseDir: path.dirname(result.filepath),
  };
}
