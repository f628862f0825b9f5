import { describe, expect, it } from 'vitest';
import { generateEstate } from '../../estate.js';
import { DAY_MS, HOUR_MS } from '../../model.js';
import { aggregate } from '../../services/cloudwatch-metrics.js';
import { connectedCounts, connectedStatistic } from './connected-aggregate.js';
import { runningAt, sessionAt } from './usage.js';

/** What the sample-by-sample path gives (the definition the fast path must equal). */
function sampled(desktop: Parameters<typeof runningAt>[0], from: number, to: number): number[] {
  const values: number[] = [];
  for (let t = Math.ceil(from / 300_000) * 300_000; t < to; t += 300_000)
    if (runningAt(desktop, t)) values.push(sessionAt(desktop, t) ? 1 : 0);
  return values;
}

describe('UserConnected from intervals', () => {
  it('equals the sample-by-sample statistics for every desktop, window and statistic', () => {
    const estate = generateEstate({ seed: 13, desktops: 400 });
    const now = estate.settings.now.getTime();
    const windows: [number, number][] = [
      [now - 14 * DAY_MS, now - 13 * DAY_MS],
      [now - 3 * DAY_MS + 7 * 60_000, now - 3 * DAY_MS + 5 * HOUR_MS + 11 * 60_000],
      [now - 40 * DAY_MS, now],
      [now - HOUR_MS, now],
    ];
    let compared = 0;
    for (const desktop of estate.personal.desktops)
      for (const [from, to] of windows) {
        const values = sampled(desktop, from, to);
        const counts = connectedCounts(desktop, from, to);
        for (const stat of ['Sum', 'Average', 'Maximum', 'Minimum', 'SampleCount', 'p95', 'p50'])
          expect(connectedStatistic(counts, stat), `${desktop.workspace.WorkspaceId} ${stat}`).toBe(
            aggregate(values, stat),
          );
        compared++;
      }
    expect(compared).toBe(1600);
  });
});
