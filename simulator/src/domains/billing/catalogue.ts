/**
 * The list prices of the simulated estate, in us-east-1 dollars before the region multiplier
 * (regions.ts). One table feeds both the Price List products and the Cost Explorer lines, so a
 * tool that prices a desktop from the Price List and one that reads its bill agree.
 *
 * Sources for the figures (believable, not AWS's current prices):
 * - Personal AlwaysOn / AutoStop base / hourly: us-east-1 Windows licence-included figures
 *   validated against the live Price List in public code (VALUE $25, STANDARD $35 / $9.75 +
 *   $0.30, PERFORMANCE $50 / $13 + $0.47, POWER $78 / $19 + $0.68, POWERPRO $140 / $19 + $1.53,
 *   GRAPHICSPRO $999 / $66 + $11.62, g4dn $537); their break-evens land on Cost Optimizer for
 *   WorkSpaces' default thresholds (81/85/80/92/78, g4dn 334 h), which is the check we used.
 * - BYOL and Linux are a few percent cheaper than licence-included Windows (Singapore Power
 *   175/100: $124 Included vs $120 BYOL, hourly $0.99 vs $0.95; Power-0 Amazon Linux $112 vs
 *   Windows $116), per the reference project's live discovery (docs/pricing-api.md, 2026-07).
 * - Pools streaming ≈ 0.485 × the Personal hourly rate (Singapore Power $0.48 Included, $0.417
 *   BYOL), stopped instance $0.025/h, user fee $4.19/user/month (same source).
 * - AppStream: stream.graphics-pro.4xlarge $2.05/h and graphics-design.large $0.25/h in
 *   us-east-1 (public pricing datasets); Windows user fees $4.19 / $6.42 / $2.23 (reference).
 * - Secure Browser per monthly active user and the Core Managed Instances management fee are
 *   assumptions of the same order as AWS's pricing pages.
 */

/** How a WorkSpaces Personal desktop's OS is licensed, as the Price List `license` says it. */
export type PriceListLicence = 'Included' | 'Bring Your Own License' | 'None';

/** One WorkSpaces compute type as the Price List sells it. */
export interface BundleFamily {
  /** `WorkspaceProperties.ComputeTypeName`. */
  readonly computeType: string;
  /** The Price List `bundle` / `bundleGroup` value (`Power`, `GraphicsPro.g4dn`). */
  readonly bundle: string;
  /** The number in its usage types (`USE1-AW-HW-8`); AWS's own for the classic bundles. */
  readonly usageNumber: number;
  readonly vcpu: number;
  readonly memoryGib: number;
  readonly gpu: boolean;
  /** The storage pairing the base prices are for. */
  readonly baseStorage: readonly [number, number];
  /** Every (root, user) pairing AWS prices for this family; others are custom volumes. */
  readonly storage: readonly (readonly [number, number])[];
  readonly alwaysOnMonthly: number;
  readonly autoStopMonthlyBase: number;
  readonly autoStopHourly: number;
  /** Sold as a Pools bundle too. */
  readonly pools: boolean;
}

const SMALL = [
  [80, 10],
  [80, 50],
  [80, 100],
  [175, 100],
  [175, 200],
] as const;
const LARGE = [
  [175, 100],
  [175, 200],
] as const;

/**
 * The families of `domains/personal/catalogue.ts`. GRAPHICS (the first-generation GPU bundle)
 * is retired and has no SKUs any more, as in the real Price List, so its desktops are unpriced.
 */
