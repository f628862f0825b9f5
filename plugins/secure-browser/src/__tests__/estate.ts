import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

/**
 * One region, one account, six portals: one of each profile the simulated estate builds, in this
 * order (well configured, risky, incomplete, idle, partial, pending), plus one orphaned user
 * settings and one orphaned "pilot-anywhere" IP access settings resource.
 */
export function portalEstate(): Estate {
  return generateEstate({ seed: 5, desktops: 10, regions: ['us-east-1'], fleets: 0, portals: 6 });
}

/** A simulated portal of an estate. */
export type SimPortal = Estate['secureBrowser']['portals'][number];

/** The portal of `profile` in the estate (the six-portal estate has one of each). */
export function portalOf(estate: Estate, profile: SimPortal['profile']): SimPortal {
  const portal = estate.secureBrowser.portals.find((p) => p.profile === profile);
  if (!portal) throw new Error(`the test estate has no ${profile} portal`);
  return portal;
}

/**
 * Makes the `count` newest sessions of a portal live again (Active, no end time), as if their
 * users were still signed in at the estate's "now"; returns their ids, newest first. At 07:00
 * local time in us-east-1 the generated estate has nobody signed in yet.
 */
export function goLive(portal: SimPortal, count: number): string[] {
  const newest = portal.sessions.slice(-count).reverse();
  for (const session of newest) {
    session.status = 'Active';
    delete session.endTime;
  }
  return newest.map((s) => s.sessionId ?? '');
}
