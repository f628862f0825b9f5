const HOUR_MS = 3_600_000;

/** The answer of the hourly cap for a confirmed destructive call. */
export type HourlyCapCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Targets already changed in the last hour. */
      readonly used: number;
      /** When enough of the window frees up for this call. */
      readonly freesAt: Date;
    };

/**
 * The blast-radius cap over time: at most `cap` destructive targets per rolling hour in this
 * process, so a cap of 25 cannot be walked around by 40 calls of 25. It is kept in memory on
 * purpose: it bounds what this process does; each replica of a shared server has its own.
 */
export interface HourlyCap {
  check(targets: number, now: Date): HourlyCapCheck;
  record(targets: number, now: Date): void;
}

/** Creates an empty hourly window. */
export function createHourlyCap(cap: number): HourlyCap {
  let sent: { at: number; targets: number }[] = [];
  const inWindow = (now: Date) => {
    sent = sent.filter((entry) => entry.at + HOUR_MS > now.getTime());
    return sent;
  };
  return {
    check(targets, now) {
      const window = inWindow(now);
      const used = window.reduce((sum, entry) => sum + entry.targets, 0);
      if (used + targets <= cap) return { ok: true };
      // The oldest entries leave the window first; find the one whose departure makes room.
      let remaining = used;
      for (const entry of window) {
        remaining -= entry.targets;
        if (remaining + targets <= cap) return { ok: false, used, freesAt: new Date(entry.at + HOUR_MS) };
      }
      return { ok: false, used, freesAt: new Date(now.getTime() + HOUR_MS) };
    },
    record(targets, now) {
      inWindow(now).push({ at: now.getTime(), targets });
    },
  };
}
