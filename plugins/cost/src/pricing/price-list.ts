import type { PersonalPrices } from '../running-mode/break-even.js';

/**
 * The AWS Price List vocabulary for WorkSpaces Personal (service code AmazonWorkSpaces), as
 * documented by the reference project's live discovery (docs/pricing-api.md, 2026-07):
 * productFamily "Enterprise Applications" is Personal/Pools ("WorkSpaces Core" repeats the bundle
 * names at other prices); a compute type is a bundle family whose storage variants are separate
 * bundles (`Power`, `Power-0`…), matched on the `storage` attribute, never on the suffix;
 * "… Plus" bundles are software-bundled products; monthly fees are per storage pairing while the
 * AutoStop hourly rate is published once per family × OS × licence.
 */

/** One priced dimension of a product (zero prices are dropped when parsing). */
export interface PriceDimension {
  readonly unit: string;
  readonly usd: number;
  readonly description?: string;
}

/** A Price List product reduced to what we match on. */
export interface PriceProduct {
  readonly sku: string;
  readonly productFamily?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly prices: readonly PriceDimension[];
}

/** The productFamily of Personal (and Pools) SKUs. */
export const PERSONAL_PRODUCT_FAMILY = 'Enterprise Applications';

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Parses one PriceList entry (a JSON string in the SDK output). Undefined when malformed. */
export function parsePriceListItem(item: unknown): PriceProduct | undefined {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = asRecord(typeof item === 'string' ? JSON.parse(item) : JSON.parse(String(item)));
  } catch {
    doc = asRecord(item);
  }
  const product = asRecord(doc?.product);
  if (!doc || !product) return undefined;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(product.attributes) ?? {}))
    if (typeof value === 'string') attributes[key] = value;
  const prices: PriceDimension[] = [];
  for (const term of Object.values(asRecord(asRecord(doc.terms)?.OnDemand) ?? {}))
    for (const dimension of Object.values(asRecord(asRecord(term)?.priceDimensions) ?? {})) {
      const d = asRecord(dimension);
      const amount = Number(asRecord(d?.pricePerUnit)?.USD);
      if (!d || !Number.isFinite(amount) || amount <= 0) continue;
      prices.push({
        unit: typeof d.unit === 'string' ? d.unit : '',
        usd: amount,
        ...(typeof d.description === 'string' ? { description: d.description } : {}),
      });
    }
  return {
    sku: typeof product.sku === 'string' ? product.sku : '',
    ...(typeof product.productFamily === 'string' ? { productFamily: product.productFamily } : {}),
    attributes,
    prices,
  };
}

/** True for an hourly unit ("Hour", "Hrs"). */
export function isHourly(unit: string): boolean {
  return /^(hour|hr)/i.test(unit.trim());
}

/** True for a monthly unit ("Month", "Mo"). */
export function isMonthly(unit: string): boolean {
  return /^mo/i.test(unit.trim());
}

/** Price List `license` values. */
export type PriceListLicence = 'Included' | 'Bring Your Own License' | 'None';

/** How a desktop's OS is sold: the licence and the `operatingSystem` values its SKUs carry. */
export interface LicenceModel {
  readonly licence: PriceListLicence;
  readonly operatingSystems: readonly string[];
  /** For people: "Windows Server, licence included", "BYOL Windows 10/11"... */
  readonly label: string;
}

/**
 * The licence model of a WorkSpaces OperatingSystemName. Windows 10/11 (and 7) on Personal are
 * always BYOL, on their own cheaper SKUs whose operatingSystem is "Windows" or "Any"; Windows
 * Server bundles include the licence; Amazon Linux and Ubuntu carry licence "None".
 */
export function personalLicenceFor(operatingSystem: string | undefined): LicenceModel | undefined {
  const os = (operatingSystem ?? '').toUpperCase();
  if (/^WINDOWS_(7|10|11)$/.test(os))
    return { licence: 'Bring Your Own License', operatingSystems: ['Windows', 'Any'], label: 'BYOL Windows' };
  if (os.startsWith('WINDOWS_SERVER'))
    return { licence: 'Included', operatingSystems: ['Windows'], label: 'Windows Server, licence included' };
  if (os.startsWith('AMAZON_LINUX'))
    return { licence: 'None', operatingSystems: ['Amazon Linux'], label: 'Amazon Linux' };
  if (os.startsWith('UBUNTU'))
    return { licence: 'None', operatingSystems: ['Ubuntu Linux'], label: 'Ubuntu' };
  if (os.startsWith('RHEL'))
    return {
      licence: 'Included',
      operatingSystems: ['Red Hat Enterprise Linux'],
      label: 'RHEL, licence included',
    };
  if (os.startsWith('ROCKY'))
    return { licence: 'Included', operatingSystems: ['Rocky Linux'], label: 'Rocky Linux' };
  return undefined;
}

