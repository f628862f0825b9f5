import pLimit from 'p-limit';

/** Collects every item of every page from an SDK v3 paginator (`paginateDescribeWorkspaces(...)`). */
export async function collectPages<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
  options: { signal?: AbortSignal } = {},
): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) {
    options.signal?.throwIfAborted();
    const pageItems = itemsOf(page);
    if (pageItems) items.push(...pageItems);
  }
  return items;
}

/** The outcome for one item of a bounded fan-out: its value, or the error it raised. */
export type Settled<Item, Value> =
  | { readonly item: Item; readonly ok: true; readonly value: Value }
  | { readonly item: Item; readonly ok: false; readonly error: unknown };

/**
 * Runs `work` over `items` with at most `concurrency` in flight, capturing each item's error
 * instead of failing the whole batch. Results keep the input order.
 */
export async function mapBounded<Item, Value>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, index: number) => Promise<Value>,
  options: { signal?: AbortSignal } = {},
): Promise<Settled<Item, Value>[]> {
  const limit = pLimit(Math.max(1, Math.floor(concurrency)));
  return Promise.all(
    items.map((item, index) =>
      limit(async (): Promise<Settled<Item, Value>> => {
        try {
          options.signal?.throwIfAborted();
          return { item, ok: true, value: await work(item, index) };
        } catch (error) {
          return { item, ok: false, error };
        }
      }),
    ),
  );
}

/** Splits `items` into consecutive chunks of at most `size` (API batch limits: 25 ids, 500 queries). */
export function chunk<Item>(items: readonly Item[], size: number): Item[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: Item[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** What `listOnce` fetches: one paginated list, described well enough to recognise a repeat. */
export interface SharedListSpec<Page, Item> {
  /** The IAM action of the list call, e.g. `workspaces:DescribeWorkspaces`. */
  readonly action: string;
  /** Where the client points (the same account/region the pages come from). */
  readonly where: { readonly account?: string; readonly region?: string };
  /** The request input (filters, page size); part of the key, so different filters do not share. */
  readonly input: Readonly<Record<string, unknown>>;
  /** The SDK paginator over that input. */
  readonly pages: () => AsyncIterable<Page>;
  /** The page's items, unmapped: every caller with the same key must get the same raw items. */
  readonly items: (page: Page) => readonly Item[] | undefined;
}

/** The parts of the tool context `listOnce` needs. */
interface ListOnceContext {
  readonly aws: {
    readonly defaultRegion: string;
    readonly targets: readonly { readonly label: string; readonly account?: string }[];
  };
  readonly signal: AbortSignal;
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  readonly snapshot?: {
    readonly fresh: boolean;
    read<T>(action: string, key: string, fetch: () => Promise<T>): Promise<T>;
  };
}

/**
 * Every item of a paginated list, scanned once however many tools ask for it: within one client
 * call (nested tool calls included) the scan is never repeated, and across calls it comes from
 * the host's estate snapshot while younger than its TTL, unless the call asked for `fresh` data
 * (writes always do). The key is the IAM action, the account, the region and the input, so two
 * plugins that list the same thing (the cost and personal plugins both scan DescribeWorkspaces)
 * share one scan without knowing each other.
 */
export function listOnce<Page, Item>(
  ctx: ListOnceContext,
  spec: SharedListSpec<Page, Item>,
): Promise<Item[]> {
  const target =
    ctx.aws.targets.find((t) => t.label === spec.where.account || t.account === spec.where.account) ??
    ctx.aws.targets[0];
  const account = target?.account ?? target?.label ?? '';
  const region = spec.where.region ?? ctx.aws.defaultRegion;
  const input = JSON.stringify(
    Object.fromEntries(Object.entries(spec.input).sort(([a], [b]) => a.localeCompare(b))),
  );
  const key = `list:${spec.action}:${account}:${region}:${input}`;
  const scan = () => collectPages(spec.pages(), spec.items, { signal: ctx.signal });
  const snapshot = ctx.snapshot;
  if (!snapshot) return ctx.memo(key, scan);
  // A fresh call (or a write nested in a composite) must not get what a non-fresh caller of the
  // same call memoised from the snapshot, so freshness is part of the per-call key.
  return ctx.memo(snapshot.fresh ? `${key}:fresh` : key, () => snapshot.read(spec.action, key, scan));
}

/**
 * `mapBounded` for work where any failure means no answer: every item runs (bounded), then the
 * first error in input order is thrown; otherwise the values, in input order.
 */
export async function mapBoundedAll<Item, Value>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, index: number) => Promise<Value>,
  options: { signal?: AbortSignal } = {},
): Promise<Value[]> {
  const settled = await mapBounded(items, concurrency, work, options);
  return settled.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  });
}

/**
 * `fetch` over the distinct `ids`, `batchSize` ids a request (the API's id-list limit, e.g. 25),
 * with bounded concurrency; the items of every batch, flattened in order. The first failed request
 * is thrown, because a partial answer would be read as "those ids do not exist".
 */
export async function fetchInBatches<Item>(
  ids: readonly string[],
  batchSize: number,
  concurrency: number,
  fetch: (batch: string[]) => Promise<readonly Item[]>,
  options: { signal?: AbortSignal } = {},
): Promise<Item[]> {
  const batches = chunk([...new Set(ids)], batchSize);
  return (await mapBoundedAll(batches, concurrency, fetch, options)).flat();
}
