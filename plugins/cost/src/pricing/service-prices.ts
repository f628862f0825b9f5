import { autoStopBreakEvenHours } from '../running-mode/break-even.js';
import {
  bundleFamilyKey,
  isHourly,
  isMonthly,
  type LicenceModel,
  PERSONAL_PRODUCT_FAMILY,
  type PriceProduct,
  parseStorage,
} from './price-list.js';

/**
 * Price tables per EUC service, read from Price List products (see price-list.ts for the
 * WorkSpaces vocabulary and docs/pricing-api.md of the reference project for the others).
 * Pure: the tool fetches products by regionCode and hands them here.
 */

/** One Personal configuration's prices. */
export interface PersonalRow {
  readonly bundle: string;
  readonly storage: string;
  readonly alwaysOnMonthlyUsd?: number;
  readonly autoStopMonthlyBaseUsd?: number;
  readonly autoStopHourlyUsd?: number;
  readonly breakEvenHours?: number;
}

/** Every priced (bundle family, storage) pairing for one licence, optionally one compute type. */
export function personalRows(
  products: readonly PriceProduct[],
  licence: LicenceModel,
  familyKey?: string,
): PersonalRow[] {
  const rows = new Map<string, { bundle: string; storage: string; alwaysOn?: number; base?: number }>();
  const hourlyByFamily = new Map<string, number>();
  for (const p of products) {
    const bundle = p.attributes.bundle ?? p.attributes.bundleGroup;
    const family = bundleFamilyKey(bundle);
    if (!bundle || !family || (familyKey && family !== familyKey)) continue;
    if ((p.productFamily ?? PERSONAL_PRODUCT_FAMILY) !== PERSONAL_PRODUCT_FAMILY) continue;
    if (p.attributes.license !== licence.licence) continue;
    if (!licence.operatingSystems.includes(p.attributes.operatingSystem ?? '')) continue;
    const storage = parseStorage(p.attributes.storage);
    const mode = p.attributes.runningMode;
    for (const price of p.prices) {
      if (mode === 'AutoStop' && isHourly(price.unit)) {
        hourlyByFamily.set(
          family,
          Math.min(price.usd, hourlyByFamily.get(family) ?? Number.POSITIVE_INFINITY),
        );
        continue;
      }
      if (!storage || !isMonthly(price.unit) || (mode !== 'AlwaysOn' && mode !== 'AutoStop')) continue;
      const key = `${family}|${storage.root}|${storage.user}`;
      const row = rows.get(key) ?? {
        bundle: bundle.replace(/-\d+$/, ''),
        storage: `Root:${storage.root} GB,User:${storage.user} GB`,
      };
      if (mode === 'AlwaysOn') row.alwaysOn = Math.min(price.usd, row.alwaysOn ?? Number.POSITIVE_INFINITY);
      else row.base = Math.min(price.usd, row.base ?? Number.POSITIVE_INFINITY);
      rows.set(key, row);
    }
  }
  return [...rows.entries()]
    .map(([key, row]): PersonalRow => {
      const hourly = hourlyByFamily.get(key.split('|')[0] ?? '');
      const breakEven =
        row.alwaysOn !== undefined && row.base !== undefined && hourly !== undefined
          ? autoStopBreakEvenHours({
              alwaysOnMonthly: row.alwaysOn,
              autoStopMonthlyBase: row.base,
              autoStopHourly: hourly,
            })
          : null;
      return {
        bundle: row.bundle,
        storage: row.storage,
        ...(row.alwaysOn !== undefined ? { alwaysOnMonthlyUsd: row.alwaysOn } : {}),
        ...(row.base !== undefined ? { autoStopMonthlyBaseUsd: row.base } : {}),
        ...(hourly !== undefined ? { autoStopHourlyUsd: hourly } : {}),
        ...(breakEven !== null ? { breakEvenHours: Math.round(breakEven * 10) / 10 } : {}),
      };
    })
    .sort((a, b) => a.bundle.localeCompare(b.bundle) || a.storage.localeCompare(b.storage));
}

/** One flat-priced item: an hourly or monthly rate of some product. */
export interface RateRow {
  readonly item: string;
  readonly unit: string;
  readonly usd: number;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Rates of products, labelled by `label`, keeping only the attributes that tell rows apart. */
export function rateRows(
  products: readonly PriceProduct[],
  label: (p: PriceProduct) => string,
  keep: readonly string[],
): RateRow[] {
  return products
    .flatMap((p) =>
      p.prices.map((price) => ({
        item: label(p),
        unit: price.unit,
        usd: price.usd,
        attributes: Object.fromEntries(keep.flatMap((k) => (p.attributes[k] ? [[k, p.attributes[k]]] : []))),
      })),
    )
    .sort((a, b) => a.item.localeCompare(b.item) || a.usd - b.usd);
}

/** Pools streaming rates per bundle and licence (runningMode "Pool"), hourly only. */
export function poolStreamingRows(products: readonly PriceProduct[], familyKey?: string): RateRow[] {
  return rateRows(
    products.filter(
      (p) =>
        p.attributes.runningMode === 'Pool' &&
        (!familyKey || bundleFamilyKey(p.attributes.bundle) === familyKey),
    ),
    (p) => `${p.attributes.bundle ?? '?'} streaming, licence ${p.attributes.license ?? '?'}`,
    ['bundle', 'license', 'operatingSystem', 'storage'],
  ).filter((row) => isHourly(row.unit));
}

/** The AppStream (WorkSpaces Applications) operatingSystem value for a fleet platform. */
export function applicationsOperatingSystem(platform: string | undefined): string | undefined {
  const p = (platform ?? '').toUpperCase();
  if (!p) return undefined;
  if (/WINDOWS_(10|11)|BYOL/.test(p)) return 'Windows BYOL';
  if (p.includes('UBUNTU')) return 'Ubuntu Pro';
  if (p.includes('AMAZON')) return 'Amazon Linux';
  if (p.includes('RHEL') || p.includes('RED')) return 'Red Hat Enterprise Linux';
  if (p.includes('ROCKY')) return 'Rocky Linux';
  return 'Windows';
}

/** The Secure Browser tier from a usage type suffix (WEB-ST, WEB-ST-LARGE, WEB-ST-XLARGE). */
export function secureBrowserTier(usageType: string | undefined): string {
  const u = (usageType ?? '').toUpperCase();
  if (u.endsWith('WEB-ST-XLARGE')) return 'standard.xlarge';
  if (u.endsWith('WEB-ST-LARGE')) return 'standard.large';
  if (u.endsWith('WEB-ST')) return 'standard.regular';
  return usageType ?? 'unknown';
}
