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
 * One region, one account, 9 fleets: every fleet scenario of the simulated estate (exhausted,
 * below desired, idle, elastic, multi-session, stopped, on demand, role missing, starting).
 */
export function fleetEstate(): Estate {
  return generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1'], fleets: 9, portals: 0 });
}

/** A host with this plugin, the host's inventory tools and its contribution probe, over `estate`. */
export async function appsHost(
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
