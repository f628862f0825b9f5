/**
 * Builds the billing part from the resources: fourteen months of daily Cost Explorer lines (the
 * first of the month 13 months back up to today, today partial), the story they tell (a recent
 * AppStream surge, a credit) and the billing API settings.
 */
import type { EstateResources } from '../../estate-model.js';
import { DAY_MS, type GenerationContext } from '../../model.js';
import { BUNDLE_FAMILIES, OS_OFFERS, poolsStreamingRate } from './catalogue.js';
import { APPSTREAM_REGIONS, streamHourly } from './catalogue-other.js';
import { type FleetFacts, otherFacts } from './facts.js';
import { dayString, Ledger } from './ledger.js';
import type { BillingAccount, BillingEstate, BillingStory } from './model.js';
import { addPersonalLines, WORKSPACES_SERVICE } from './personal-lines.js';
import { regionFacts } from './regions.js';
import {
  APPSTREAM_SERVICE,
  addAppStreamLines,
  addCoreInstanceLines,
  addOtherServiceLines,
  addPoolsLines,
  addSecureBrowserLines,
  type DayShape,
  SECURE_BROWSER_SERVICE,
} from './service-lines.js';
import { personalUsageType, poolsStreamingUsageType, streamUsageType } from './usage-types.js';

const ACCOUNT_NAMES = [
  'euc-management',
  'euc-emea',
  'euc-apac',
  'euc-labs',
  'euc-contractors',
  'euc-sandbox',
];
/** The surge: daily EUC spend this much above its trailing baseline, from 8 days ago. */
const SURGE_SHARE = 0.6;
const SURGE_DAYS = 8;

function firstOfMonthDay(epochDay: number, monthsBack = 0): number {
  const d = new Date(epochDay * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1) / DAY_MS);
}

function isEuc(service: string): boolean {
  return (
    service === WORKSPACES_SERVICE || service === APPSTREAM_SERVICE || service === SECURE_BROWSER_SERVICE
  );
}

/**
 * The load test left running: extra instances on the inventory's priciest AppStream fleet of the
 * first AppStream location (so the surge's usage type is one of a fleet that exists), else a pool.
 */
function addSurge(
  ledger: Ledger,
  ctx: GenerationContext,
  fleets: readonly FleetFacts[],
  today: number,
  elapsedToday: number,
): Omit<BillingStory, 'creditDay' | 'creditUsd'> {
  const daily = ledger.dailyTotals((k) => isEuc(k.service));
  const values: number[] = [];
  for (let day = today - 37; day <= today - SURGE_DAYS - 1; day++)
    if (firstOfMonthDay(day) !== day) values.push(daily[day - ledger.firstEpochDay] ?? 0);
  const baseline = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const target = Math.max(50, baseline * SURGE_SHARE);
  const from = today - SURGE_DAYS;
  const powerPro = BUNDLE_FAMILIES.find((f) => f.computeType === 'POWERPRO');
  const streamLocation = ctx.locations.find((l) => APPSTREAM_REGIONS.includes(l.region));
  const fleet = streamLocation ? priciestFleet(fleets, streamLocation) : undefined;
  const where = fleet ?? ctx.locations[0];
  const facts = where ? regionFacts(where.region) : undefined;
  if (!where || !facts || !powerPro)
    return { surgeFrom: dayString(from), surgeDailyUsd: 0, surgeUsageType: '' };
  const stream = fleet !== undefined;
  const hourly = fleet
    ? (streamHourly(fleet.instance, fleet.osCode, facts.multiplier) ?? 0)
    : poolsStreamingRate(powerPro, false, facts.multiplier);
  const usageType = fleet
    ? streamUsageType(
        facts.prefix,
        fleet.instance.instanceType,
        fleet.kind === 'ELASTIC' ? 'el' : 'fl',
        fleet.osCode,
      )
    : poolsStreamingUsageType(facts.prefix, powerPro, false);
  const service = stream ? APPSTREAM_SERVICE : WORKSPACES_SERVICE;
  const instances = hourly > 0 ? Math.ceil(target / (24 * hourly)) : 0;
  for (let day = from; day <= today; day++) {
    const hours = instances * 24 * (day === today ? elapsedToday : 1);
    ledger.add(
      { account: where.account, region: where.region, service, usageType, unit: 'Hrs' },
      day,
      hours * hourly,
      hours,
    );
  }
  return {
    surgeFrom: dayString(from),
    surgeDailyUsd: Math.round(instances * 24 * hourly * 100) / 100,
    surgeUsageType: usageType,
  };
}

