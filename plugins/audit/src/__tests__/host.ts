/**
 * Hosts for the audit plugin's tests: the plugin (with an injectable LookupEvents pacer) over a
 * simulated estate, optionally with the host's cross-service tools and the first-party personal
 * and cost plugins as fixtures. Plugins never import each other in src; these come from their
 * built output, so `npm run build` (or nx) must have built them first.
 */
import type { Plugin } from '@workspaces-euc-mcp/host';
import costPlugin from '@workspaces-euc-mcp/plugin-cost';
import personalPlugin from '@workspaces-euc-mcp/plugin-personal';
import {
  createTestHost,
  type Estate,
  type EstateOptions,
  generateEstate,
  type SimulatorOptions,
  type TestHost,
} from '@workspaces-euc-mcp/testing';
import { afterEach } from 'vitest';
import { createAuditPlugin } from '../index.js';
import { createPacer, type Pacer } from '../pacer.js';
import { type FakeClock, fakeClock } from './fake-clock.js';

export { invokeOk as call, type TestHost } from '@workspaces-euc-mcp/testing';
export { costPlugin, personalPlugin };

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

const estates = new Map<string, Estate>();

/** A generated estate, cached per options: generation takes a while and tests only read it. */
export function sharedEstate(options: EstateOptions): Estate {
  const key = JSON.stringify(options);
  let estate = estates.get(key);
  if (!estate) {
    estate = generateEstate(options);
    estates.set(key, estate);
  }
  return estate;
}

export interface AuditHostOptions {
  /** Default: a shared 200-desktop estate. Pass `fresh` estates to tests that change them. */
  readonly estate?: Estate;
  /** Other plugins to load beside audit (personal, cost) — absent ones exercise degradation. */
  readonly with?: readonly Plugin[];
  readonly hostTools?: boolean;
  readonly simulator?: SimulatorOptions;
  /** The pacer; default a pacer on a fake clock (returned), so no test ever sleeps. */
  readonly pacer?: Pacer;
  readonly clock?: FakeClock;
}

export async function auditHost(
  options: AuditHostOptions = {},
): Promise<{ host: TestHost; clock: FakeClock; pacer: Pacer }> {
  const clock = options.clock ?? fakeClock(0);
  const pacer = options.pacer ?? createPacer({ intervalMs: 500, now: clock.now, sleep: clock.sleep });
  const host = await createTestHost({
    plugins: [createAuditPlugin({ lookupPacer: pacer }), ...(options.with ?? [])],
    estate: options.estate ?? sharedEstate({ seed: 42, desktops: 200 }),
    hostTools: options.hostTools ?? false,
    ...(options.simulator ? { simulator: options.simulator } : {}),
  });
  open.push(host.close);
  return { host, clock, pacer };
}
