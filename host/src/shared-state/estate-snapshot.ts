/** The snapshot's TTL when the config says nothing: long enough for a conversation's follow-ups. */
export const DEFAULT_SNAPSHOT_TTL_SECONDS = 300;

/**
 * Most scans one server keeps; the least recently read goes first when full. A bound on entries,
 * not bytes (the TTL bounds their age): one health report over 5 accounts × 4 regions keeps about
 * 40 list kinds and follow-up sets per scope, and 500 made its repeat rescan nearly everything.
 */
const DEFAULT_MAX_ENTRIES = 5000;

interface Entry {
  /** The IAM service prefix of the list action (`workspaces`), for write invalidation. */
  readonly service: string;
  readonly value: Promise<unknown>;
  /** When the scan started, by the tool clock: the data is at least this old. */
  readonly fetchedAt: number;
  settled: boolean;
}

/** One read of the snapshot. */
export interface SnapshotRead<T> {
  readonly value: T;
  /** When the scan behind `value` started, by the tool clock (ms since the epoch). */
  readonly fetchedAt: number;
  /** True when the value was kept from an earlier, finished scan (not fetched by this read). */
  readonly reused: boolean;
}

/**
 * The host's estate snapshot, one per server: full list scans (keyed by IAM action, account,
 * region and input) kept for a TTL by the tool clock, so two questions a minute apart, or two
 * plugins listing the same desktops, cost one scan. Concurrent readers of a scan share it; a
 * failed scan is never kept; a write drops every scan of the services it touched.
 */
export interface EstateSnapshot {
  /** The TTL in seconds (0: nothing is kept). */
  readonly ttlSeconds: number;
  /**
   * The scan under `key` for `action`: kept when younger than the TTL and not `fresh`, else
   * fetched now (and kept). A fresh read replaces what was kept.
   */
  read<T>(
    action: string,
    key: string,
    options: { readonly fresh: boolean },
    fetch: () => Promise<T>,
  ): Promise<SnapshotRead<T>>;
  /** Drops every scan of these IAM service prefixes, in every account and region; returns how many. */
  invalidate(services: Iterable<string>): number;
  /** Drops every kept scan. */
  clear(): void;
  /** How many scans are kept (or in flight). */
  readonly size: number;
}

/** The IAM service prefix of an action: `workspaces-web` for every `workspaces-web:` action. */
export function serviceOfAction(action: string): string {
  const colon = action.indexOf(':');
  return (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
}

/** Creates the snapshot. `ttlSeconds` 0 turns it off: every read fetches and nothing is kept. */
export function createEstateSnapshot(options: {
  readonly now: () => Date;
  readonly ttlSeconds?: number;
  readonly maxEntries?: number;
}): EstateSnapshot {
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_SNAPSHOT_TTL_SECONDS;
  const ttlMs = ttlSeconds * 1000;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const entries = new Map<string, Entry>();
  const at = () => options.now().getTime();

  return {
    ttlSeconds,
    get size() {
      return entries.size;
    },
    async read<T>(
      action: string,
      key: string,
      readOptions: { readonly fresh: boolean },
      fetch: () => Promise<T>,
    ): Promise<SnapshotRead<T>> {
      const startedAt = at();
      if (ttlMs <= 0) return { value: await fetch(), fetchedAt: startedAt, reused: false };
      const kept = entries.get(key);
      if (kept && !readOptions.fresh && (!kept.settled || startedAt - kept.fetchedAt < ttlMs)) {
        // Least recently used goes first: a read moves the entry to the end of the map's order.
        entries.delete(key);
        entries.set(key, kept);
        const reused = kept.settled;
        return { value: (await kept.value) as T, fetchedAt: kept.fetchedAt, reused };
      }
      const entry: Entry = {
        service: serviceOfAction(action),
        value: fetch(),
        fetchedAt: startedAt,
        settled: false,
      };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      try {
        const value = (await entry.value) as T;
        entry.settled = true;
        return { value, fetchedAt: startedAt, reused: false };
      } catch (error) {
        // A failed scan is not kept: the next reader (maybe with a fixed permission) retries.
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      }
    },
    clear(): void {
      entries.clear();
    },
    invalidate(services: Iterable<string>): number {
      const dropped = new Set([...services].map((s) => s.toLowerCase()));
      let count = 0;
      for (const [key, entry] of entries)
        if (dropped.has(entry.service)) {
          entries.delete(key);
          count += 1;
        }
      return count;
    },
  };
}
