import type { CacheRead, Scope, ToolCache } from '../plugin-api/types.js';

/** Most entries one server keeps; the oldest goes first when full. */
const MAX_ENTRIES = 500;

interface Entry {
  readonly value: Promise<unknown>;
  /** When the value was computed, by the tool clock; undefined while it is being computed. */
  storedAt?: number;
  readonly ttlMs: number;
}

/**
 * The host's cache behind `ctx.cache`, one per server. `namespace` (the plugin name and the
 * scope key) keeps plugins and accounts apart. Expiry reads the tool clock, so tests and the demo
 * estate are deterministic.
 */
export function createToolCache(
  now: () => Date,
  keyOfScope: (scope: Scope) => string,
): ((namespace: string) => ToolCache) & { clear(): void } {
  const entries = new Map<string, Entry>();
  const evictOldest = () => {
    while (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };
  const cacheOf = (namespace: string): ToolCache => ({
    async get<T>(
      key: string,
      options: { readonly ttlMs: number; readonly scope?: Scope },
      compute: () => Promise<T>,
    ): Promise<CacheRead<T>> {
      const fullKey = `${namespace}|${options.scope ? keyOfScope(options.scope) : '*'}|${key}`;
      const at = now().getTime();
      const cached = entries.get(fullKey);
      if (cached && (cached.storedAt === undefined || at - cached.storedAt < cached.ttlMs)) {
        const value = (await cached.value) as T;
        return { value, fetched: false, ageMs: cached.storedAt === undefined ? 0 : at - cached.storedAt };
      }
      const entry: Entry = { value: compute(), ttlMs: options.ttlMs };
      entries.delete(fullKey);
      entries.set(fullKey, entry);
      evictOldest();
      try {
        const value = (await entry.value) as T;
        entry.storedAt = now().getTime();
        return { value, fetched: true, ageMs: 0 };
      } catch (error) {
        if (entries.get(fullKey) === entry) entries.delete(fullKey);
        throw error;
      }
    },
  });
  return Object.assign(cacheOf, { clear: () => entries.clear() });
}
