// The root distribution: the runtime host plus the first-party plugins it depends on. The host
// itself knows no plugin; this list is what a launch without a config file loads.
export const FIRST_PARTY_PLUGINS = [
  '@workspaces-euc-mcp/plugin-personal',
  '@workspaces-euc-mcp/plugin-pools',
  '@workspaces-euc-mcp/plugin-applications',
  '@workspaces-euc-mcp/plugin-secure-browser',
  '@workspaces-euc-mcp/plugin-core-instances',
  '@workspaces-euc-mcp/plugin-cost',
  '@workspaces-euc-mcp/plugin-audit',
];

/** A first-party plugin's file in the bundle: `@workspaces-euc-mcp/plugin-cost` → `plugins/cost.js`. */
export function bundledPluginFile(packageName) {
  return `plugins/${packageName.replace(/^@workspaces-euc-mcp\/plugin-/, '')}.js`;
}

/** `--demo`: the simulated estate, imported only when asked for, so a real launch never loads it. */
export async function loadDemo(options) {
  const { createDemoEnvironment } = await import('@workspaces-euc-mcp/simulator');
  return createDemoEnvironment(options);
}
