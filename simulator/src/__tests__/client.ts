/**
 * Test helper: a real SDK v3 client wired to a simulator, the way the host wires its clients (the
 * simulator answering after the retry middleware), with retries that do not wait, so a throttled
 * or limit-exceeded answer costs no test time (fake-timer tests see the same attempts).
 */
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { ClientConstructor, SdkClient } from '@workspaces-euc-mcp/host';
import type { Simulator } from '../engine.js';

export function simulatedClient<C extends SdkClient>(
  ctor: ClientConstructor<C>,
  simulator: Simulator,
  where: { region?: string; account?: string; adaptiveRetries?: boolean } = {},
): C {
  const region = where.region ?? simulator.estate.settings.regions[0] ?? 'us-east-1';
  const base = { region, credentials: simulator.credentials, maxAttempts: 3 };
  // A throttling test on virtual time wants the SDK's real backoff (the bucket refills meanwhile).
  const client = new ctor(
    where.adaptiveRetries
      ? { ...base, retryMode: 'adaptive' }
      : Object.assign(base, { retryStrategy: new ConfiguredRetryStrategy(3, () => 0) }),
  );
  const serviceId = (client as unknown as { config: { serviceId?: string } }).config.serviceId ?? ctor.name;
  simulator.clientHook(client, { serviceId, region, account: where.account });
  return client;
}

/**
 * Under fake timers, re-applies Node's setTimeout rule (a delay under 1 ms, or fractional, runs
 * after 1 ms / the truncated delay). The SDK's adaptive rate limiter waits sub-millisecond
 * delays in a loop; fake timers would run those at the same instant forever. Returns a restore.
 */
export function withNodeTimerClamping(): () => void {
  const fakeSetTimeout = globalThis.setTimeout;
  const clamped = ((handler: () => void, delay?: number) =>
    fakeSetTimeout(handler, delay === undefined || delay < 1 ? 1 : Math.trunc(delay))) as typeof setTimeout;
  globalThis.setTimeout = clamped;
  return () => {
    globalThis.setTimeout = fakeSetTimeout;
  };
}
