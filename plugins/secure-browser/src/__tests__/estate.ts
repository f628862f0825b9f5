import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

/**
 * One region, one account, six portals: one of each profile the simulated estate builds, in this
 * order (well configured, risky, incomplete, idle, partial, pending), plus one orphaned user
 * settings and one orphaned "pilot-anywhere" IP access settings resource.
 */
export function portalEstate(): Estate {
  return generateEstate({ seed: 5, desktops: 10, regions: ['us-east-1'], fleets: 0, portals: 6 });
}
