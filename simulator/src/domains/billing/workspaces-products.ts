/**
 * Price List products of service code AmazonWorkSpaces in one region: Personal bundles (productFamily
 * "Enterprise Applications"), their "WorkSpaces Core" twins, Plus bundles, the custom-storage SKUs
 * and WorkSpaces Pools.
 *
 * Shape, after docs/pricing-api.md of the reference project (live API, 2026-07) and a public
 * Price List schema for AmazonWorkSpaces (attributes servicename, location, locationType,
 * regionCode, usagetype, operation, bundle, bundleGroup, bundleDescription, group "User"/"Usage",
 * groupDescription, license, operatingSystem, runningMode, storage, rootvolume, uservolume, vcpu,
 * memory, resourceType "Hardware"/"Software", softwareIncluded):
 * - a compute type is a bundle family; the base bundle (`Power`) owns one storage pairing and the
 *   suffixed variants (`Power-0`, `Power-1`…) the others, so match on `storage`, not the suffix;
 * - AlwaysOn monthly and AutoStop monthly fees are per storage pairing; the AutoStop hourly fee
 *   is published once per family × OS × licence, on the base bundle (BYOL hourly rows carry
 *   operatingSystem "Any");
 * - $0 Software rows sit beside the Hardware rows; Plus bundles carry a priced Software row;
 * - Pools: runningMode "Pool" per bundle and licence (storage Root:200 GB,User:0 GB), bundle
 *   "Stopped Instance" and "User Fee" with runningMode "Not Applicable Pools".
 */
import {
  BUNDLE_FAMILIES,
  type BundleFamily,
  CORE_BUNDLE_FACTOR,
  type OsOffer,
  osOffersOf,
  POOLS,
  personalRates,
  poolsStreamingRate,
  roundHourly,
  roundMonthly,
} from './catalogue.js';
import { type Dimension, type PriceDocument, priceDocument } from './price-document.js';
import type { regionFacts } from './regions.js';
import {
  coreBundleUsageType,
  personalSoftwareUsageType,
  personalUsageType,
  poolsStoppedUsageType,
  poolsStreamingUsageType,
  poolsUserFeeUsageType,
} from './usage-types.js';

type Region = NonNullable<ReturnType<typeof regionFacts>> & { readonly code: string };

const SERVICE = 'AmazonWorkSpaces';
export const PERSONAL_FAMILY = 'Enterprise Applications';
export const CORE_FAMILY = 'WorkSpaces Core';

function common(region: Region): Record<string, string> {
  return {
    servicename: 'Amazon WorkSpaces',
    location: region.location,
    locationType: 'AWS Region',
    regionCode: region.code,
    operation: '',
  };
}

/** The `bundle` value owning a storage pairing: the base name, or `-0`, `-1`… in catalogue order. */
function bundleName(f: BundleFamily, root: number, user: number): string {
  const [baseRoot, baseUser] = f.baseStorage;
  if (root === baseRoot && user === baseUser) return f.bundle;
  const others = f.storage.filter(([r, u]) => !(r === baseRoot && u === baseUser));
  return `${f.bundle}-${others.findIndex(([r, u]) => r === root && u === user)}`;
}

function hardware(f: BundleFamily, offer: OsOffer, root: number, user: number): Record<string, string> {
  return {
    bundle: bundleName(f, root, user),
    bundleGroup: f.bundle,
    bundleDescription: `${f.bundle} (${f.vcpu} vCPU, ${f.memoryGib} GiB${f.gpu ? ', GPU' : ''})`,
    license: offer.license,
    operatingSystem: offer.operatingSystem,
    storage: `Root:${root} GB,User:${user} GB`,
    rootvolume: `${root} GB`,
    uservolume: `${user} GB`,
    vcpu: String(f.vcpu),
    memory: `${f.memoryGib} GB`,
    resourceType: 'Hardware',
    softwareIncluded: 'None',
  };
}

function monthly(usd: number, what: string): Dimension {
  return { unit: 'Month', usd, description: `$${usd} per month for ${what}` };
}
function hourly(usd: number, what: string): Dimension {
  return { unit: 'Hour', usd, description: `$${usd} per hour for ${what}` };
}

