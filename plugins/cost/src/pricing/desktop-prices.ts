import {
  type ErrorEntry,
  errorEntry,
  type Scope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import type { Desktop } from '../desktops/desktops.js';
import type { PriceOutcome } from '../running-mode/running-mode.js';
import { fetchExtraStorageProducts, fetchPersonalProducts } from './price-fetch.js';
import {
  type CustomStorageEstimate,
  type ExtraStorageRates,
  extraStorageRatesOf,
  type LicenceModel,
  matchPersonalPrices,
  type PriceListLicence,
  type PriceProduct,
  personalLicenceFor,
  type StorageOption,
} from './price-list.js';

/** A desktop configuration that could not be priced, with what AWS does price instead. */
export interface UnmatchedConfiguration {
  readonly computeType: string;
  readonly operatingSystem: string;
  readonly rootVolumeGib: number | null;
  readonly userVolumeGib: number | null;
  readonly desktops: number;
  readonly why: string;
  readonly available: readonly StorageOption[];
}

/** One desktop's price outcome, its licence label, and how custom volumes were priced. */
export type DesktopPrice = PriceOutcome & {
  readonly licence?: string;
  readonly customStorage?: CustomStorageEstimate;
};

/** Prices for every desktop, with the lookups that failed and the configurations not matched. */
export interface DesktopPricing {
  readonly byDesktop: ReadonlyMap<string, DesktopPrice>;
  readonly unmatched: readonly UnmatchedConfiguration[];
  readonly errors: readonly ErrorEntry[];
  /** Price List queries sent (not served from cache). */
  readonly queries: number;
  readonly truncated: boolean;
}

function configKey(d: Desktop): string {
  return [d.computeType, d.operatingSystem, d.rootVolumeGib, d.userVolumeGib].join('|');
}

/**
 * Prices each desktop's configuration in its own region (regionCode filter) from one Price List
 * query per licence model in use: at most three (Included, BYOL, None), whatever the estate size.
 */
export async function priceDesktops(
  ctx: ToolContext,
  scope: Scope,
  desktops: readonly Desktop[],
): Promise<DesktopPricing> {
  const groups = new Map<string, Desktop[]>();
  for (const d of desktops) groups.set(configKey(d), [...(groups.get(configKey(d)) ?? []), d]);
  const licences = new Set<PriceListLicence>();
  for (const [first] of groups.values()) {
    const licence = first ? personalLicenceFor(first.operatingSystem) : undefined;
    if (licence) licences.add(licence.licence);
  }
  const products = new Map<PriceListLicence, readonly PriceProduct[] | { error: string }>();
  const errors: ErrorEntry[] = [];
  let queries = 0;
  let truncated = false;
  await Promise.all(
    [...licences].map(async (licence) => {
      try {
        const answer = await fetchPersonalProducts(ctx, scope.region, licence);
        if (answer.fetched) queries += 1;
        truncated ||= answer.truncated;
        products.set(licence, answer.products);
      } catch (error) {
        const entry = errorEntry(
          SERVICE_LABELS.priceList,
          scope,
          error,
          `Personal prices (licence ${licence}): `,
        );
        errors.push(entry);
        products.set(licence, { error: entry.code });
      }
    }),
  );

  // Custom volume sizes are priced from a listed pairing plus the per-GB storage SKUs: one more
  // query, sent only when some configuration is not a listed pairing.
  let extraStorage: ExtraStorageRates | undefined;
  const needsStorage = [...groups.values()].some(([first]) => {
    const licence = first ? personalLicenceFor(first.operatingSystem) : undefined;
    const list = licence ? products.get(licence.licence) : undefined;
    return (
      first?.computeType !== undefined &&
      first.rootVolumeGib !== undefined &&
      first.userVolumeGib !== undefined &&
      licence !== undefined &&
      list !== undefined &&
      !('error' in list) &&
      !matchPersonalPrices(list, {
        computeType: first.computeType,
        licence,
        rootVolumeGib: first.rootVolumeGib,
        userVolumeGib: first.userVolumeGib,
      }).matched
    );
  });
  if (needsStorage)
    try {
      const answer = await fetchExtraStorageProducts(ctx, scope.region);
      if (answer.fetched) queries += 1;
      extraStorage = extraStorageRatesOf(answer.products);
    } catch (error) {
      errors.push(errorEntry(SERVICE_LABELS.priceList, scope, error, 'Per-GB storage prices: '));
    }

  const byDesktop = new Map<string, DesktopPrice>();
  const unmatched: UnmatchedConfiguration[] = [];
  for (const members of groups.values()) {
    const first = members[0];
    if (!first) continue;
    const licence: LicenceModel | undefined = personalLicenceFor(first.operatingSystem);
    let outcome: DesktopPrice;
    let available: readonly StorageOption[] = [];
    const list = licence ? products.get(licence.licence) : undefined;
    if (!first.computeType || first.rootVolumeGib === undefined || first.userVolumeGib === undefined)
      outcome = { ok: false, why: 'DescribeWorkspaces did not give the compute type and volume sizes.' };
    else if (!licence)
      outcome = {
        ok: false,
        why: `Operating system ${first.operatingSystem ?? 'unknown'} has no known licence model.`,
      };
    else if (!list || 'error' in list)
      outcome = {
        ok: false,
        why: `The Price List lookup failed (${list?.error ?? 'no answer'}); see errors.`,
        licence: licence.label,
      };
    else {
      const match = matchPersonalPrices(
        list,
        {
          computeType: first.computeType,
          licence,
          rootVolumeGib: first.rootVolumeGib,
          userVolumeGib: first.userVolumeGib,
        },
        extraStorage,
      );
      if (match.matched)
        outcome = {
          ok: true,
          prices: match.prices,
          licence: licence.label,
          ...(match.customStorage ? { customStorage: match.customStorage } : {}),
        };
      else {
        outcome = { ok: false, why: match.why, licence: licence.label };
        available = match.available;
      }
    }
    for (const d of members) byDesktop.set(d.workspaceId, outcome);
    if (!outcome.ok)
      unmatched.push({
        computeType: first.computeType ?? 'unknown',
        operatingSystem: first.operatingSystem ?? 'unknown',
        rootVolumeGib: first.rootVolumeGib ?? null,
        userVolumeGib: first.userVolumeGib ?? null,
        desktops: members.length,
        why: outcome.why,
        available: available.slice(0, 8),
      });
  }
  unmatched.sort((a, b) => b.desktops - a.desktops);
  return { byDesktop, unmatched, errors, queries, truncated };
}
