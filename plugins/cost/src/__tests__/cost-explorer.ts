/**
 * A small Cost Explorer for tests: daily line items answered as GetCostAndUsage would, by
 * granularity (DAILY, or MONTHLY clipped to the window), GroupBy SERVICE and/or USAGE_TYPE and a
 * SERVICE filter, with NextPageToken paging of groups so page merging is exercised.
 */

/** One day's spend on one (service, usage type). */
export interface LineItem {
  readonly day: string;
  readonly service: string;
  readonly usageType: string;
  readonly amount: number;
}

const DAY_MS = 86_400_000;
const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Line items for every day from `start` (inclusive) to `end` (exclusive). */
export function daily(
  start: string,
  end: string,
  item: (day: string) => readonly { service: string; usageType: string; amount: number }[],
): LineItem[] {
  const items: LineItem[] = [];
  for (let day = start; day < end; day = next(day)) for (const i of item(day)) items.push({ day, ...i });
  return items;
}

interface Bucket {
  start: string;
  end: string;
}

function buckets(start: string, end: string, granularity: string): Bucket[] {
  const list: Bucket[] = [];
  let cursor = start;
  while (cursor < end) {
    let stop = next(cursor);
    if (granularity === 'MONTHLY') {
      const d = new Date(`${cursor}T00:00:00Z`);
      const monthEnd = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
        .toISOString()
        .slice(0, 10);
      stop = monthEnd < end ? monthEnd : end;
    }
    list.push({ start: cursor, end: stop });
    cursor = stop;
  }
  return list;
}

/** A GetCostAndUsage handler over the items; `groupsPerPage` forces paging. */
export function costAndUsageOf(items: readonly LineItem[], groupsPerPage = 1000) {
  return (input: Record<string, unknown>): Record<string, unknown> => {
    const period = input.TimePeriod as { Start: string; End: string };
    const groupBy = ((input.GroupBy as { Key: string }[] | undefined) ?? []).map((g) => g.Key);
    const filter = (input.Filter as { Dimensions?: { Key: string; Values: string[] } } | undefined)
      ?.Dimensions;
    const offset = input.NextPageToken ? Number(input.NextPageToken) : 0;
    const rows: { bucket: Bucket; keys: string[]; amount: number }[] = [];
    for (const bucket of buckets(period.Start, period.End, String(input.Granularity))) {
      const sums = new Map<string, number>();
      for (const item of items) {
        if (item.day < bucket.start || item.day >= bucket.end) continue;
        if (filter && filter.Key === 'SERVICE' && !filter.Values.includes(item.service)) continue;
        const keys = groupBy.map((k) => (k === 'SERVICE' ? item.service : item.usageType));
        const key = keys.join('\u0000');
        sums.set(key, (sums.get(key) ?? 0) + item.amount);
      }
      for (const [key, amount] of sums) rows.push({ bucket, keys: key.split('\u0000'), amount });
    }
    const page = rows.slice(offset, offset + groupsPerPage);
    const byBucket = new Map<string, { TimePeriod: { Start: string; End: string }; Groups: unknown[] }>();
    for (const row of page) {
      const entry = byBucket.get(row.bucket.start) ?? {
        TimePeriod: { Start: row.bucket.start, End: row.bucket.end },
        Groups: [],
      };
      entry.Groups.push({
        Keys: row.keys,
        Metrics: { UnblendedCost: { Amount: row.amount.toFixed(10), Unit: 'USD' } },
      });
      byBucket.set(row.bucket.start, entry);
    }
    const more = offset + groupsPerPage < rows.length;
    return {
      ResultsByTime: [...byBucket.values()],
      ...(more ? { NextPageToken: String(offset + groupsPerPage) } : {}),
    };
  };
}

/**
 * The account used by the cost tool tests, 1 Jan - 17 Mar 2025 (made-up amounts):
 * - Amazon WorkSpaces: 400 AlwaysOn fees on the 1st (EU-AW-HW-2), 5/day AutoStop hours
 *   (EU-AU-HW-2-Usage), 3/day Pools (EU-AW-HW-Pools-Usage), 1/day Core (EU-WH-ManagedInstances-Usage);
 * - Amazon AppStream: 2/day, 12/day from 10 March (EU-Fleet-Usage);
 * - EC2 100/day and WorkSpaces Thin Client 1/day, which are not EUC desktop spend.
 */
export function eucAccount(): LineItem[] {
  return daily('2025-01-01', '2025-03-18', (day) => [
    ...(day.endsWith('-01') ? [{ service: 'Amazon WorkSpaces', usageType: 'EU-AW-HW-2', amount: 400 }] : []),
    { service: 'Amazon WorkSpaces', usageType: 'EU-AU-HW-2-Usage', amount: 5 },
    { service: 'Amazon WorkSpaces', usageType: 'EU-AW-HW-Pools-Usage', amount: 3 },
    { service: 'Amazon WorkSpaces', usageType: 'EU-WH-ManagedInstances-Usage', amount: 1 },
    { service: 'Amazon AppStream', usageType: 'EU-Fleet-Usage', amount: day >= '2025-03-10' ? 12 : 2 },
    { service: 'Amazon Elastic Compute Cloud - Compute', usageType: 'EU-BoxUsage:m5.large', amount: 100 },
    { service: 'Amazon WorkSpaces Thin Client', usageType: 'EU-ThinClient-Device', amount: 1 },
  ]);
}
