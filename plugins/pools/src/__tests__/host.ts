import {
  contributionProbe,
  createTestHost,
  type Estate,
  type EstateOptions,
  type FaultRule,
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
 * A host built like the CLI builds it with this plugin, the host's inventory tools and the
 * host's contribution probe (collect_test_findings, collect_test_idle), serving `estate` (its now
 * is the host's clock).
 */
export async function poolsHost(
  estate: Estate | EstateOptions,
  options: { faults?: readonly FaultRule[] } = {},
): Promise<{ host: TestHost; simulator: Simulator }> {
  const host = await createTestHost({
    plugins: [plugin, contributionProbe],
    hostTools: true,
    estate,
    simulator: options.faults ? { faults: options.faults } : {},
  });
  open.push(host.close);
  return { host, simulator: host.simulator };
}
