import type { RunningMode } from '@aws-sdk/client-workspaces';

/**
 * Which maintenance window applies to a desktop. Source: WorkSpaces admin guide, "WorkSpace
 * maintenance": AlwaysOn desktops follow an OS-driven weekly window (Sunday 00:00–04:00 in the
 * desktop's own time zone by default); AutoStop desktops are started once a month for updates in
 * a window that opens on the third Monday and lasts up to two weeks, about 00:00–05:00 each day in
 * the region's time zone, and only when the directory's maintenance mode is on; Manual desktops
 * get no automatic window (admins use ADMIN_MAINTENANCE).
 */
export interface MaintenanceWindow {
  readonly kind: 'weekly-os' | 'monthly-autostop' | 'none';
  readonly description: string;
  /** For the monthly window: the current or next window's first and last day (UTC dates, YYYY-MM-DD). */
  readonly opens?: string;
  readonly closes?: string;
  /** True when today (UTC) falls inside the monthly window. */
  readonly inWindowNow?: boolean;
}

const DAY_MS = 86_400_000;
/** The AutoStop window runs for up to two weeks from the third Monday. */
const AUTOSTOP_WINDOW_DAYS = 14;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The third Monday of the given UTC month, at 00:00 UTC. */
export function thirdMonday(year: number, monthIndex: number): Date {
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const toMonday = (8 - first.getUTCDay()) % 7; // getUTCDay: 0 = Sunday, 1 = Monday
  return new Date(Date.UTC(year, monthIndex, 1 + toMonday + 14));
}

function windowOf(year: number, monthIndex: number): { opens: Date; closes: Date } {
  const opens = thirdMonday(year, monthIndex);
  return { opens, closes: new Date(opens.getTime() + (AUTOSTOP_WINDOW_DAYS - 1) * DAY_MS) };
}

/**
 * The monthly AutoStop window in force at `now`, or the next one. A window opened late in one
 * month runs into the next (December's third Monday can be the 21st), so the previous month's
 * window is checked first.
 */
export function autoStopWindow(now: Date): { opens: Date; closes: Date; inWindowNow: boolean } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const today = Date.UTC(year, month, now.getUTCDate());
  const candidates = [
    windowOf(month === 0 ? year - 1 : year, (month + 11) % 12),
    windowOf(year, month),
    windowOf(month === 11 ? year + 1 : year, (month + 1) % 12),
  ];
  const window = candidates.find((w) => today <= w.closes.getTime()) ?? windowOf(year, month);
  return { ...window, inWindowNow: today >= window.opens.getTime() && today <= window.closes.getTime() };
}

/**
 * The maintenance window for a desktop with `runningMode` in a directory whose maintenance mode is
 * `directoryMaintenanceEnabled` (undefined when the directory could not be read).
 */
export function maintenanceWindow(
  runningMode: RunningMode | undefined,
  directoryMaintenanceEnabled: boolean | undefined,
  now: Date,
): MaintenanceWindow {
  switch (runningMode) {
    case 'ALWAYS_ON':
      return {
        kind: 'weekly-os',
        description:
          "Weekly OS-driven window, by default Sunday 00:00–04:00 in the desktop's own time zone (it moves with time-zone redirection); the desktop may reboot for updates then.",
      };
    case 'AUTO_STOP': {
      if (directoryMaintenanceEnabled === false)
        return {
          kind: 'none',
          description:
            "The directory's maintenance mode is off, so AutoStop desktops are not started monthly for updates: patch them yourself.",
        };
      const window = autoStopWindow(now);
      return {
        kind: 'monthly-autostop',
        description: `Monthly window from the third Monday for up to two weeks, about 00:00–05:00 each day in the region's time zone; the desktop is started and shows MAINTENANCE while updates install${directoryMaintenanceEnabled === undefined ? " (assuming the directory's maintenance mode is on; it could not be read)" : ''}.`,
        opens: isoDate(window.opens),
        closes: isoDate(window.closes),
        inWindowNow: window.inWindowNow,
      };
    }
    case 'MANUAL':
      return {
        kind: 'none',
        description:
          'Manual running mode: no automatic maintenance window; use ADMIN_MAINTENANCE to hold it for maintenance.',
      };
    case undefined:
      return { kind: 'none', description: 'Running mode unknown, so the maintenance window cannot be told.' };
  }
}