export const BUNDLE_FAMILIES: readonly BundleFamily[] = [
  family(
    'VALUE',
    'Value',
    1,
    1,
    2,
    false,
    [80, 50],
    [
      [80, 10],
      [80, 50],
      [80, 100],
    ],
    27,
    9.25,
    0.22,
    false,
  ),
  family('STANDARD', 'Standard', 2, 2, 4, false, [80, 50], SMALL, 35, 9.75, 0.3, true),
  family('PERFORMANCE', 'Performance', 3, 2, 8, false, [80, 50], SMALL, 50, 13, 0.47, true),
  family('POWER', 'Power', 8, 4, 16, false, [175, 100], SMALL, 78, 19, 0.68, true),
  family('POWERPRO', 'PowerPro', 19, 8, 32, false, [175, 100], SMALL, 140, 19, 1.53, true),
  family(
    'GENERALPURPOSE_4XLARGE',
    'GeneralPurpose.4xlarge',
    31,
    16,
    64,
    false,
    [175, 100],
    LARGE,
    325,
    19,
    3.2,
    true,
  ),
  family(
    'GENERALPURPOSE_8XLARGE',
    'GeneralPurpose.8xlarge',
    32,
    32,
    128,
    false,
    [175, 100],
    LARGE,
    640,
    19,
    6.4,
    true,
  ),
  family('GRAPHICS_G4DN', 'Graphics.g4dn', 21, 4, 16, true, [175, 100], LARGE, 537, 66, 1.41, true),
  family('GRAPHICSPRO_G4DN', 'GraphicsPro.g4dn', 22, 16, 64, true, [175, 100], LARGE, 959, 66, 11.16, true),
  family('GRAPHICS_G6_XLARGE', 'Graphics.g6.xlarge', 41, 4, 16, true, [175, 100], LARGE, 560, 66, 1.6, false),
  family(
    'GRAPHICS_GR6_4XLARGE',
    'Graphics.gr6.4xlarge',
    45,
    16,
    128,
    true,
    [175, 100],
    LARGE,
    1100,
    66,
    8.5,
    false,
  ),
  family('GRAPHICSPRO', 'GraphicsPro', 5, 16, 122, true, [175, 100], LARGE, 999, 66, 11.62, false),
  // Retired: still billed for the desktops that run it, but no longer in the Price List.
  family('GRAPHICS', 'Graphics', 4, 8, 15, true, [175, 100], [], 350, 66, 1.75, false),
];

function family(
  computeType: string,
  bundle: string,
  usageNumber: number,
  vcpu: number,
  memoryGib: number,
  gpu: boolean,
  baseStorage: readonly [number, number],
  storage: readonly (readonly [number, number])[],
  alwaysOnMonthly: number,
  autoStopMonthlyBase: number,
  autoStopHourly: number,
  pools: boolean,
): BundleFamily {
  return {
    computeType,
    bundle,
    usageNumber,
    vcpu,
    memoryGib,
    gpu,
    baseStorage,
    storage,
    alwaysOnMonthly,
    autoStopMonthlyBase,
    autoStopHourly,
    pools,
  };
}

export function bundleFamily(computeType: string | undefined): BundleFamily | undefined {
  return BUNDLE_FAMILIES.find((f) => f.computeType === computeType);
}

/** Storage above or below the base pairing moves both monthly fees (USD per GiB-month). */
const ROOT_GIB_MONTH = 0.05;
const USER_GIB_MONTH = 0.1;

/** An OS as the Price List sells WorkSpaces Personal: its attribute values and price factors. */
export interface OsOffer {
  readonly key: 'windows' | 'byol' | 'amazon-linux' | 'ubuntu' | 'rhel' | 'rocky';
  /** `operatingSystem` on the monthly SKUs. */
  readonly operatingSystem: string;
  /** `operatingSystem` on the AutoStop hourly SKU (BYOL hourly rows carry "Any"). */
  readonly hourlyOperatingSystem: string;
  readonly license: PriceListLicence;
  readonly monthlyFactor: number;
  readonly hourlyFactor: number;
  /** Usage-type infix: `AW-HW` licence included, `AW-HWB` BYOL, `AW-HWU` Linux. */
  readonly usageInfix: string;
}

/**
 * The OS/licence pairs of docs/pricing-api.md (reference project): Windows Server `Windows` +
 * `Included`; Windows 10/11 `Windows` or `Any` + `Bring Your Own License`; Amazon Linux and
 * Ubuntu `None`; RHEL and Rocky `Included`. The HWB/HWU usage-type infixes follow usage types
 * seen in public data (`APS1-AW-HWB5-0`, `AW-HWU-3-AutoStop-Usage`); which OS each stands for is
 * our assumption.
 */
export const OS_OFFERS: readonly OsOffer[] = [
  os('windows', 'Windows', 'Windows', 'Included', 1, 1, 'AW-HW'),
  os('byol', 'Windows', 'Any', 'Bring Your Own License', 0.968, 0.96, 'AW-HWB'),
  os('amazon-linux', 'Amazon Linux', 'Amazon Linux', 'None', 0.966, 0.96, 'AW-HWU'),
  os('ubuntu', 'Ubuntu Linux', 'Ubuntu Linux', 'None', 0.966, 0.96, 'AW-HWU'),
  os('rhel', 'Red Hat Enterprise Linux', 'Red Hat Enterprise Linux', 'Included', 1.12, 1.1, 'AW-HWR'),
  os('rocky', 'Rocky Linux', 'Rocky Linux', 'Included', 0.98, 0.97, 'AW-HWK'),
];

