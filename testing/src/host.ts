import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { Limits, Plugin } from '@workspaces-euc-mcp/host';
import {
  type AssembledHost,
  type AwsSettings,
  assembleHost,
  type Host,
  type InvocationResult,
  type LogLevel,
  type PacingClock,
  type TargetSettings,
} from '@workspaces-euc-mcp/host/runtime';
import {
  createSimulator,
  type Estate,
  type EstateOptions,
  generateEstate,
  type Simulator,
  type SimulatorOptions,
} from '@workspaces-euc-mcp/simulator';
import { afterAll, onTestFinished } from 'vitest';
import { fakeClock } from './fake-clock.js';

/** Options for a host built in a test: real plugins, a fake AWS behind the SDK clients. */
export interface TestHostOptions {
  readonly plugins: readonly Plugin[];
  readonly enableWrites?: boolean;
  readonly enableDestructive?: boolean;
  readonly limits?: Partial<Limits>;
  /** The fake AWS: a client hook that answers requests (the simulated estate) and fake credentials. */
  readonly aws?: {
    readonly clientHook?: AwsSettings['clientHook'];
    readonly credentials?: AwsSettings['credentials'];
    readonly defaultRegion?: string;
    readonly targets?: readonly TargetSettings[];
  };
  /**
   * Serve a simulated estate: an `Estate` (generated, maybe edited by the test) or the options to
   * generate one. Sets the fake AWS, the targets (the estate's accounts and regions) and the clock
   * (the estate's now) unless `aws`/`now` say otherwise.
   */
  readonly estate?: Estate | EstateOptions;
  /** Latency, throttling and fault injection for the simulated estate. */
  readonly simulator?: SimulatorOptions;
  /**
   * The clock tools see: a fixed instant, or a function for a clock the test moves (the estate
   * snapshot's TTL and the data age of answers read it).
   */
  readonly now?: Date | (() => Date);
  /** The estate snapshot behind `listOnce` (the config's `snapshot`); default TTL 300 s, 0 off. */
  readonly snapshot?: { readonly ttlSeconds?: number };
  /**
   * The clock `ctx.rateLimit` waits on. Default: a `fakeClock()` of this host's own, so a paced
   * sweep runs instantly; pass one to read the waits it recorded.
   */
  readonly pacing?: PacingClock;
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly logLevel?: LogLevel;
  /** Also register the host's cross-service tools (inventory summary and report). Default false. */
  readonly hostTools?: boolean;
  /**
   * The state folder holding the key that signs write planIds. Default: a temporary folder of this
   * host's own (removed when it closes); two hosts given one folder accept each other's planIds,
   * as two CLI processes of one user do.
   */
  readonly planKeyDir?: string;
}

const FAKE_CREDENTIALS = async () => ({
  accessKeyId: 'AKIATESTTESTTESTTEST',
  secretAccessKey: 'test-secret',
});

/** Attempts per request in tests: enough for a throttled request to get through. */
const TEST_MAX_ATTEMPTS = 3;

/** A request the simulated estate answered (every attempt, retries included), with its input. */
export interface SentRequest {
  /** `workspaces:StopWorkspaces`: IAM prefix and operation. */
  readonly action: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly account: string;
  readonly region: string;
  /** The error code when the request failed. */
  readonly error?: string;
}

/**
 * A host built for a test: `simulator` is set when it serves an estate, and `requests` then holds
 * every request it answered, in order (for assertions on what was, or was not, sent).
 */
export type TestHost = AssembledHost & { simulator?: Simulator; readonly requests: SentRequest[] };

/** Hosts created outside a running test (in beforeAll or at collection): closed after the file. */
const fileScoped: (() => void)[] = [];
afterAll(() => {
  for (const close of fileScoped.splice(0)) close();
});

/** Closes the host when the test that made it ends, or after the file when no test is running. */
function closeWithTestRunner(close: () => void): void {
  try {
    onTestFinished(close);
  } catch {
    fileScoped.push(close);
  }
}

/**
 * Builds a host exactly as the CLI would (plugins validated, registration decided, gates on),
 * for plugin tests, and closes it with the test (or the file) that made it. Never reaches real
 * AWS: credentials are fake and, without an estate or a client hook, every request fails fast.
 * SDK retries do not wait, so a throttling test runs at full speed.
 */
