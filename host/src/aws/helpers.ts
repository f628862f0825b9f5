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
