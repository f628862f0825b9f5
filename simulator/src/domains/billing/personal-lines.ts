/**
 * The WorkSpaces Personal part of the bill, from `resources.personal.desktops`: each desktop's
 * compute type, OS licence, volumes, running mode, creation date and usage pattern.
 *
 * Billing rules (WorkSpaces FAQ, "Can I switch between hourly and monthly billing?", and the AWS
 * community article on WorkSpaces billing modes): AlwaysOn is a fixed monthly fee and AutoStop a
 * smaller monthly fee, both charged at 00:00 UTC on the 1st (prorated in the month a desktop is
 * created), plus, under AutoStop, an hourly fee for every hour the desktop runs: the user's
 * sessions and the idle tail of its AutoStop timeout, partial hours billed as whole hours. MANUAL
 * desktops are WorkSpaces Core bundles, billed monthly at the Core price. Desktops that never
 * provisioned (PENDING, ERROR) bill nothing.
 *
 * The last RECENT_EXACT_DAYS days use the desktop's own sessions (personal/usage.ts), so the bill
 * agrees with its UserConnected series; older days use the expected hours of its usage pattern
 * (the same session model, averaged), so fourteen months of ten thousand desktops stay cheap.
 */
import { DAY_MS, HOUR_MS } from '../../model.js';
import { unit } from '../../rng.js';
import type { SimDesktop } from '../personal/model.js';
import { autoStopTailMs, sessionsOnDay, startedOutsideSessionsAt } from '../personal/usage.js';
import { billedRates, bundleFamily, CORE_BUNDLE_FACTOR, osOfferFor } from './catalogue.js';
import type { Ledger, LineKey } from './ledger.js';
import { regionFacts } from './regions.js';
import { coreBundleUsageType, personalUsageType } from './usage-types.js';

export const WORKSPACES_SERVICE = 'Amazon WorkSpaces';
/** Days at the end of the window billed from each desktop's own sessions. */
export const RECENT_EXACT_DAYS = 35;
const NOT_PROVISIONED = new Set(['PENDING', 'ERROR']);
const ENDED = new Set(['TERMINATED', 'TERMINATING']);

/** Expected AutoStop hours on a working day and a weekend day, by usage pattern (see usage.ts). */
function expectedHours(desktop: SimDesktop, tailHours: number): { workday: number; weekend: number } {
  // Each session is billed in whole hours: on average half an hour more than it lasted.
  const session = (probability: number, hours: number) => probability * (hours + tailHours + 0.5);
  switch (desktop.usage) {
    case 'never':
      return { workday: 0, weekend: 0 };
    case 'idle':
      return { workday: session(0.1, 0.875), weekend: 0 };
    case 'unused':
    case 'part-time':
      return { workday: session(0.55, 2.5), weekend: 0 };
    case 'full-time':
      // Two sessions a day whose lunch gap is shorter than the tail: billed as one span.
      return { workday: session(0.92, 9.125), weekend: 0 };
    case 'always':
      return { workday: 24, weekend: 24 };
  }
}

