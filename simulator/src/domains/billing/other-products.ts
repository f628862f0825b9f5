/**
 * Price List products of the other EUC service codes in one region.
 *
 * - AmazonAppStream: productFamily "Streaming Instance" / "Stopped Instance" / "User Fees";
 *   attributes instanceType, instanceFunction, instanceFamily, vcpu, memoryGib, videoMemoryGib,
 *   operatingSystem, licenseModel, osLicenseModel, operation ("Streaming:001", "StoppedInstance",
 *   "RDS CAL"), usagetype; units "hour", "users", "Month" (a public Price List schema for
 *   AmazonAppStream; docs/pricing-api.md of the reference project).
 * - AmazonWorkSpacesWeb (Secure Browser; the service code is confirmed by public Price List
 *   service-code tables): bundle "Standard", size Regular/Large/XLarge, usagetype suffix
 *   WEB-ST / WEB-ST-LARGE / WEB-ST-XLARGE, per monthly active user (reference project). The
 *   productFamily and unit names are our assumption.
 * - AmazonWorkSpacesInstances (Core Managed Instances): per instanceType, billingoption
 *   Hourly/Monthly, tenancy Shared/Dedicated (reference project); EC2 and EBS bill separately.
 */

import { roundHourly } from './catalogue.js';
import {
  APPSTREAM_REGIONS,
  CORE_INSTANCE_TYPES,
  coreManagementFee,
  SECURE_BROWSER_REGIONS,
  SECURE_BROWSER_SIZES,
  STREAM_FUNCTIONS,
  STREAM_INSTANCES,
  STREAM_OPERATING_SYSTEMS,
  STREAM_STOPPED_HOURLY,
  STREAM_USER_FEES,
  secureBrowserRate,
  streamHourly,
} from './catalogue-other.js';
import { type PriceDocument, priceDocument } from './price-document.js';
import type { regionFacts } from './regions.js';
import {
  coreManagedInstanceUsageType,
  secureBrowserUsageType,
  streamStoppedUsageType,
  streamUsageType,
  streamUserFeeUsageType,
} from './usage-types.js';

type Region = NonNullable<ReturnType<typeof regionFacts>> & { readonly code: string };

function where(region: Region, servicename: string): Record<string, string> {
  return { servicename, location: region.location, locationType: 'AWS Region', regionCode: region.code };
}

export function appStreamProducts(region: Region, publication: string): PriceDocument[] {
  if (!APPSTREAM_REGIONS.includes(region.code)) return [];
  const service = 'AmazonAppStream';
  const base = where(region, 'Amazon AppStream');
  const docs: PriceDocument[] = [];
  for (const instance of STREAM_INSTANCES)
    for (const os of STREAM_OPERATING_SYSTEMS) {
      // Graphics instances are sold with Windows only.
      if (instance.family.startsWith('Graphics') && !os.operatingSystem.startsWith('Windows')) continue;
      const usd = streamHourly(instance, os.code, region.multiplier) ?? 0;
      for (const fn of STREAM_FUNCTIONS) {
        if (fn.instanceFunction === 'MultiSessionFleet' && !os.operatingSystem.startsWith('Windows'))
          continue;
        docs.push(
          priceDocument(
            service,
            'Streaming Instance',
            `${region.code}|${instance.instanceType}|${os.code}|${fn.code}`,
            {
              ...base,
              instanceType: instance.instanceType,
              instanceFamily: instance.family,
              instanceFunction: fn.instanceFunction,
              vcpu: String(instance.vcpu),
              memoryGib: String(instance.memoryGib),
              videoMemoryGib: instance.family.startsWith('Graphics') ? '16' : 'N/A',
              operatingSystem: os.operatingSystem,
              licenseModel: os.licenseModel,
              osLicenseModel: 'License Included',
              multiSession: fn.instanceFunction === 'MultiSessionFleet' ? 'true' : 'false',
              operation: 'Streaming:001',
              usagetype: streamUsageType(region.prefix, instance.instanceType, fn.code, os.code),
            },
            {
              unit: 'hour',
              usd,
              description: `$${usd} per ${instance.instanceType} ${os.operatingSystem} ${fn.instanceFunction} hour`,
            },
            publication,
          ),
        );
      }
    }
  const stopped = roundHourly(STREAM_STOPPED_HOURLY * region.multiplier);
  docs.push(
    priceDocument(
      service,
      'Stopped Instance',
      `${region.code}|stopped`,
      {
        ...base,
        instanceFunction: 'StoppedFleetInstance',
        operation: 'StoppedInstance',
        usagetype: streamStoppedUsageType(region.prefix),
      },
      { unit: 'hour', usd: stopped, description: `$${stopped} per stopped On-Demand fleet instance hour` },
      publication,
    ),
  );
  const fees = [
    ['single', STREAM_USER_FEES.singleSession, 'users'],
    ['multi', STREAM_USER_FEES.multiSessionFirst, 'Month'],
    ['additional', STREAM_USER_FEES.multiSessionAdditional, 'Month'],
  ] as const;
  for (const [kind, usd, unit] of fees)
    docs.push(
      priceDocument(
        service,
        'User Fees',
        `${region.code}|user-fee|${kind}`,
        {
          ...base,
          operation: 'RDS CAL',
          operatingSystem: 'Windows',
          usagetype: streamUserFeeUsageType(region.prefix, kind),
        },
        { unit, usd, description: `$${usd} per Microsoft RDS SAL user per month (${kind})` },
        publication,
      ),
    );
  return docs;
}

