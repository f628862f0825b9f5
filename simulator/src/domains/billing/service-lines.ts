/**
 * The rest of the bill: WorkSpaces Pools, AppStream fleets and image builders, Secure Browser
 * portals, Core Managed Instances (their management fee and the EC2/EBS underneath), and a few
 * services that are not EUC spend but carry look-alike names or sit beside it (Directory
 * Service, EC2, S3, CloudWatch, KMS, WorkSpaces Thin Client), so keyword matching is exercised.
 *
 * Billing rules: Pools bill streaming hours, a stopped-instance fee for provisioned idle
 * capacity and a user fee per user per month (licence included); AppStream ALWAYS_ON fleets
 * bill every provisioned instance-hour, ON_DEMAND fleets streaming hours plus the stopped fee,
 * ELASTIC fleets streaming hours only, image builders every hour they run; Windows fleets with
 * the licence included add a user fee per user per month (AppStream pricing, "User charges"; the
 * reference project's docs/pricing-api.md). Secure Browser bills per monthly active user. Core
 * Managed Instances bill a management fee (hourly or monthly) on top of EC2 and EBS.
 */

import { DAY_MS } from '../../model.js';
import { unit } from '../../rng.js';
import type { SimDirectory } from '../personal/model.js';
import { POOLS, poolsStreamingRate } from './catalogue.js';
import {
  coreManagementFee,
  STREAM_STOPPED_HOURLY,
  STREAM_USER_FEES,
  secureBrowserRate,
  streamHourly,
} from './catalogue-other.js';
import type { OtherFacts } from './facts.js';
import type { Ledger, LineKey } from './ledger.js';
import { WORKSPACES_SERVICE } from './personal-lines.js';
import { regionFacts } from './regions.js';
import {
  coreManagedInstanceUsageType,
  poolsStoppedUsageType,
  poolsStreamingUsageType,
  poolsUserFeeUsageType,
  secureBrowserUsageType,
  streamStoppedUsageType,
  streamUsageType,
  streamUserFeeUsageType,
} from './usage-types.js';

export const APPSTREAM_SERVICE = 'Amazon AppStream';
export const SECURE_BROWSER_SERVICE = 'Amazon WorkSpaces Web';
export const EC2_SERVICE = 'Amazon Elastic Compute Cloud - Compute';

/** What the day looks like: a working day, and how much of it has happened (today is partial). */
export interface DayShape {
  readonly epochDay: number;
  readonly workday: boolean;
  readonly firstOfMonth: boolean;
  /** 1 for past days, the elapsed share for today. */
  readonly elapsed: number;
}

function key(account: string, region: string, service: string, usageType: string, unitName: string): LineKey {
  return { account, region, service, usageType, unit: unitName };
}

/** Working-hours streaming with day-to-day noise: ten busy hours on working days, a trickle at weekends. */
function streamingHours(capacity: number, utilisation: number, day: DayShape, seed: string): number {
  const hours =
    capacity * utilisation * 10 * (day.workday ? 1 : 0.08) * (0.75 + 0.5 * unit(seed, day.epochDay));
  return Math.min(capacity * 24, hours) * day.elapsed;
}

/** The share of the day a resource ran, billed in [fromMs, untilMs) (created, started or stopped that day). */
function runningShare(
  resource: { readonly fromMs: number; readonly untilMs?: number },
  day: DayShape,
): number {
  const dayStart = day.epochDay * DAY_MS;
  const span =
    Math.min(resource.untilMs ?? Number.POSITIVE_INFINITY, dayStart + DAY_MS * day.elapsed) -
    Math.max(resource.fromMs, dayStart);
  return span <= 0 ? 0 : Math.min(1, span / (DAY_MS * day.elapsed));
}

