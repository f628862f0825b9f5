/**
 * `--demo`: the host serves a generated estate instead of AWS. The description goes into the
 * server instructions and every result, so nobody mistakes demo data for their own.
 */
import type { DemoEnvironment as HostDemoEnvironment } from '@workspaces-euc-mcp/host/runtime';
import { createSimulator, type Simulator, type SimulatorOptions } from './engine.js';
import { type Estate, generateEstate } from './estate.js';

/** What the host's `--demo` needs, plus the estate and simulator behind it (the benchmark reads them). */
export interface DemoEnvironment extends HostDemoEnvironment {
  readonly simulator: Simulator;
  readonly estate: Estate;
}

/** Accounts of the demo estate: documentation-style ids, never a real customer's. */
export const DEMO_ACCOUNTS = ['111122223333'] as const;
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'] as const;

export function createDemoEnvironment(options: {
  size: number;
  seed: number;
  simulator?: SimulatorOptions;
}): DemoEnvironment {
  const estate = generateEstate({
    seed: options.seed,
    desktops: options.size,
    accounts: DEMO_ACCOUNTS,
    regions: DEMO_REGIONS,
  });
  const simulator = createSimulator(estate, options.simulator);
  return {
    simulator,
    estate,
    clientHook: simulator.clientHook,
    credentials: simulator.credentials,
    now: estate.settings.now,
    regions: estate.settings.regions,
    accounts: estate.settings.accounts,
    description: `simulated estate (seed ${options.seed}, ${options.size} desktops, account ${estate.settings.accounts.join(', ')}, regions ${estate.settings.regions.join(', ')}, as of ${estate.settings.now.toISOString()}); not your AWS account.`,
  };
}
