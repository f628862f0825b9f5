/**
 * Runs async work on a virtual clock: simulated latency, throttling back-off and the SDK's retry
 * delays all pass instantly in real time while the clock advances as if they had been waited.
 * So the benchmark can report the wall time a 10,000-desktop scan would take against AWS's rate
 * limits without taking it.
 */
import FakeTimers from '@sinonjs/fake-timers';

export interface VirtualRun<T> {
  readonly value: T;
  /** Virtual milliseconds from start to settle. */
  readonly elapsedMs: number;
  /** The virtual time the run ended at. */
  readonly endedAt: number;
}

/**
 * Stops a run whose work has waited this long in real time with no timer pending (a deadlock).
 * Real time, not turns: loading an SDK client module on a busy machine can take a second or more
 * of I/O with no timer pending, thousands of idle turns, and is not a stall.
 */
const MAX_IDLE_MS = 120_000;

/**
 * Runs `work` on a virtual clock that starts at `startAt` (ms since epoch). Successive runs should
 * pass the previous run's end so time never goes backwards for rate limiters that outlive a run.
 */
export async function runInVirtualTime<T>(
  work: () => Promise<T>,
  startAt = Date.now(),
  /** Called between turns of the loop (the benchmark samples the heap there). */
  onTurn?: () => void,
): Promise<VirtualRun<T>> {
  const realSetImmediate = setImmediate;
  const clock = FakeTimers.install({
    now: startAt,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  // Node runs a setTimeout delay under 1 ms after 1 ms (and truncates fractions); fake timers run
  // it at once. The SDK's adaptive rate limiter waits sub-millisecond delays in a loop, which
  // would spin forever at one instant without Node's rule.
  const fakeSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: () => void, delay?: number) =>
    fakeSetTimeout(handler, delay === undefined || delay < 1 ? 1 : Math.trunc(delay))) as typeof setTimeout;
  const started = clock.now;
  try {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    work().then(
      (value) => {
        outcome = { ok: true, value };
      },
      (error: unknown) => {
        outcome = { ok: false, error };
      },
    );
    // performance.now is not faked: it keeps real time while the clock is virtual.
    let idleSince: number | undefined;
    while (!outcome) {
      // Let real I/O (the SDK reading its config files) and promise chains run first.
      await new Promise((resolve) => realSetImmediate(resolve));
      onTurn?.();
      if (outcome) break;
      if (clock.countTimers() > 0) {
        idleSince = undefined;
        // Synchronously: nextAsync waits two real setTimeouts (≥ 1 ms each) per timer, which made
        // a 10,000-desktop call spend most of its real time idle. The setImmediate above already
        // lets the promise chains a timer starts run before the next one fires.
        clock.next();
      } else {
        idleSince ??= performance.now();
        if (performance.now() - idleSince > MAX_IDLE_MS)
          throw new Error('The benchmarked call stalled: no timer pending and no progress.');
      }
    }
    if (!outcome.ok) throw outcome.error;
    return { value: outcome.value, elapsedMs: clock.now - started, endedAt: clock.now };
  } finally {
    globalThis.setTimeout = fakeSetTimeout;
    clock.uninstall();
  }
}
