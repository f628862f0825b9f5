import { describe, expect, it } from 'vitest';
import { chunk, collectPages, fetchInBatches, listOnce, mapBounded, mapBoundedAll } from './helpers.js';

describe('helpers', () => {
  it('chunk splits into API-sized batches', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
  it('collectPages flattens every page', async () => {
    async function* pages() {
      yield { Items: [1, 2] };
      yield { Items: undefined };
      yield { Items: [3] };
    }
    expect(await collectPages(pages(), (p) => p.Items)).toEqual([1, 2, 3]);
  });
  it('mapBounded keeps order, captures per-item errors and never exceeds the bound', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(peak).toBeLessThanOrEqual(2);
    expect(results.map((r) => (r.ok ? r.value : 'err'))).toEqual([10, 20, 30, 'err', 50, 60]);
  });
});

describe('listOnce', () => {
  function context(targets = [{ label: 'prod', account: '111122223333' }]) {
    const memo = new Map<string, Promise<unknown>>();
    return {
      aws: { defaultRegion: 'us-east-1', targets },
      signal: new AbortController().signal,
      memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
        const hit = memo.get(key) as Promise<T> | undefined;
        if (hit) return hit;
        const pending = compute();
        memo.set(key, pending);
        return pending;
      },
    };
  }
  async function* pages(counter: { n: number }) {
    counter.n++;
    yield { Items: [1, 2] };
    yield { Items: [3] };
  }

  it('scans once for two callers asking for the same list in the same place, by label or account id', async () => {
    const ctx = context();
    const counter = { n: 0 };
    const spec = (account: string) => ({
      action: 'workspaces:DescribeWorkspaces',
      where: { account, region: 'eu-west-1' },
      input: { Limit: 25 },
      pages: () => pages(counter),
      items: (page: { Items: number[] }) => page.Items,
    });
    const [a, b] = await Promise.all([listOnce(ctx, spec('prod')), listOnce(ctx, spec('111122223333'))]);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([1, 2, 3]);
    expect(counter.n).toBe(1);
  });

  it('scans again when the region or the input differs', async () => {
    const ctx = context();
    const counter = { n: 0 };
    const spec = (region: string, input: Record<string, unknown>) => ({
      action: 'workspaces:DescribeWorkspaces',
      where: { region },
      input,
      pages: () => pages(counter),
      items: (page: { Items: number[] }) => page.Items,
    });
    await listOnce(ctx, spec('eu-west-1', { Limit: 25 }));
    await listOnce(ctx, spec('us-east-1', { Limit: 25 }));
    await listOnce(ctx, spec('us-east-1', { Limit: 25, DirectoryId: 'd-1' }));
    await listOnce(ctx, spec('us-east-1', { Limit: 25 }));
    expect(counter.n).toBe(3);
  });
});

describe('fetchInBatches and mapBoundedAll', () => {
  it('asks for each distinct id once, in batches of the given size, and keeps the order', async () => {
    const asked: string[][] = [];
    const ids = ['a', 'b', 'c', 'a', 'd', 'e'];
    const items = await fetchInBatches(ids, 2, 2, async (batch) => {
      asked.push(batch);
      return batch.map((id) => id.toUpperCase());
    });
    expect(asked).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(items).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('throws the first failure in input order once every item has run', async () => {
    const ran: number[] = [];
    const work = async (n: number) => {
      ran.push(n);
      if (n === 2) throw new Error('two');
      if (n === 3) throw new Error('three');
      return n;
    };
    await expect(mapBoundedAll([1, 2, 3, 4], 2, work)).rejects.toThrow('two');
    expect(ran.sort()).toEqual([1, 2, 3, 4]);
  });
});
