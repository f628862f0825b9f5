import {
  contributionProbe,
  createTestHost,
  type Estate,
  type EstateOptions,
  type FaultRule,
  generateEstate,
  type Simulator,
  type TestHost,
} from '@workspaces-euc-mcp/testing';
import { afterEach } from 'vitest';
import plugin from '../index.js';

export { invokeOk as call, type TestHost } from '@workspaces-euc-mcp/testing';

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

/**
 * One region, one account, six portals: one of each profile the simulated estate builds, in this
 * order (well configured, risky, incomplete, idle, partial, pending), plus one orphaned user
 * settings and one orphaned "pilot-anywhere" IP access settings resource.
 */
export function portalEstate(): Estate {
  return generateEstate({ seed: 5, desktops: 10, regions: ['us-east-1'], fleets: 0, portals: 6 });
}

/** A host with this plugin, the host's inventory tools and its contribution probe, over `estate`. */
export async function webHost(
  estate: Estate | EstateOptions,
  options: { readonly faults?: readonly FaultRule[] } = {},
): Promise<{ host: TestHost; simulator: Simulator }> {
  const host = await createTestHost({
    plugins: [plugin, contributionProbe],
    hostTools: true,
    estate,
    ...(options.faults ? { simulator: { faults: options.faults } } : {}),
  });
  open.push(host.close);
  return { host, simulator: host.simulator };
}