function priciestFleet(fleets: readonly FleetFacts[], location: { account: string; region: string }) {
  let best: FleetFacts | undefined;
  for (const fleet of fleets)
    if (
      fleet.kind !== 'IMAGE_BUILDER' &&
      fleet.account === location.account &&
      fleet.region === location.region &&
      (!best || fleet.instance.windowsHourly > best.instance.windowsHourly)
    )
      best = fleet;
  return best;
}

/** Generates the billing part of the estate from the resources. */
export function generateBilling(ctx: GenerationContext, resources: EstateResources): BillingEstate {
  const { settings } = ctx;
  const nowMs = settings.now.getTime();
  const today = Math.floor(nowMs / DAY_MS);
  const elapsedToday = (nowMs - today * DAY_MS) / DAY_MS;
  const firstDay = firstOfMonthDay(today, 13);
  const ledger = new Ledger(firstDay, today);
  addPersonalLines(ledger, resources.personal.desktops, settings.now);
  const facts = otherFacts(resources, nowMs);
  const adDirectories = resources.personal.directories.filter(
    (d) => d.ds && d.directory.State === 'REGISTERED',
  );
  for (let day = firstDay; day <= today; day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    const shape: DayShape = {
      epochDay: day,
      workday: weekday >= 1 && weekday <= 5,
      firstOfMonth: firstOfMonthDay(day) === day,
      elapsed: day === today ? elapsedToday : 1,
    };
    addPoolsLines(ledger, facts, shape);
    addAppStreamLines(ledger, facts, shape);
    addSecureBrowserLines(ledger, facts, shape);
    addCoreInstanceLines(ledger, facts, shape);
    addOtherServiceLines(ledger, ctx.locations, adDirectories, shape);
  }
  const surge = addSurge(ledger, ctx, facts.fleets, today, elapsedToday);

  // A promotional credit against WorkSpaces, five months ago: RECORD_TYPE Credit, negative.
  const payer = settings.accounts[0] ?? '111122223333';
  const firstLocation = ctx.locations[0];
  const creditDay = firstOfMonthDay(today, 5) + 14;
  const creditUsd = -250;
  const standard = BUNDLE_FAMILIES.find((f) => f.computeType === 'STANDARD');
  const windows = OS_OFFERS[0];
  const creditFacts = firstLocation ? regionFacts(firstLocation.region) : undefined;
  if (firstLocation && standard && windows && creditFacts) {
    ledger.add(
      {
        account: payer,
        region: firstLocation.region,
        service: WORKSPACES_SERVICE,
        usageType: personalUsageType(creditFacts.prefix, windows, standard, 'AlwaysOn'),
        recordType: 'Credit',
        unit: 'Month',
      },
      creditDay,
      creditUsd,
      0,
    );
  }
  const accounts: BillingAccount[] = settings.accounts.map((id, i) => ({
    id,
    name: ACCOUNT_NAMES[i] ?? `euc-account-${i + 1}`,
  }));
  const month = new Date(Date.UTC(settings.now.getUTCFullYear(), settings.now.getUTCMonth() - 1, 1));
  return {
    payerAccount: payer,
    accounts,
    lines: ledger.lines(),
    firstDay: dayString(firstDay),
    today: dayString(today),
    activeTagKeys: ['Department'],
    hourlyGranularityEnabled: false,
    pageSize: 500,
    story: { ...surge, creditDay: dayString(creditDay), creditUsd },
    priceListPublication: month.toISOString().replace('.000Z', 'Z'),
  };
}