/** `GRAPHICSPRO_G4DN` and `GraphicsPro.g4dn` both become `graphicsprog4dn`. */
export function computeTypeKey(computeType: string): string {
  return computeType.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The compute-type key of a bundle attribute (`Power-2` → `power`); undefined for Plus/standby bundles. */
export function bundleFamilyKey(bundle: string | undefined): string | undefined {
  if (!bundle || /plus|standby/i.test(bundle)) return undefined;
  return computeTypeKey(bundle.replace(/-\d+$/, ''));
}

/** Parses `Root:80 GB,User:100 GB`. */
export function parseStorage(storage: string | undefined): { root: number; user: number } | undefined {
  const match = /root:\s*(\d+)\s*gb.*user:\s*(\d+)\s*gb/i.exec(storage ?? '');
  return match ? { root: Number(match[1]), user: Number(match[2]) } : undefined;
}

/** What a Personal desktop configuration is priced by. */
export interface PersonalQuery {
  readonly computeType: string;
  readonly licence: LicenceModel;
  readonly rootVolumeGib: number;
  readonly userVolumeGib: number;
}

/** One storage pairing AWS prices for a compute type, OS and licence. */
export interface StorageOption {
  readonly storage: string;
  readonly alwaysOnMonthly?: number;
  readonly autoStopMonthlyBase?: number;
}

/** Per-GB-month rates of volumes grown beyond a bundle's storage pairing (Price List bundle "Storage"). */
export interface ExtraStorageRates {
  readonly rootPerGbMonth: number;
  readonly userPerGbMonth: number;
}

/** The `bundle` attribute of the per-GB volume SKUs. */
export const STORAGE_BUNDLE = 'Storage';

/**
 * The per-GB-month root and user volume rates among `products` (bundle "Storage", unit GB-Month),
 * undefined unless both are priced.
 */
export function extraStorageRatesOf(products: readonly PriceProduct[]): ExtraStorageRates | undefined {
  const rate = (volume: 'root' | 'user') =>
    products
      .filter(
        (p) =>
          p.attributes.bundle === STORAGE_BUNDLE &&
          ((volume === 'root' ? p.attributes.rootvolume : p.attributes.uservolume) === 'Custom' ||
            new RegExp(`^${volume} volume`, 'i').test(p.attributes.license ?? '')),
      )
      .flatMap((p) => p.prices.filter((d) => /gb/i.test(d.unit)).map((d) => d.usd))
      .sort((a, b) => a - b)[0];
  const rootPerGbMonth = rate('root');
  const userPerGbMonth = rate('user');
  return rootPerGbMonth !== undefined && userPerGbMonth !== undefined
    ? { rootPerGbMonth, userPerGbMonth }
    : undefined;
}

/** How a custom volume pairing was priced: from which listed pairing, and the extra storage fee. */
export interface CustomStorageEstimate {
  readonly from: string;
  readonly extraMonthlyUsd: number;
}

/** The outcome of matching: all three prices, or what was missing and what exists instead. */
export type PersonalPriceMatch =
  | {
      readonly matched: true;
      readonly prices: PersonalPrices;
      readonly ambiguous: boolean;
      /** Present when the volumes are custom: priced from a listed pairing plus per-GB storage. */
      readonly customStorage?: CustomStorageEstimate;
    }
  | { readonly matched: false; readonly why: string; readonly available: readonly StorageOption[] };

function pick(values: number[]): { value: number | undefined; ambiguous: boolean } {
  const distinct = [...new Set(values)];
  // Several SKUs for one configuration (BYOL carries os "Windows" and "Any"): take the lowest,
  // and say so, rather than guess which one the account is billed.
  return { value: distinct.length > 0 ? Math.min(...distinct) : undefined, ambiguous: distinct.length > 1 };
}

/**
 * Matches the AlwaysOn monthly, AutoStop monthly base and AutoStop hourly prices of one
 * configuration among Personal products of one region and licence. Never guesses: an unmatched
 * configuration says why and lists the storage pairings that are priced.
 */
export function matchPersonalPrices(
  products: readonly PriceProduct[],
  query: PersonalQuery,
  extraStorage?: ExtraStorageRates,
): PersonalPriceMatch {
  const family = computeTypeKey(query.computeType);
  const rows = products.filter(
    (p) =>
      (p.productFamily ?? PERSONAL_PRODUCT_FAMILY) === PERSONAL_PRODUCT_FAMILY &&
      bundleFamilyKey(p.attributes.bundle ?? p.attributes.bundleGroup) === family &&
      p.attributes.license === query.licence.licence &&
      query.licence.operatingSystems.includes(p.attributes.operatingSystem ?? ''),
  );
  const wanted = `Root:${query.rootVolumeGib} GB,User:${query.userVolumeGib} GB`;
  if (rows.length === 0)
    return {
      matched: false,
      why: `No ${query.licence.label} ${query.computeType} SKUs in this region's Price List (licence "${query.licence.licence}").`,
      available: [],
    };
  const options = new Map<string, { alwaysOn: number[]; base: number[] }>();
  const hourlyExact: number[] = [];
  const hourlyFamily: number[] = [];
  for (const row of rows) {
    const storage = parseStorage(row.attributes.storage);
    const key = storage ? `Root:${storage.root} GB,User:${storage.user} GB` : undefined;
    const exact = storage?.root === query.rootVolumeGib && storage.user === query.userVolumeGib;
    for (const price of row.prices) {
      const mode = row.attributes.runningMode;
      if (mode === 'AutoStop' && isHourly(price.unit)) (exact ? hourlyExact : hourlyFamily).push(price.usd);
      if (!key || !isMonthly(price.unit) || (mode !== 'AlwaysOn' && mode !== 'AutoStop')) continue;
      const option = options.get(key) ?? { alwaysOn: [], base: [] };
      (mode === 'AlwaysOn' ? option.alwaysOn : option.base).push(price.usd);
      options.set(key, option);
    }
  }
  const available = [...options.entries()]
    .map(([storage, o]): StorageOption => {
      const alwaysOnMonthly = pick(o.alwaysOn).value;
      const autoStopMonthlyBase = pick(o.base).value;
      return {
        storage,
        ...(alwaysOnMonthly !== undefined ? { alwaysOnMonthly } : {}),
        ...(autoStopMonthlyBase !== undefined ? { autoStopMonthlyBase } : {}),
      };
    })
    .sort((a, b) => a.storage.localeCompare(b.storage));
  const option = options.get(wanted);
  const alwaysOn = pick(option?.alwaysOn ?? []);
  const base = pick(option?.base ?? []);
  // The hourly rate sits on the family's base bundle; inherit it only when the storage pairing
  // itself is priced, so an unpriced pairing never looks half-matched.
  const hourly = hourlyExact.length > 0 ? pick(hourlyExact) : pick(option ? hourlyFamily : []);
  if (!option && extraStorage) {
    const custom = priceCustomStorage(available, query, extraStorage);
    const familyHourly = pick(hourlyFamily);
    if (custom && familyHourly.value !== undefined)
      return {
        matched: true,
        prices: { ...custom.prices, autoStopHourly: familyHourly.value },
        ambiguous: familyHourly.ambiguous,
        customStorage: custom.estimate,
      };
  }
  if (alwaysOn.value === undefined || base.value === undefined || hourly.value === undefined) {
    const missing = [
      alwaysOn.value === undefined ? 'AlwaysOn monthly' : '',
      base.value === undefined ? 'AutoStop monthly base' : '',
      hourly.value === undefined ? 'AutoStop hourly' : '',
    ].filter(Boolean);
    return {
      matched: false,
      why: option
        ? `${query.computeType} ${query.licence.label} with ${wanted}: no ${missing.join(', ')} price.`
        : available.length === 0
          ? `${query.computeType} ${query.licence.label}: no storage pairing is priced in this region (a retired bundle is no longer sold).`
          : `${query.computeType} ${query.licence.label} is not priced with ${wanted}, and ${extraStorage ? 'no listed pairing is at or below both volumes' : 'the per-GB storage rates were not available'} to price it from; see the available pairings.`,
      available,
    };
  }
  return {
    matched: true,
    prices: {
      alwaysOnMonthly: alwaysOn.value,
      autoStopMonthlyBase: base.value,
      autoStopHourly: hourly.value,
    },
    ambiguous: alwaysOn.ambiguous || base.ambiguous || hourly.ambiguous,
  };
}

/**
 * A custom volume pairing priced as AWS bills it: a listed pairing whose volumes are at or below
 * the desktop's (the closest, by extra storage fee), plus the grown GB at the per-GB-month rates.
 * The extra storage is billed in both modes, so AlwaysOn − AutoStop base stays that of the pairing
 * (the same for every pairing in the Price List rows).
 */
export function priceCustomStorage(
  available: readonly StorageOption[],
  query: Pick<PersonalQuery, 'rootVolumeGib' | 'userVolumeGib'>,
  rates: ExtraStorageRates,
): { prices: Omit<PersonalPrices, 'autoStopHourly'>; estimate: CustomStorageEstimate } | undefined {
  let best: { option: StorageOption; extra: number } | undefined;
  for (const option of available) {
    const pairing = parseStorage(option.storage);
    if (!pairing || option.alwaysOnMonthly === undefined || option.autoStopMonthlyBase === undefined)
      continue;
    if (pairing.root > query.rootVolumeGib || pairing.user > query.userVolumeGib) continue;
    const extra =
      (query.rootVolumeGib - pairing.root) * rates.rootPerGbMonth +
      (query.userVolumeGib - pairing.user) * rates.userPerGbMonth;
    if (!best || extra < best.extra) best = { option, extra };
  }
  if (!best || best.option.alwaysOnMonthly === undefined || best.option.autoStopMonthlyBase === undefined)
    return undefined;
  const extraMonthlyUsd = Math.round(best.extra * 100) / 100;
  return {
    prices: {
      alwaysOnMonthly: best.option.alwaysOnMonthly + extraMonthlyUsd,
      autoStopMonthlyBase: best.option.autoStopMonthlyBase + extraMonthlyUsd,
    },
    estimate: { from: best.option.storage, extraMonthlyUsd },
  };
}