export function addPoolsLines(ledger: Ledger, facts: OtherFacts, day: DayShape): void {
  for (const pool of facts.pools) {
    const region = regionFacts(pool.region);
    if (!region) continue;
    const share = runningShare(pool, day);
    if (share <= 0) continue;
    const streaming = share * streamingHours(pool.capacity, pool.utilisation, day, `pool-${pool.name}`);
    const stopped = pool.capacity * 24 * day.elapsed * share - streaming;
    const rate = poolsStreamingRate(pool.family, pool.byol, region.multiplier);
    ledger.add(
      key(
        pool.account,
        pool.region,
        WORKSPACES_SERVICE,
        poolsStreamingUsageType(region.prefix, pool.family, pool.byol),
        'Hrs',
      ),
      day.epochDay,
      streaming * rate,
      streaming,
    );
    const stoppedRate = Math.round(POOLS.stoppedHourly * region.multiplier * 1000) / 1000;
    ledger.add(
      key(pool.account, pool.region, WORKSPACES_SERVICE, poolsStoppedUsageType(region.prefix), 'Hrs'),
      day.epochDay,
      stopped * stoppedRate,
      stopped,
    );
    if (day.firstOfMonth && !pool.byol)
      ledger.add(
        key(pool.account, pool.region, WORKSPACES_SERVICE, poolsUserFeeUsageType(region.prefix), 'Users'),
        day.epochDay,
        pool.users * POOLS.userFeeMonthly,
        pool.users,
      );
  }
}

export function addAppStreamLines(ledger: Ledger, facts: OtherFacts, day: DayShape): void {
  for (const fleet of facts.fleets) {
    const region = regionFacts(fleet.region);
    const rate = region ? streamHourly(fleet.instance, fleet.osCode, region.multiplier) : undefined;
    if (!region || rate === undefined) continue;
    const at = (usageType: string, unitName: string) =>
      key(fleet.account, fleet.region, APPSTREAM_SERVICE, usageType, unitName);
    const share = runningShare(fleet, day);
    if (share <= 0) continue;
    const provisioned = fleet.capacity * 24 * day.elapsed * share;
    const streaming = share * streamingHours(fleet.capacity, fleet.utilisation, day, `fleet-${fleet.name}`);
    const code = fleet.kind === 'IMAGE_BUILDER' ? 'ib' : fleet.kind === 'ELASTIC' ? 'el' : 'fl';
    const running = fleet.kind === 'ALWAYS_ON' || fleet.kind === 'IMAGE_BUILDER' ? provisioned : streaming;
    ledger.add(
      at(streamUsageType(region.prefix, fleet.instance.instanceType, code, fleet.osCode), 'Hrs'),
      day.epochDay,
      running * rate,
      running,
    );
    if (fleet.kind === 'ON_DEMAND') {
      const idle = provisioned - streaming;
      const stoppedRate = Math.round(STREAM_STOPPED_HOURLY * region.multiplier * 1000) / 1000;
      ledger.add(at(streamStoppedUsageType(region.prefix), 'Hrs'), day.epochDay, idle * stoppedRate, idle);
    }
    if (day.firstOfMonth && fleet.osCode === 'win' && fleet.users > 0 && fleet.kind !== 'IMAGE_BUILDER')
      ledger.add(
        at(streamUserFeeUsageType(region.prefix, 'single'), 'Users'),
        day.epochDay,
        fleet.users * STREAM_USER_FEES.singleSession,
        fleet.users,
      );
  }
}

export function addSecureBrowserLines(ledger: Ledger, facts: OtherFacts, day: DayShape): void {
  if (!day.firstOfMonth) return;
  for (const portal of facts.portals) {
    if (day.epochDay * DAY_MS + DAY_MS <= portal.fromMs) continue;
    const region = regionFacts(portal.region);
    const rate = region ? secureBrowserRate(portal.suffix, region.multiplier) : undefined;
    if (!region || rate === undefined) continue;
    ledger.add(
      key(
        portal.account,
        portal.region,
        SECURE_BROWSER_SERVICE,
        secureBrowserUsageType(region.prefix, portal.suffix),
        'Users',
      ),
      day.epochDay,
      portal.monthlyActiveUsers * rate,
      portal.monthlyActiveUsers,
    );
  }
}

/** EC2 usage types in us-east-1 carry no region prefix (a long-standing AWS quirk). */
function ec2Prefix(region: string, prefix: string): string {
  return region === 'us-east-1' ? '' : `${prefix}-`;
}

