import type { Host } from '../host.js';
import { countOf } from './plural.js';

/** A line the launch logs about the write tiers it enabled. */
export interface LaunchNotice {
  readonly level: 'info' | 'warn';
  readonly message: string;
}

/**
 * What the write flags actually enabled, counted from the registered tools: a flag that registers
 * nothing (the config's maxTier or allow list keeps every such tool out) says so instead of
 * warning about tools that are not there.
 */
export function launchNotices(
  host: Pick<Host, 'registered' | 'decisions'>,
  flags: { readonly enableWrites: boolean; readonly enableDestructive: boolean },
  maxBulkTargets: number,
): LaunchNotice[] {
  const registeredOfTier = (tier: number) =>
    [...host.registered.values()].filter((t) => t.tool.tier === tier);
  const notices: LaunchNotice[] = [];
  const notRegistered = (tier: number) => {
    const reasons = new Set(
      host.decisions.filter((d) => d.tool.tier === tier && !d.registered).map((d) => d.reason),
    );
    return reasons.size > 0 ? [...reasons].join('; ') : `no loaded plugin has a tier ${tier} tool`;
  };
  if (flags.enableWrites) {
    const writes = registeredOfTier(2).length;
    notices.push(
      writes > 0
        ? {
            level: 'info',
            message: `${countOf(writes, 'write tool')} enabled; blast-radius cap ${countOf(maxBulkTargets, 'target')} per confirmed call`,
          }
        : { level: 'info', message: `--enable-writes registers no write tool: ${notRegistered(2)}` },
    );
  }
  if (flags.enableDestructive) {
    const destructive = registeredOfTier(3).map((t) => t.tool.name);
    notices.push(
      destructive.length > 0
        ? {
            level: 'warn',
            message: `${countOf(destructive.length, 'destructive tool')} enabled: ${destructive.join(', ')}`,
          }
        : {
            level: 'info',
            message: `--enable-destructive registers no destructive tool: ${notRegistered(3)}`,
          },
    );
  }
  return notices;
}
