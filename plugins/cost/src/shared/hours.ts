/** The hourly grid the desktop tools measure on, and the month AWS bills by. */

export const HOUR_MS = 3_600_000;
/** The average month AWS uses to turn monthly fees into hours (8,760 h / 12). */
export const HOURS_PER_MONTH = 730;

/** A whole-hour window ending at the last full hour before `now`. */
export interface HourWindow {
  readonly start: Date;
  readonly end: Date;
  readonly hours: number;
}

/** The `days`-long window of whole UTC hours ending at the start of the current hour. */
export function hourWindowEndingAt(now: Date, days: number): HourWindow {
  const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const hours = Math.round(days * 24);
  return { start: new Date(end.getTime() - hours * HOUR_MS), end, hours };
}
