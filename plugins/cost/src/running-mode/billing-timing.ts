import { HOUR_MS } from '../shared/hours.js';
import type { PersonalPrices } from './break-even.js';

/**
 * When a running-mode switch changes the bill. WorkSpaces billing renews at 00:00 UTC on the
 * 1st. AlwaysOn → AutoStop takes effect on the bill next month: the month's AlwaysOn fee is
 * already charged. AutoStop → AlwaysOn takes effect at once: the AlwaysOn fee is charged
 * prorated for the rest of the month on top of the AutoStop base and hours already billed
 * (WorkSpaces FAQ, "Can I switch between hourly and monthly billing?"; see
 * euc-admin-anchors.md §1.5).
 */
export interface SwitchTiming {
  /** `now`: switch at once; `before-month-end`: any time before renewal; `on-last-day`: wait for the last UTC day. */
  readonly switchWhen: 'now' | 'before-month-end' | 'on-last-day';
  /** When the new mode first changes the bill (ISO 8601, UTC). */
  readonly billingEffectiveFrom: string;
  /** The effect on this month's bill of switching now: positive saves, negative costs extra. */
  readonly thisMonthUsd: number;
  readonly advice: string;
}

/** The current UTC month: its first instant, the next month's first instant, and the last day. */
export function utcMonth(now: Date): { start: Date; next: Date; lastDay: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const lastDay = new Date(next.getTime() - 24 * HOUR_MS).toISOString().slice(0, 10);
  return { start, next, lastDay };
}

/** The share of the current UTC month still to run. */
export function remainingMonthFraction(now: Date): number {
  const { start, next } = utcMonth(now);
  return (next.getTime() - now.getTime()) / (next.getTime() - start.getTime());
}

/** Timing for AlwaysOn → AutoStop: the saving starts at the next renewal whenever you switch. */
export function timingToAutoStop(now: Date): SwitchTiming {
  const { next } = utcMonth(now);
  const renewal = next.toISOString();
  return {
    switchWhen: 'before-month-end',
    billingEffectiveFrom: renewal,
    thisMonthUsd: 0,
    advice: `Billing moves to hourly at ${renewal}. This month's AlwaysOn fee is already charged, so switching any time before then saves the same; after it, the saving slips a month. Do not switch back within the month: returning to AlwaysOn is charged again, prorated.`,
  };
}

/**
 * Timing for AutoStop → AlwaysOn. Switching now replaces the rest of the month's hourly charges
 * with the prorated AlwaysOn fee (the base is already paid), so it pays this month only when
 * hourly × projected hours exceeds the AlwaysOn fee; otherwise switch on the last day, so the
 * next month is billed monthly without paying a prorated fee on top of this month's base.
 */
export function timingToAlwaysOn(
  now: Date,
  prices: PersonalPrices,
  projectedBillableHours: number,
): SwitchTiming {
  const fraction = remainingMonthFraction(now);
  const { lastDay } = utcMonth(now);
  const prorated = prices.alwaysOnMonthly * fraction;
  const hourlyRest = prices.autoStopHourly * projectedBillableHours * fraction;
  const thisMonthUsd = hourlyRest - prorated;
  if (thisMonthUsd > 0)
    return {
      switchWhen: 'now',
      billingEffectiveFrom: now.toISOString(),
      thisMonthUsd,
      advice: `Takes effect at once, with AlwaysOn charged prorated for the rest of the month (≈$${prorated.toFixed(2)}) on top of the AutoStop base and hours already billed. At this usage the remaining hourly charges (≈$${hourlyRest.toFixed(2)}) cost more, so switch now.`,
    };
  return {
    switchWhen: 'on-last-day',
    billingEffectiveFrom: now.toISOString(),
    thisMonthUsd,
    advice: `Switching now would add the prorated AlwaysOn fee (≈$${prorated.toFixed(2)}) on top of this month's AutoStop base, more than the ≈$${hourlyRest.toFixed(2)} of hourly use it replaces. Switch on ${lastDay} (UTC), before the 00:00 UTC renewal, so next month is billed monthly.`,
  };
}
