import { describe, expect, it } from 'vitest';
import { chunk, collectPages, mapBounded } from './helpers.js';

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
