import type { AwsSettings } from '../aws/context.js';

/**
 * What `--demo` needs from a simulated estate: AWS answered by a client hook, fake credentials,
 * a fixed clock and the estate's accounts and regions. The simulator package provides it; the
 * host only knows this shape, so the runtime host neither imports nor ships the simulator.
 */
export interface DemoEnvironment {
  readonly clientHook: NonNullable<AwsSettings['clientHook']>;
  readonly credentials: NonNullable<AwsSettings['credentials']>;
  readonly now: Date;
  readonly regions: readonly string[];
  readonly accounts: readonly string[];
  /** Goes into the server instructions and every result, so nobody mistakes demo data for their own. */
  readonly description: string;
}

/** Builds the demo estate of `--demo-size` desktops from `--demo-seed`. */
export type DemoLoader = (options: {
  readonly size: number;
  readonly seed: number;
}) => Promise<DemoEnvironment>;