function isWorkday(epochDay: number, utcOffsetHours: number): boolean {
  const weekday = new Date(epochDay * DAY_MS + 12 * HOUR_MS + utcOffsetHours * HOUR_MS).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** AutoStop hours billed on one UTC day from the desktop's sessions (up to `untilMs`). */
function exactHours(desktop: SimDesktop, epochDay: number, untilMs: number): number {
  const tail = autoStopTailMs(desktop);
  let hours = 0;
  let spanStart = -1;
  let spanEnd = -1;
  const close = () => {
    if (spanStart >= 0) hours += Math.ceil((Math.min(spanEnd, untilMs) - spanStart) / HOUR_MS);
  };
  for (const [start, end] of sessionsOnDay(desktop, epochDay)) {
    if (start >= untilMs) break;
    if (spanStart >= 0 && start <= spanEnd) spanEnd = Math.max(spanEnd, end + tail);
    else {
      close();
      spanStart = start;
      spanEnd = end + tail;
    }
  }
  // Started outside its sessions and still running (usage.ts runningSince): billed up to `untilMs`.
  // No session starts after it (the desktop would then be inside that session's tail).
  const since = desktop.runningSince?.getTime();
  const dayEnd = (epochDay + 1) * DAY_MS;
  if (since !== undefined && since < Math.min(untilMs, dayEnd) && startedOutsideSessionsAt(desktop, since)) {
    const from = Math.max(since, epochDay * DAY_MS);
    if (spanStart >= 0 && from <= spanEnd) spanEnd = dayEnd;
    else {
      close();
      spanStart = from;
      spanEnd = dayEnd;
    }
  }
  close();
  return hours;
}

function firstOfMonth(epochDay: number): number {
  const d = new Date(epochDay * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}
function daysInMonth(epochDay: number): number {
  const d = new Date(epochDay * DAY_MS);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Posts a monthly fee on every 1st the desktop existed, prorated in the month it was created. */
function monthlyFees(ledger: Ledger, key: LineKey, fee: number, fromDay: number, toDay: number): void {
  const add = ledger.handle(key);
  if (fromDay >= ledger.firstEpochDay && firstOfMonth(fromDay) !== fromDay) {
    const share = (daysInMonth(fromDay) - (fromDay - firstOfMonth(fromDay))) / daysInMonth(fromDay);
    add(fromDay, fee * share, share);
  }
  for (
    let month = firstOfMonth(Math.max(fromDay, ledger.firstEpochDay));
    month <= toDay;
    month = nextMonth(month)
  )
    if (month >= fromDay) add(month, fee, 1);
}

function nextMonth(epochDay: number): number {
  const d = new Date(epochDay * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/** Adds every Personal desktop's charges to the ledger. */
export function addPersonalLines(ledger: Ledger, desktops: readonly SimDesktop[], now: Date): void {
  const nowMs = now.getTime();
  const today = Math.floor(nowMs / DAY_MS);
  const recentFrom = today - RECENT_EXACT_DAYS + 1;
  for (const desktop of desktops) {
    const state = desktop.workspace.State ?? '';
    if (NOT_PROVISIONED.has(state)) continue;
    const p = desktop.workspace.WorkspaceProperties;
    const family = bundleFamily(p?.ComputeTypeName);
    const offer = osOfferFor(p?.OperatingSystemName);
    const facts = regionFacts(desktop.region);
    if (!family || !offer || !facts) continue;
    const rates = billedRates(
      family,
      offer,
      p?.RootVolumeSizeGib ?? family.baseStorage[0],
      p?.UserVolumeSizeGib ?? family.baseStorage[1],
      facts.multiplier,
    );
    const department = desktop.tags.find((t) => t.Key === 'Department')?.Value;
    const key = (usageType: string, unitName: string): LineKey => ({
      account: desktop.account,
      region: desktop.region,
      service: WORKSPACES_SERVICE,
      usageType,
      unit: unitName,
      tags: department ? { Department: department } : {},
    });
    const fromDay = Math.floor(desktop.createdAt.getTime() / DAY_MS);
    const toDay = ENDED.has(state) ? today - 2 : today;
    switch (p?.RunningMode) {
      case 'ALWAYS_ON':
        monthlyFees(
          ledger,
          key(personalUsageType(facts.prefix, offer, family, 'AlwaysOn'), 'Month'),
          rates.alwaysOnMonthly,
          fromDay,
          toDay,
        );
        break;
      case 'MANUAL':
        monthlyFees(
          ledger,
          key(coreBundleUsageType(facts.prefix, family, 'AlwaysOn'), 'Month'),
          rates.alwaysOnMonthly * CORE_BUNDLE_FACTOR,
          fromDay,
          toDay,
        );
        break;
      case 'AUTO_STOP': {
        monthlyFees(
          ledger,
          key(personalUsageType(facts.prefix, offer, family, 'AutoStop-User'), 'Month'),
          rates.autoStopMonthlyBase,
          fromDay,
          toDay,
        );
        const addHours = ledger.handle(
          key(personalUsageType(facts.prefix, offer, family, 'AutoStop-Usage'), 'Hrs'),
        );
        const expected = expectedHours(desktop, Math.ceil(autoStopTailMs(desktop) / HOUR_MS));
        const usageEnds = desktop.usageEndsAt
          ? Math.floor(desktop.usageEndsAt.getTime() / DAY_MS)
          : Number.POSITIVE_INFINITY;
        const id = desktop.workspace.WorkspaceId ?? '';
        for (let day = Math.max(fromDay, ledger.firstEpochDay); day <= toDay; day++) {
          let hours: number;
          if (day >= recentFrom) hours = exactHours(desktop, day, Math.min(nowMs, (toDay + 1) * DAY_MS));
          else if (day >= usageEnds) hours = 0;
          else {
            const mean = isWorkday(day, desktop.utcOffsetHours) ? expected.workday : expected.weekend;
            // Day-to-day variation around the pattern's mean (leave, busy weeks).
            hours = mean === 0 ? 0 : Math.round(mean * (0.6 + 0.8 * unit(id, day, 'billed-hours')));
          }
          if (hours > 0) addHours(day, hours * rates.autoStopHourly, hours);
        }
        break;
      }
      default:
        break;
    }
  }
}
