/**
 * Virtual time for pacing tests. `sleep` registers a timer; pending timers fire in wake-up order,
 * each moving the clock to its wake-up time, once everything runnable has run (setImmediate). A
 * sweep that would take minutes runs instantly and deterministically, with no real waiting.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Every sleep requested, in order. */
  readonly sleeps: number[];
}

interface Timer {
  readonly wake: number;
  readonly order: number;
  readonly resolve: () => void;
}

export function fakeClock(startMs = 0): FakeClock {
  let time = startMs;
  let created = 0;
  let scheduled = false;
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  const fireNext = () => {
    scheduled = false;
    timers.sort((a, b) => a.wake - b.wake || a.order - b.order);
    const next = timers.shift();
    if (!next) return;
    time = Math.max(time, next.wake);
    next.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setImmediate(fireNext);
  };
  return {
    now: () => time,
    sleeps,
    sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        const timer: Timer = { wake: time + ms, order: created++, resolve };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            const index = timers.indexOf(timer);
            if (index >= 0) timers.splice(index, 1);
            reject(signal.reason);
          },
          { once: true },
        );
        schedule();
      });
    },
  };
}
