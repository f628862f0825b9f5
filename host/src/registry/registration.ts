import type { Tier, Tool } from '../plugin-api/types.js';
import type { LoadedPlugin } from './load-plugins.js';
import { PluginError } from './validate-plugin.js';

/** The launch flags that open tiers. */
export interface TierFlags {
  readonly enableWrites: boolean;
  readonly enableDestructive: boolean;
}

/** The highest tier the flags allow: 1 by default, 2 with --enable-writes, 3 with both. */
export function tierAllowedByFlags(flags: TierFlags): Tier {
  if (flags.enableDestructive && !flags.enableWrites)
    throw new Error('--enable-destructive requires --enable-writes.');
  if (flags.enableDestructive) return 3;
  if (flags.enableWrites) return 2;
  return 1;
}

/** Whether one tool is registered, and why not when it is not. */
export interface RegistrationDecision {
  readonly tool: Tool;
  readonly plugin: string;
  readonly registered: boolean;
  /** What keeps it out: the config's tool lists, the launch flags, or the config's maxTier. */
  readonly blockedBy: 'config' | 'flags' | 'maxTier' | null;
  readonly reason: string;
}

const FLAG_FOR_TIER: Readonly<Record<Tier, string>> = {
  0: '',
  1: '',
  2: '--enable-writes',
  3: '--enable-writes --enable-destructive',
};

/**
 * Decides registration: the plugin is loaded, the config allows the tool, and its tier is within
 * both the flags and the config's `maxTier`. The config can only narrow what the flags allow.
 */
export function decideRegistration(
  plugins: readonly LoadedPlugin[],
  flags: TierFlags,
  configMaxTier: Tier | undefined,
): RegistrationDecision[] {
  const flagTier = tierAllowedByFlags(flags);
  const decisions: RegistrationDecision[] = [];
  const owner = new Map<string, string>();
  for (const { plugin, entry } of plugins) {
    for (const name of [...(entry.allow ?? []), ...(entry.deny ?? [])])
      if (!plugin.tools.some((tool) => tool.name === name))
        throw new PluginError(
          `The config's tool list for plugin ${plugin.name} names ${name}, which that plugin does not have (it has: ${plugin.tools.map((t) => t.name).join(', ') || 'no tools'}).`,
        );
    for (const tool of plugin.tools) {
      const other = owner.get(tool.name);
      if (other)
        throw new PluginError(
          `Plugin ${plugin.name} declares tool ${tool.name}, which plugin ${other} already declares; tool names must be unique.`,
        );
      owner.set(tool.name, plugin.name);
      const decide = (
        blockedBy: RegistrationDecision['blockedBy'],
        reason: string,
      ): RegistrationDecision => ({
        tool,
        plugin: plugin.name,
        registered: blockedBy === null,
        blockedBy,
        reason,
      });
      if (entry.allow && !entry.allow.includes(tool.name))
        decisions.push(decide('config', 'not in the config allow list'));
      else if (entry.deny?.includes(tool.name)) decisions.push(decide('config', 'in the config deny list'));
      else if (configMaxTier !== undefined && tool.tier > configMaxTier)
        decisions.push(decide('maxTier', `tier ${tool.tier} is above the config maxTier ${configMaxTier}`));
      else if (tool.tier > flagTier)
        decisions.push(decide('flags', `tier ${tool.tier} needs ${FLAG_FOR_TIER[tool.tier]}`));
      else decisions.push(decide(null, 'registered'));
    }
  }
  return decisions;
}