function personalProducts(region: Region, publication: string, productFamily: string): PriceDocument[] {
  const core = productFamily === CORE_FAMILY;
  const factor = core ? CORE_BUNDLE_FACTOR : 1;
  const docs: PriceDocument[] = [];
  const usageType = (f: BundleFamily, offer: OsOffer, charge: Parameters<typeof personalUsageType>[3]) =>
    core ? coreBundleUsageType(region.prefix, f, charge) : personalUsageType(region.prefix, offer, f, charge);
  const doc = (key: string, attributes: Record<string, string>, dimension: Dimension) =>
    docs.push(
      priceDocument(
        SERVICE,
        productFamily,
        `${region.code}|${productFamily}|${key}`,
        { ...common(region), ...attributes },
        dimension,
        publication,
      ),
    );
  for (const f of BUNDLE_FAMILIES) {
    // Core bundles exist for the general-purpose families with Windows (included or BYOL) only.
    if (core && f.gpu) continue;
    for (const offer of osOffersOf(f)) {
      if (core && offer.key !== 'windows' && offer.key !== 'byol') continue;
      for (const [root, user] of f.storage) {
        const rates = personalRates(f, offer, root, user, region.multiplier);
        if (!rates) continue;
        const what = `${f.bundle} ${offer.operatingSystem} (${offer.license}) Root:${root} GB,User:${user} GB`;
        const hw = hardware(f, offer, root, user);
        doc(
          `${f.computeType}|${offer.key}|${root}|${user}|AlwaysOn`,
          {
            ...hw,
            runningMode: 'AlwaysOn',
            group: 'User',
            groupDescription: 'Billed by the month',
            usagetype: usageType(f, offer, 'AlwaysOn'),
          },
          monthly(roundMonthly(rates.alwaysOnMonthly * factor), `${what}, AlwaysOn`),
        );
        doc(
          `${f.computeType}|${offer.key}|${root}|${user}|AutoStop-User`,
          {
            ...hw,
            runningMode: 'AutoStop',
            group: 'User',
            groupDescription: 'Billed by the month',
            usagetype: usageType(f, offer, 'AutoStop-User'),
          },
          monthly(roundMonthly(rates.autoStopMonthlyBase * factor), `${what}, AutoStop monthly fee`),
        );
        const [baseRoot, baseUser] = f.baseStorage;
        if (root === baseRoot && user === baseUser)
          doc(
            `${f.computeType}|${offer.key}|AutoStop-Usage`,
            {
              ...hw,
              operatingSystem: offer.hourlyOperatingSystem,
              runningMode: 'AutoStop',
              group: 'Usage',
              groupDescription: 'Billed by the hour',
              usagetype: usageType(f, offer, 'AutoStop-Usage'),
            },
            hourly(
              roundHourly(rates.autoStopHourly * factor),
              `${f.bundle} ${offer.operatingSystem} (${offer.license}), AutoStop`,
            ),
          );
      }
      if (!core && offer.key === 'windows') {
        // The software part of a Windows bundle: $0 unless it is a Plus bundle.
        const [root, user] = f.baseStorage;
        doc(
          `${f.computeType}|software`,
          {
            ...hardware(f, offer, root, user),
            runningMode: 'AlwaysOn',
            group: 'User',
            groupDescription: 'Billed by the month',
            resourceType: 'Software',
            usagetype: personalSoftwareUsageType(region.prefix, f),
          },
          monthly(0, `${f.bundle} software`),
        );
      }
    }
  }
  return docs;
}

/** Plus bundles (Office bundled): a Hardware row like the plain bundle and a priced Software row. */
function plusProducts(region: Region, publication: string): PriceDocument[] {
  const docs: PriceDocument[] = [];
  for (const f of BUNDLE_FAMILIES.filter((b) =>
    ['STANDARD', 'PERFORMANCE', 'POWER'].includes(b.computeType),
  )) {
    const offer = osOffersOf(f)[0];
    if (!offer) continue;
    const [root, user] = f.baseStorage;
    const rates = personalRates(f, offer, root, user, region.multiplier);
    if (!rates) continue;
    const attributes = {
      ...common(region),
      ...hardware(f, offer, root, user),
      bundle: `${f.bundle} Plus`,
      bundleGroup: `${f.bundle} Plus`,
      runningMode: 'AlwaysOn',
      group: 'User',
      groupDescription: 'Billed by the month',
      softwareIncluded: 'Microsoft Office Professional',
    };
    const key = `${region.code}|plus|${f.computeType}`;
    docs.push(
      priceDocument(
        SERVICE,
        PERSONAL_FAMILY,
        `${key}|hw`,
        { ...attributes, usagetype: `${region.prefix}-AW-HW-${f.usageNumber}-Plus` },
        monthly(rates.alwaysOnMonthly, `${f.bundle} Plus hardware`),
        publication,
      ),
      priceDocument(
        SERVICE,
        PERSONAL_FAMILY,
        `${key}|sw`,
        {
          ...attributes,
          resourceType: 'Software',
          usagetype: `${region.prefix}-AW-SW-${f.usageNumber}-Plus`,
        },
        monthly(roundMonthly(15 * region.multiplier), `${f.bundle} Plus software (Office)`),
        publication,
      ),
    );
  }
  return docs;
}