export async function createTestHost(
  options: TestHostOptions & { readonly estate: Estate | EstateOptions },
): Promise<TestHost & { simulator: Simulator }>;
export async function createTestHost(options: TestHostOptions): Promise<TestHost>;
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const estate = options.estate
    ? 'settings' in options.estate
      ? options.estate
      : generateEstate(options.estate)
    : undefined;
  const requests: SentRequest[] = [];
  const observe = options.simulator?.observe;
  const simulator = estate
    ? createSimulator(estate, {
        ...options.simulator,
        observe: (request, answer) => {
          requests.push({
            action: `${request.service}:${request.operation}`,
            input: request.input,
            account: request.account,
            region: request.region,
            ...(answer.error ? { error: answer.error.name } : {}),
          });
          observe?.(request, answer);
        },
      })
    : undefined;
  const estateTargets = estate?.settings.accounts.map((account) => ({
    account,
    regions: estate.settings.regions,
  }));
  const clientHook = options.aws?.clientHook ?? simulator?.clientHook;
  const now = options.now ?? estate?.settings.now;
  // Never the user's own state folder: a host of its own gets a key of its own.
  const ownKeyDir = options.planKeyDir ? undefined : mkdtempSync(path.join(tmpdir(), 'euc-plan-key-'));
  const planKeyDir = options.planKeyDir ?? ownKeyDir ?? '';
  const host = await assembleHost({
    plans: { stateDir: planKeyDir, env: {} },
    plugins: options.plugins,
    ...(options.enableWrites !== undefined ? { enableWrites: options.enableWrites } : {}),
    ...(options.enableDestructive !== undefined ? { enableDestructive: options.enableDestructive } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.pluginOptions ? { pluginOptions: options.pluginOptions } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.hostTools ? { hostTools: true } : {}),
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(now ? { now } : {}),
    pacing: options.pacing ?? fakeClock(),
    aws: {
      defaultRegion: options.aws?.defaultRegion ?? estate?.settings.regions[0] ?? 'us-east-1',
      targets: options.aws?.targets ?? estateTargets ?? [],
      maxAttempts: TEST_MAX_ATTEMPTS,
      retryStrategy: new ConfiguredRetryStrategy(TEST_MAX_ATTEMPTS, () => 0),
      credentials: options.aws?.credentials ?? simulator?.credentials ?? FAKE_CREDENTIALS,
      ...(clientHook ? { clientHook } : {}),
    },
  });
  const close = host.close;
  closeWithTestRunner(() => {
    close();
    if (ownKeyDir) rmSync(ownKeyDir, { recursive: true, force: true });
  });
  return Object.assign(host, { requests }, simulator ? { simulator } : {});
}

/**
 * Invokes a tool through the host and returns its structured result; a failed call throws with
 * the tool's own text, so the test fails saying why.
 */
export async function invokeOk<T = Record<string, unknown>>(
  host: Host,
  tool: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const result = await host.invoke(tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}

/**
 * Runs a write as a user confirms one: the dry run first, then the same input with confirm=true
 * and the dry run's planId (and `acknowledge`, when given). Returns the confirmed call's result;
 * a dry run with no planId (nothing to do, over the cap) is returned as it is.
 */
export async function invokeConfirmed(
  host: Host,
  tool: string,
  input: Record<string, unknown>,
): Promise<InvocationResult> {
  const { confirm: _confirm, acknowledge, planId: _planId, ...toolInput } = input;
  const dryRun = await host.invoke(tool, toolInput);
  if (!dryRun.ok || typeof dryRun.structured.planId !== 'string') return dryRun;
  return host.invoke(tool, {
    ...toolInput,
    confirm: true,
    planId: dryRun.structured.planId,
    ...(acknowledge !== undefined ? { acknowledge } : {}),
  });
}

/** `invokeConfirmed`, returning the structured result; a failed call throws with the tool's text. */
export async function confirmOk<T = Record<string, unknown>>(
  host: Host,
  tool: string,
  input: Record<string, unknown>,
): Promise<T> {
  const result = await invokeConfirmed(host, tool, input);
  if (!result.ok) throw new Error(`${tool} failed: ${result.text}`);
  return result.structured as T;
}