export function secureBrowserProducts(region: Region, publication: string): PriceDocument[] {
  if (!SECURE_BROWSER_REGIONS.includes(region.code)) return [];
  return SECURE_BROWSER_SIZES.map((s) => {
    const usd = secureBrowserRate(s.suffix, region.multiplier) ?? 0;
    return priceDocument(
      'AmazonWorkSpacesWeb',
      'WorkSpaces Web',
      `${region.code}|${s.suffix}`,
      {
        ...where(region, 'Amazon WorkSpaces Web'),
        bundle: 'Standard',
        size: s.size,
        operation: 'WorkSpacesWebSession',
        usagetype: secureBrowserUsageType(region.prefix, s.suffix),
      },
      { unit: 'Users', usd, description: `$${usd} per monthly active user (${s.instanceType})` },
      publication,
    );
  });
}

export function coreInstanceProducts(region: Region, publication: string): PriceDocument[] {
  const docs: PriceDocument[] = [];
  for (const type of CORE_INSTANCE_TYPES)
    for (const tenancy of ['Shared', 'Dedicated'] as const)
      for (const billingoption of ['Hourly', 'Monthly'] as const) {
        const usd = coreManagementFee(type.vcpu, tenancy === 'Dedicated', billingoption, region.multiplier);
        const dimension =
          billingoption === 'Hourly'
            ? {
                unit: 'Hrs',
                usd,
                description: `WorkSpaces Core management fee per ${type.instanceType} hour`,
              }
            : {
                unit: 'Month',
                usd,
                description: `WorkSpaces Core management fee per ${type.instanceType} month`,
              };
        docs.push(
          priceDocument(
            'AmazonWorkSpacesInstances',
            'WorkSpaces Instances',
            `${region.code}|${type.instanceType}|${tenancy}|${billingoption}`,
            {
              // Core management fees appear on the "Amazon WorkSpaces" Cost Explorer line (reference
              // project test data: APS1-WH-ManagedInstances-Usage in the WorkSpaces usage-type split).
              ...where(region, 'Amazon WorkSpaces'),
              instanceType: type.instanceType,
              vcpu: String(type.vcpu),
              tenancy,
              billingoption,
              operation: 'ManagedInstance',
              usagetype: coreManagedInstanceUsageType(region.prefix, billingoption, tenancy === 'Dedicated'),
            },
            dimension,
            publication,
          ),
        );
      }
  return docs;
}