/** Volumes beyond a bundle's pairing are billed per GB-month (bundle "Storage", runningMode "Not Applicable"). */
function storageProducts(region: Region, publication: string): PriceDocument[] {
  return (['Root', 'User'] as const).map((volume) =>
    priceDocument(
      SERVICE,
      PERSONAL_FAMILY,
      `${region.code}|storage|${volume}`,
      {
        ...common(region),
        bundle: 'Storage',
        bundleGroup: 'Storage',
        license: `${volume} Volume Usage`,
        operatingSystem: 'Windows',
        runningMode: 'Not Applicable',
        group: 'User',
        groupDescription: 'Billed by the month',
        resourceType: 'Hardware',
        vcpu: '0',
        memory: '0',
        rootvolume: volume === 'Root' ? 'Custom' : '0 GB',
        uservolume: volume === 'User' ? 'Custom' : '0 GB',
        usagetype: `${region.prefix}-AW-${volume}Vol-GB`,
      },
      {
        unit: 'GB-Month',
        usd: roundHourly((volume === 'Root' ? 0.05 : 0.1) * region.multiplier),
        description: `${volume} volume beyond the bundle, per GB-month`,
      },
      publication,
    ),
  );
}

function poolsProducts(region: Region, publication: string): PriceDocument[] {
  const docs: PriceDocument[] = [];
  const pool = (key: string, attributes: Record<string, string>, dimension: Dimension) =>
    docs.push(
      priceDocument(
        SERVICE,
        PERSONAL_FAMILY,
        `${region.code}|pools|${key}`,
        { ...common(region), ...attributes },
        dimension,
        publication,
      ),
    );
  for (const f of BUNDLE_FAMILIES.filter((b) => b.pools)) {
    for (const byol of [false, true]) {
      const usd = poolsStreamingRate(f, byol, region.multiplier);
      pool(
        `${f.computeType}|${byol}`,
        {
          bundle: f.bundle,
          bundleGroup: f.bundle,
          license: byol ? 'Bring Your Own License' : 'Included',
          operatingSystem: 'Windows',
          runningMode: 'Pool',
          storage: 'Root:200 GB,User:0 GB',
          vcpu: String(f.vcpu),
          memory: `${f.memoryGib} GB`,
          group: 'Usage',
          groupDescription: 'Billed by the hour',
          resourceType: 'Hardware',
          usagetype: poolsStreamingUsageType(region.prefix, f, byol),
        },
        hourly(usd, `${f.bundle} pool streaming (${byol ? 'BYOL' : 'licence included'})`),
      );
    }
  }
  const notApplicable = {
    operatingSystem: 'Windows',
    license: 'Included',
    runningMode: 'Not Applicable Pools',
    resourceType: 'Hardware',
  };
  pool(
    'stopped',
    {
      ...notApplicable,
      bundle: 'Stopped Instance',
      group: 'Usage',
      groupDescription: 'Billed by the hour',
      usagetype: poolsStoppedUsageType(region.prefix),
    },
    hourly(roundHourly(POOLS.stoppedHourly * region.multiplier), 'a provisioned, stopped pool instance'),
  );
  pool(
    'user-fee',
    {
      ...notApplicable,
      bundle: 'User Fee',
      group: 'User',
      groupDescription: 'Billed by the month',
      usagetype: poolsUserFeeUsageType(region.prefix),
    },
    monthly(POOLS.userFeeMonthly, 'each pool user who connects in the month'),
  );
  return docs;
}

/** Every AmazonWorkSpaces product of one region. */
export function workspacesProducts(region: Region, publication: string): PriceDocument[] {
  return [
    ...personalProducts(region, publication, PERSONAL_FAMILY),
    ...personalProducts(region, publication, CORE_FAMILY),
    ...plusProducts(region, publication),
    ...storageProducts(region, publication),
    ...poolsProducts(region, publication),
  ];
}
