/**
 * When a simulated desktop's user is connected and when the desktop runs, derived from its
 * usage pattern with stateless seeded draws per (desktop, day). Every API that talks about use
 * (UserConnected, last known connection, snapshots, billing) reads it from here, so they agree.
 */
import { DAY_MS, HOUR_MS } from '../../model.js';
import { unit } from '../../rng.js';
import type { SimDesktop } from './model.js';

/** A connected interval [start, end) in epoch ms. */
export type Session = readonly [number, number];

const MINUTE_MS = 60_000;
const sessionCache = new WeakMap<SimDesktop, Map<number, readonly Session[]>>();

/** The user's local weekday (0 Sunday) of a UTC day index. */
function localWeekday(day: number, utcOffsetHours: number): number {
  return new Date(day * DAY_MS + 12 * HOUR_MS + utcOffsetHours * HOUR_MS).getUTCDay();
}

function drawSessions(desktop: SimDesktop, day: number): readonly Session[] {
  const id = desktop.workspace.WorkspaceId ?? '';
  const r = (salt: string) => unit(id, day, salt);
  const weekday = localWeekday(day, desktop.utcOffsetHours);
  const workday = weekday >= 1 && weekday <= 5;
  // Local 00:00 of this day in UTC ms.
  const localMidnight = day * DAY_MS - desktop.utcOffsetHours * HOUR_MS;
  const at = (hour: number) => localMidnight + Math.round(hour * 60) * MINUTE_MS;
  switch (desktop.usage) {
    case 'never':
      return [];
    case 'always':
      return [[day * DAY_MS, (day + 1) * DAY_MS]];
    case 'idle': {
      // About one short session every ten working days.
      if (!workday || r('idle') > 0.1) return [];
      const start = 9 + r('start') * 7;
      return [[at(start), at(start + 0.25 + r('len') * 1.25)]];
    }
    case 'unused':
    case 'part-time': {
      if (!workday || r('pt') > 0.55) return [];
      const start = 8 + r('start') * 6;
      return [[at(start), at(start + 1 + r('len') * 3)]];
    }
    case 'full-time': {
      if (!workday || r('ft') > 0.92) return [];
      const start = 7.5 + r('start') * 2;
      const morning = 3.5 + r('m') * 1;
      const lunch = 0.5 + r('l') * 0.75;
      const afternoon = 3.5 + r('a') * 1.5;
      return [
        [at(start), at(start + morning)],
        [at(start + morning + lunch), at(start + morning + lunch + afternoon)],
      ];
    }
  }
}

/** The sessions on a UTC day, clipped to the desktop's life (created … now/usage end). */
export function sessionsOnDay(desktop: SimDesktop, day: number): readonly Session[] {
  let byDay = sessionCache.get(desktop);
  if (!byDay) {
    byDay = new Map();
    sessionCache.set(desktop, byDay);
  }
  const cached = byDay.get(day);
  if (cached) return cached;
  const from = desktop.createdAt.getTime();
  const until = desktop.usageEndsAt?.getTime() ?? Number.POSITIVE_INFINITY;
  // Local-day sessions can spill into the next UTC day; draw yesterday's too and keep overlaps.
  const dayStart = day * DAY_MS;
  const dayEnd = dayStart + DAY_MS;
  const sessions: Session[] = [];
  for (const d of [day - 1, day, day + 1])
    for (const [start, end] of drawSessions(desktop, d)) {
      const s = Math.max(start, dayStart, from);
      const e = Math.min(end, dayEnd, until);
      if (e > s) sessions.push([s, e]);
    }
  sessions.sort((a, b) => a[0] - b[0]);
  byDay.set(day, sessions);
  return sessions;
}

/** The session in progress at `t`, if any. */
export function sessionAt(desktop: SimDesktop, t: number): Session | undefined {
  for (const session of sessionsOnDay(desktop, Math.floor(t / DAY_MS)))
    if (t >= session[0] && t < session[1]) return session;
  return undefined;
}

/** Minutes of idle time before an AutoStop desktop stops after its user disconnects. */
export function autoStopTailMs(desktop: SimDesktop): number {
  return (desktop.workspace.WorkspaceProperties?.RunningModeAutoStopTimeoutInMinutes ?? 60) * MINUTE_MS;
}

/** States in which a desktop does not run (after it broke, for ERROR and SUSPENDED). */
export const DEAD_STATES = new Set(['ERROR', 'SUSPENDED', 'PENDING', 'TERMINATED', 'TERMINATING']);

/**
 * States of a desktop that is powered on: it publishes metrics whatever its running mode (an
 * AVAILABLE AutoStop desktop is running; only a stopped, broken or unborn one is not).
 */
export const POWERED_ON_STATES = new Set([
  'AVAILABLE',
  'UNHEALTHY',
  'IMPAIRED',
  'REBOOTING',
  'MAINTENANCE',
  'ADMIN_MAINTENANCE',
  'UPDATING',
]);

/** Whether the desktop was started outside its sessions and still runs at `t` (see runningSince). */
export function startedOutsideSessionsAt(desktop: SimDesktop, t: number): boolean {
  const since = desktop.runningSince?.getTime();
  return since !== undefined && t >= since && POWERED_ON_STATES.has(desktop.workspace.State ?? '');
}

/**
 * Whether the desktop is powered on at `t`. ALWAYS_ON desktops always run; AUTO_STOP and MANUAL
 * ones run during sessions plus the AutoStop tail, and from `runningSince` on while powered on. A desktop in a state that never ran (ERROR,
 * PENDING, SUSPENDED) publishes nothing.
 */
export function runningAt(desktop: SimDesktop, t: number): boolean {
  if (t < desktop.createdAt.getTime()) return false;
  if (DEAD_STATES.has(desktop.workspace.State ?? '')) {
    // It ran normally until it broke (ERROR, SUSPENDED); a PENDING or terminating one never will again.
    const brokeAt = desktop.usageEndsAt?.getTime();
    if (brokeAt === undefined || t >= brokeAt) return false;
  }
  if (desktop.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON') return true;
  if (startedOutsideSessionsAt(desktop, t)) return true;
  const tail = autoStopTailMs(desktop);
  const day = Math.floor(t / DAY_MS);
  for (const d of [day, day - 1])
    for (const [start, end] of sessionsOnDay(desktop, d)) if (t >= start && t < end + tail) return true;
  return false;
}

/** End of the last session before `t` (or `t` itself when connected now); undefined = never. */
export function lastSessionEndBefore(
  desktop: SimDesktop,
  t: number,
  connectedNow: boolean,
): number | undefined {
  if (connectedNow) return t;
  if (desktop.usage === 'never') return undefined;
  const firstDay = Math.floor(desktop.createdAt.getTime() / DAY_MS);
  // No session runs past the end of use, so the search can start there.
  const from = Math.min(t, desktop.usageEndsAt?.getTime() ?? t);
  for (let day = Math.floor(from / DAY_MS); day >= firstDay; day--) {
    const sessions = sessionsOnDay(desktop, day).filter(([start]) => start < t);
    const last = sessions[sessions.length - 1];
    if (last) return Math.min(last[1], t);
  }
  return undefined;
}