export function addCoreInstanceLines(ledger: Ledger, facts: OtherFacts, day: DayShape): void {
  for (const instance of facts.managedInstances) {
    const region = regionFacts(instance.region);
    if (!region || runningShare(instance, day) <= 0) continue;
    // Monthly-billed instances run round the clock; hourly-billed ones as the working day needs.
    const hours = instance.billing === 'Monthly' ? 24 * day.elapsed : (day.workday ? 10 : 0.5) * day.elapsed;
    const fee = coreManagementFee(instance.vcpu, instance.dedicated, instance.billing, region.multiplier);
    const feeKey = key(
      instance.account,
      instance.region,
      WORKSPACES_SERVICE,
      coreManagedInstanceUsageType(region.prefix, instance.billing, instance.dedicated),
      instance.billing === 'Hourly' ? 'Hrs' : 'Month',
    );
    if (instance.billing === 'Hourly') ledger.add(feeKey, day.epochDay, hours * fee, hours);
    else if (day.firstOfMonth) ledger.add(feeKey, day.epochDay, fee, 1);
    const p = ec2Prefix(instance.region, region.prefix);
    ledger.add(
      key(instance.account, instance.region, EC2_SERVICE, `${p}BoxUsage:${instance.instanceType}`, 'Hrs'),
      day.epochDay,
      hours * instance.ec2Hourly * region.multiplier,
      hours,
    );
    const gbMonths = (100 * day.elapsed) / 30;
    ledger.add(
      key(instance.account, instance.region, 'EC2 - Other', `${p}EBS:VolumeUsage.gp3`, 'GB-Mo'),
      day.epochDay,
      gbMonths * 0.08 * region.multiplier,
      gbMonths,
    );
  }
}

/** Not EUC spend: the workloads around the desktops, and the directories they sign in through. */
export function addOtherServiceLines(
  ledger: Ledger,
  locations: readonly { account: string; region: string }[],
  directories: readonly SimDirectory[],
  day: DayShape,
): void {
  locations.forEach((location, i) => {
    const region = regionFacts(location.region);
    if (!region) return;
    const m = region.multiplier;
    const p = ec2Prefix(location.region, region.prefix);
    const at = (service: string, usageType: string, unitName: string) =>
      key(location.account, location.region, service, usageType, unitName);
    const noise = 0.9 + 0.2 * unit('other', i, day.epochDay);
    ledger.add(
      at(EC2_SERVICE, `${p}BoxUsage:m5.xlarge`, 'Hrs'),
      day.epochDay,
      4 * 24 * 0.192 * m * day.elapsed,
      4 * 24 * day.elapsed,
    );
    ledger.add(
      at('EC2 - Other', `${p}NatGateway-Hours`, 'Hrs'),
      day.epochDay,
      2 * 24 * 0.045 * m * day.elapsed,
      2 * 24 * day.elapsed,
    );
    ledger.add(
      at('Amazon Simple Storage Service', `${region.prefix}-TimedStorage-ByteHrs`, 'GB-Mo'),
      day.epochDay,
      ((2048 * 0.023) / 30) * noise * day.elapsed,
      (2048 / 30) * day.elapsed,
    );
    ledger.add(
      at('Amazon CloudWatch', `${region.prefix}-CW:MetricMonitorUsage`, 'Metrics'),
      day.epochDay,
      (60 * 0.3 * noise * day.elapsed) / 30,
      (60 * day.elapsed) / 30,
    );
    if (day.firstOfMonth)
      ledger.add(at('AWS Key Management Service', `${region.prefix}-KMS-Keys`, 'Keys'), day.epochDay, 6, 6);
    // WorkSpaces Thin Client is hardware, billed per device per month: a keyword look-alike.
    if (day.firstOfMonth && i === 0)
      ledger.add(
        at('Amazon WorkSpaces Thin Client', `${region.prefix}-ThinClient-DeviceMonth`, 'Devices'),
        day.epochDay,
        25 * 6,
        25,
      );
  });
  for (const directory of directories) {
    const region = regionFacts(directory.region);
    const type = directory.ds?.Type;
    if (!region || !type) continue;
    // AD Connector small $0.05/h; Managed Microsoft AD Standard two domain controllers at $0.06/h.
    const [usageType, hourly] =
      type === 'ADConnector' ? ['ADConnector-Small', 0.05] : ['MicrosoftAD-Standard', 0.12];
    ledger.add(
      key(
        directory.account,
        directory.region,
        'AWS Directory Service',
        `${region.prefix}-DirectoryService-${usageType}`,
        'Hrs',
      ),
      day.epochDay,
      24 * hourly * region.multiplier * day.elapsed,
      24 * day.elapsed,
    );
  }
}
