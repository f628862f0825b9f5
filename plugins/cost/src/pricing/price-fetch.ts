import type { ToolContext } from '@workspaces-euc-mcp/host';
import { pricingSdk } from '../shared/sdk.js';
import {
  PERSONAL_PRODUCT_FAMILY,
  type PriceListLicence,
  type PriceProduct,
  parsePriceListItem,
  STORAGE_BUNDLE,
} from './price-list.js';

/**
 * The Price List API endpoint. It serves every region's prices; the wanted region goes in a
 * `regionCode` filter, so any region AWS prices works without a region-name map.
 */
export const PRICE_LIST_REGION = 'us-east-1';
/** 100 products per page (the API maximum); 20 pages bounds one query at 2,000 products. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;
/** List prices change a few times a year; six hours keeps a long session fresh enough. */
const PRICE_TTL_MS = 6 * 3_600_000;

/** The products one query returned. */
export interface ProductFetch {
  readonly products: readonly PriceProduct[];
  /** True when the page cap stopped the query early. */
  readonly truncated: boolean;
}

/** The outcome of a price query, with whether AWS was asked (for request accounting). */
export interface PriceQueryResult extends ProductFetch {
  readonly fetched: boolean;
}

/**
 * Every product of `serviceCode` matching all `filters` (TERM_MATCH, exact), paged. Cached per
 * query for six hours in the host's cache, unscoped: list prices are public and the same for
 * every account (concurrent askers of one query share its requests).
 */
export async function fetchProducts(
  ctx: ToolContext,
  serviceCode: string,
  filters: Readonly<Record<string, string>>,
): Promise<PriceQueryResult> {
  const sorted = Object.entries(filters).sort(([a], [b]) => a.localeCompare(b));
  const key = `cost:pricing:${serviceCode}:${JSON.stringify(sorted)}`;
  const query = async (): Promise<ProductFetch> => {
    const { GetProductsCommand, PricingClient } = await pricingSdk();
    const client = ctx.aws.client(PricingClient, { region: PRICE_LIST_REGION });
    const products: PriceProduct[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new GetProductsCommand({
          ServiceCode: serviceCode,
          Filters: sorted.map(([Field, Value]) => ({ Type: 'TERM_MATCH', Field, Value })),
          FormatVersion: 'aws_v1',
          MaxResults: PAGE_SIZE,
          NextToken: nextToken,
        }),
        { abortSignal: ctx.signal },
      );
      pages += 1;
      const items: readonly unknown[] = Array.isArray(page.PriceList) ? page.PriceList : [];
      for (const item of items) {
        const product = parsePriceListItem(item);
        if (product) products.push(product);
      }
      nextToken = page.NextToken;
    } while (nextToken && pages < MAX_PAGES);
    return { products, truncated: nextToken !== undefined };
  };
  // A fresh call rescans prices too, once per client call (shared by the tools a report calls).
  if (ctx.snapshot?.fresh === true) {
    let first = false;
    const value = await ctx.memo(key, () => {
      first = true;
      return query();
    });
    return { ...value, fetched: first };
  }
  const { value, fetched } = await ctx.cache.get(key, { ttlMs: PRICE_TTL_MS }, query);
  return { ...value, fetched };
}

/** Personal products of one region and licence (every compute type, storage and mode). */
export function fetchPersonalProducts(
  ctx: ToolContext,
  region: string,
  licence: PriceListLicence,
): Promise<PriceQueryResult> {
  return fetchProducts(ctx, 'AmazonWorkSpaces', {
    regionCode: region,
    productFamily: PERSONAL_PRODUCT_FAMILY,
    license: licence,
  });
}

/** The per-GB-month SKUs of volumes grown beyond a bundle's storage pairing, in one region. */
export function fetchExtraStorageProducts(ctx: ToolContext, region: string): Promise<PriceQueryResult> {
  return fetchProducts(ctx, 'AmazonWorkSpaces', {
    regionCode: region,
    productFamily: PERSONAL_PRODUCT_FAMILY,
    bundle: STORAGE_BUNDLE,
  });
}
