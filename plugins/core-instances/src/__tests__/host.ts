import {
  createTestHost,
  type Estate,
  type EstateOptions,
  type FaultRule,
  type Simulator,
} from '@workspaces-euc-mcp/host/testing';
import { afterEach } from 'vitest';
import plugin from '../index.js';
import { consumerPlugin } from './consumer.js';

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

/** The host `createTestHost` builds. */
export type TestHost = Awaited<ReturnType<typeof createTestHost>>;

/**
 * A host built like the CLI builds it with this plugin, the host's inventory tools and the test
 * consumers of findings and idle contributions, serving `estate` (its now is the host's clock).
 */
export async function coreHost(
  estate: Estate | EstateOptions,
  options: { faults?: readonly FaultRule[] } = {},
): Promise<{ host: TestHost; simulator: Simulator }> {
  const host = await createTestHost({
    plugins: [plugin, consumerPlugin],
    hostTools: true,
    estate,
    simulator: options.faults ? { faults: options.faults } : {},
  });
  open.push(host.close);
  if (!host.simulator) throw new Error('createTestHost did not build a simulator for the estate.');
  return { host, simulator: host.simulator };
}

/** Invokes a tool and returns its structured result, failing the test when the call failed. */
export async function call<T>(host: TestHost, tool: string, input: Record<string, unknown>): Promise<T> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}

/** What the test consumers return. */
export interface Collected {
  items: Record<string, string | number | null>[];
  errors: { contributor: string; region: string; code: string; message: string }[];
}
