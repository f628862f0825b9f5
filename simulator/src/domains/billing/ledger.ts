/**
 * An accumulator of daily charges per (account, region, service, usage type, record type, tag),
 * flattened into Cost Explorer lines at the end. Days are indexes from the first day of data, so
 * ten thousand desktops over fourteen months cost array additions, not string keys per day.
 */
import { DAY_MS } from '../../model.js';
import type { CostLine, RecordType } from './model.js';

/** What identifies one line series. */
export interface LineKey {
  readonly account: string;
  readonly region: string;
  readonly service: string;
  readonly usageType: string;
  readonly recordType?: RecordType;
  readonly unit: string;
  readonly tags?: Readonly<Record<string, string>>;
}

interface Series {
  readonly key: LineKey;
  readonly amount: Float64Array;
  readonly quantity: Float64Array;
}

/** `YYYY-MM-DD` of a UTC day index since the epoch. */
export function dayString(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export class Ledger {
  private readonly series = new Map<string, Series>();

  /** `firstEpochDay` and `lastEpochDay` (inclusive) bound the data. */
  constructor(
    readonly firstEpochDay: number,
    readonly lastEpochDay: number,
  ) {}

  get days(): number {
    return this.lastEpochDay - this.firstEpochDay + 1;
  }

  private seriesOf(key: LineKey): Series {
    const tags = key.tags
      ? Object.entries(key.tags)
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : '';
    const id = [
      key.account,
      key.region,
      key.service,
      key.usageType,
      key.recordType ?? 'Usage',
      key.unit,
      tags,
    ].join('|');
    let s = this.series.get(id);
    if (!s) {
      s = { key, amount: new Float64Array(this.days), quantity: new Float64Array(this.days) };
      this.series.set(id, s);
    }
    return s;
  }

  /** Adds a charge on an epoch day (ignored outside the window). */
  add(key: LineKey, epochDay: number, amount: number, quantity: number): void {
    this.handle(key)(epochDay, amount, quantity);
  }

  /** An adder bound to one series, for hot loops (resolving the key once). */
  handle(key: LineKey): (epochDay: number, amount: number, quantity: number) => void {
    const s = this.seriesOf(key);
    const first = this.firstEpochDay;
    const days = this.days;
    return (epochDay, amount, quantity) => {
      const i = epochDay - first;
      if (i < 0 || i >= days || (amount === 0 && quantity === 0)) return;
      s.amount[i] = (s.amount[i] ?? 0) + amount;
      s.quantity[i] = (s.quantity[i] ?? 0) + quantity;
    };
  }

  /** Daily totals of the series `keep` accepts (for the spend story). */
  dailyTotals(keep: (key: LineKey) => boolean): Float64Array {
    const totals = new Float64Array(this.days);
    for (const s of this.series.values()) {
      if (!keep(s.key)) continue;
      for (let i = 0; i < this.days; i++) totals[i] = (totals[i] ?? 0) + (s.amount[i] ?? 0);
    }
    return totals;
  }

  /** Every non-empty (series, day) as a line, by day, in a stable order within a day. */
  lines(): CostLine[] {
    const ordered = [...this.series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const out: CostLine[] = [];
    for (let i = 0; i < this.days; i++) {
      const day = dayString(this.firstEpochDay + i);
      for (const [, s] of ordered) {
        const amount = s.amount[i] ?? 0;
        const quantity = s.quantity[i] ?? 0;
        if (amount === 0 && quantity === 0) continue;
        out.push({
          day,
          account: s.key.account,
          region: s.key.region,
          service: s.key.service,
          usageType: s.key.usageType,
          recordType: s.key.recordType ?? 'Usage',
          amount: Math.round(amount * 1e8) / 1e8,
          quantity: Math.round(quantity * 1e6) / 1e6,
          unit: s.key.unit,
          ...(s.key.tags ? { tags: s.key.tags } : {}),
        });
      }
    }
    return out;
  }
}
