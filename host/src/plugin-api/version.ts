/**
 * The plugin API version this host implements, `major.minor`. A minor release only adds to the
 * API (a new helper, a new optional field), so a plugin built for 1.0 runs on a 1.3 host; a major
 * release may break plugins. `host/api/` holds the report of the API's type surface: a change to
 * it must come with a new version here or a new entry in host/CHANGELOG.md (`npm run api:check`).
 */
export const PLUGIN_API_VERSION = '1.1';

/** The major part of {@link PLUGIN_API_VERSION}; a plugin for another major does not compile. */
export type PluginApiMajor = 1;

/** A plugin-API version a plugin can declare: this major, any minor (`'1.0'`, `'1.2'`). */
export type PluginApiVersion = `${PluginApiMajor}.${number}`;

/** Whether a host runs a plugin built for some API version, and if not what the user can do. */
export type ApiVersionVerdict =
  | { readonly compatible: true }
  | { readonly compatible: false; readonly advice: string };

const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

function parse(version: string): { major: number; minor: number } | undefined {
  const match = VERSION_PATTERN.exec(version);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/**
 * Judges a plugin's declared API version against the host's: compatible when the majors are
 * equal and the plugin's minor is at most the host's (it can only use what the host has).
 */
export function judgeApiVersion(declared: unknown, host: string = PLUGIN_API_VERSION): ApiVersionVerdict {
  const hostVersion = parse(host);
  if (!hostVersion) throw new Error(`The host's plugin API version "${host}" is not major.minor.`);
  const plugin = typeof declared === 'string' ? parse(declared) : undefined;
  if (!plugin)
    return {
      compatible: false,
      advice: `Declare the version the plugin is written for as a "major.minor" string, e.g. definePlugin({ apiVersion: '${host}', ... }).`,
    };
  if (plugin.major === hostVersion.major && plugin.minor <= hostVersion.minor) return { compatible: true };
  if (plugin.major < hostVersion.major)
    return {
      compatible: false,
      advice: `Upgrade the plugin to a release for plugin API ${hostVersion.major}.x, or run a host that implements plugin API ${plugin.major}.x.`,
    };
  return {
    compatible: false,
    advice: `Upgrade the host (the workspaces-euc-mcp package) to one that implements plugin API ${String(declared)} or later, or use a release of the plugin built for ${host}.`,
  };
}

/** The refusal message for a plugin the host cannot run: the plugin, its API version, the host's. */
export function apiVersionRefusal(
  pluginName: string,
  declared: unknown,
  host: string = PLUGIN_API_VERSION,
): string | undefined {
  const verdict = judgeApiVersion(declared, host);
  if (verdict.compatible) return undefined;
  const shown = typeof declared === 'string' ? declared : JSON.stringify(declared);
  const stated =
    declared === undefined ? 'declares no plugin API version' : `was built for plugin API ${shown}`;
  return `Plugin ${pluginName} ${stated}, but this host implements plugin API ${host}. ${verdict.advice}`;
}