function os(
  key: OsOffer['key'],
  operatingSystem: string,
  hourlyOperatingSystem: string,
  license: PriceListLicence,
  monthlyFactor: number,
  hourlyFactor: number,
  usageInfix: string,
): OsOffer {
  return { key, operatingSystem, hourlyOperatingSystem, license, monthlyFactor, hourlyFactor, usageInfix };
}

/** The offer a WorkSpaces OperatingSystemName is billed under (Windows 10/11 are always BYOL). */
export function osOfferFor(operatingSystemName: string | undefined): OsOffer | undefined {
  const name = (operatingSystemName ?? '').toUpperCase();
  const key: OsOffer['key'] | undefined = /^WINDOWS_(7|10|11)$/.test(name)
    ? 'byol'
    : name.startsWith('WINDOWS')
      ? 'windows'
      : name.startsWith('AMAZON_LINUX')
        ? 'amazon-linux'
        : name.startsWith('UBUNTU')
          ? 'ubuntu'
          : name.startsWith('RHEL')
            ? 'rhel'
            : name.startsWith('ROCKY')
              ? 'rocky'
              : undefined;
  return OS_OFFERS.find((o) => o.key === key);
}

/** GPU bundles are sold with Windows only (licence included or BYOL). */
export function osOffersOf(f: BundleFamily): readonly OsOffer[] {
  return f.gpu ? OS_OFFERS.filter((o) => o.key === 'windows' || o.key === 'byol') : OS_OFFERS;
}

/** Monthly list prices are whole quarters of a dollar; hourly ones whole cents (3 decimals below $0.10). */
export function roundMonthly(usd: number): number {
  return Math.round(usd * 4) / 4;
}
export function roundHourly(usd: number): number {
  return usd < 0.1 ? Math.round(usd * 1000) / 1000 : Math.round(usd * 100) / 100;
}

/** The three Personal prices of one configuration in a region. */
export interface PersonalRates {
  readonly alwaysOnMonthly: number;
  readonly autoStopMonthlyBase: number;
  readonly autoStopHourly: number;
}

/** Personal prices of (family, OS, storage) in a region with `multiplier`; undefined when not sold. */
export function personalRates(
  f: BundleFamily,
  offer: OsOffer,
  root: number,
  user: number,
  multiplier: number,
): PersonalRates | undefined {
  if (!f.storage.some(([r, u]) => r === root && u === user)) return undefined;
  if (!osOffersOf(f).includes(offer)) return undefined;
  return billedRates(f, offer, root, user, multiplier);
}

/**
 * What a desktop is billed, whatever its volumes: the base pairing's fees moved by the per-GiB
 * storage rate (how AWS bills volumes grown beyond a bundle's pairing).
 */
export function billedRates(
  f: BundleFamily,
  offer: OsOffer,
  root: number,
  user: number,
  multiplier: number,
): PersonalRates {
  const storageDelta =
    (root - f.baseStorage[0]) * ROOT_GIB_MONTH + (user - f.baseStorage[1]) * USER_GIB_MONTH;
  return {
    alwaysOnMonthly: roundMonthly((f.alwaysOnMonthly * offer.monthlyFactor + storageDelta) * multiplier),
    autoStopMonthlyBase: roundMonthly((f.autoStopMonthlyBase + storageDelta) * multiplier),
    autoStopHourly: roundHourly(f.autoStopHourly * offer.hourlyFactor * multiplier),
  };
}

/** WorkSpaces Core bundles (productFamily "WorkSpaces Core") run about 3.5 % under Personal. */
export const CORE_BUNDLE_FACTOR = 0.965;

/** Pools: streaming per hour (licence included; BYOL × 0.87), stopped instance per hour, user fee. */
export const POOLS = {
  streamingFactor: 0.485,
  byolFactor: 0.87,
  stoppedHourly: 0.025,
  userFeeMonthly: 4.19,
} as const;

/** Pools streaming per hour of a bundle in a region (licence included, or BYOL). */
export function poolsStreamingRate(f: BundleFamily, byol: boolean, multiplier: number): number {
  const included = roundHourly(f.autoStopHourly * POOLS.streamingFactor * multiplier);
  return byol ? roundHourly(included * POOLS.byolFactor) : included;
}
