import {
  createTestHost,
  type Estate,
  type EstateOptions,
  type FaultRule,
  generateEstate,
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
 * One region, one account, six portals: one of each profile the simulated estate builds, in this
 * order (well configured, risky, incomplete, idle, partial, pending), plus one orphaned user
 * settings and one orphaned "pilot-anywhere" IP access settings resource.
 */
export function portalEstate(): Estate {
  return generateEstate({ seed: 5, desktops: 10, regions: ['us-east-1'], fleets: 0, portals: 6 });
}

/** A host with this plugin, the host's inventory tools and the test consumers, over `estate`. */
export async function webHost(
  estate: Estate | EstateOptions,
  options: { readonly faults?: readonly FaultRule[] } = {},
): Promise<{ host: TestHost; simulator: Simulator }> {
  const host = await createTestHost({
    plugins: [plugin, consumerPlugin],
    hostTools: true,
    estate,
    ...(options.faults ? { simulator: { faults: options.faults } } : {}),
  });
  open.push(host.close);
  const simulator = host.simulator;
  if (!simulator) throw new Error('createTestHost did not build a simulator for the estate.');
  return { host, simulator };
}

/** Invokes a tool and returns its structured result, failing the test when the call failed. */
export async function call<T>(host: TestHost, tool: string, input: Record<string, unknown> = {}): Promise<T> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}

/** The shapes the tests read. */
export interface CollectedFindings {
  findings: { contributor: string; checkId: string; resourceId: string; severity: string; detail: string }[];
  errors: { contributor: string; code: string; message: string }[];
}
export interface CollectedIdle {
  idle: {
    contributor: string;
    id: string;
    resourceType: string;
    reason: string;
    idleDays: number | null;
    monthlyCostUsd?: number;
  }[];
  errors: { contributor: string; code: string; message: string }[];
}
