import type { AwsAccess, ToolContext } from '@workspaces-euc-mcp/host';

/**
 * A small expiring cache for answers that cost money or change slowly (Cost Explorer bills
 * $0.01 per request; list prices change a few times a year). Entries expire by the tool clock
 * (`ctx.now()`), so tests and the demo are deterministic.
 */
export interface TtlCache<V> {
  get(key: string, now: Date): V | undefined;
  set(key: string, value: V, now: Date): void;
}

/** A cache of at most `maxEntries`, each kept `ttlMs`; the oldest entry goes first when full. */
export function createTtlCache<V>(ttlMs: number, maxEntries: number): TtlCache<V> {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now.getTime()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, now) {
      entries.delete(key);
      entries.set(key, { value, expires: now.getTime() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}

/**
 * One cache per AWS access object: a server process has one, so answers are reused across
 * calls, while two hosts in one process (tests, two configs) never see each other's data.
 */
export function cachePerAccess<V>(ttlMs: number, maxEntries: number): (aws: AwsAccess) => TtlCache<V> {
  const caches = new WeakMap<AwsAccess, TtlCache<V>>();
  return (aws) => {
    let cache = caches.get(aws);
    if (!cache) {
      cache = createTtlCache<V>(ttlMs, maxEntries);
      caches.set(aws, cache);
    }
    return cache;
  };
}

/**
 * Fetches through both layers: `ctx.memo` (one answer never fetches the same request twice,
 * nested tool calls included) and the TTL cache (reuse across calls for a short while).
 * `fetched` tells the caller whether AWS was asked, for request accounting.
 */
export async function cachedFetch<V>(
  ctx: ToolContext,
  cache: TtlCache<V>,
  key: string,
  fetch: () => Promise<V>,
): Promise<{ value: V; fetched: boolean }> {
  let fetched = false;
  const value = await ctx.memo(key, async () => {
    const hit = cache.get(key, ctx.now());
    if (hit !== undefined) return hit;
    fetched = true;
    const fresh = await fetch();
    cache.set(key, fresh, ctx.now());
    return fresh;
  });
  return { value, fetched };
}
