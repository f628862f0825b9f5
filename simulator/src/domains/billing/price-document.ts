/**
 * The shape of one Price List product, as GetProducts returns it (FormatVersion aws_v1):
 * `{ product: { productFamily, attributes, sku }, serviceCode, terms: { OnDemand: { <sku>.<term>:
 * { priceDimensions: { <sku>.<term>.<rate>: { unit, pricePerUnit: { USD }, description, ... } },
 * sku, effectiveDate, offerTermCode, termAttributes } } }, version, publicationDate }`.
 * Attribute values are strings, prices are decimal strings with ten places, as AWS sends them.
 */
import { hash32 } from '../../rng.js';

/** One product with its on-demand price dimensions, before serialisation. */
export interface PriceDocument {
  readonly product: {
    readonly productFamily: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly sku: string;
  };
  readonly serviceCode: string;
  readonly terms: { readonly OnDemand: Readonly<Record<string, unknown>> };
  readonly version: string;
  readonly publicationDate: string;
}

/** One priced dimension of a product. */
export interface Dimension {
  readonly unit: string;
  readonly usd: number;
  readonly description: string;
}

const SKU_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** AWS's on-demand offer term code and its usual rate code suffix. */
const ON_DEMAND_TERM = 'JRTCKXETXF';
const RATE_CODE = '6YS6EN2CT7';

/** A 16-character SKU, stable for the same product key. */
export function skuOf(key: string): string {
  let out = '';
  for (let i = 0; out.length < 16; i++) out += SKU_CHARS[hash32(key, i) % SKU_CHARS.length];
  return out;
}

/** Builds a product document; `key` identifies the product (it becomes the SKU). */
export function priceDocument(
  serviceCode: string,
  productFamily: string,
  key: string,
  attributes: Readonly<Record<string, string>>,
  dimension: Dimension,
  publication: string,
): PriceDocument {
  const sku = skuOf(`${serviceCode}|${key}`);
  const term = `${sku}.${ON_DEMAND_TERM}`;
  const rate = `${term}.${RATE_CODE}`;
  return {
    product: { productFamily, attributes: { servicecode: serviceCode, ...attributes }, sku },
    serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [rate]: {
              unit: dimension.unit,
              endRange: 'Inf',
              description: dimension.description,
              appliesTo: [],
              rateCode: rate,
              beginRange: '0',
              pricePerUnit: { USD: dimension.usd.toFixed(10) },
            },
          },
          sku,
          effectiveDate: publication,
          offerTermCode: ON_DEMAND_TERM,
          termAttributes: {},
        },
      },
    },
    version: publication.replace(/[-:TZ]/g, '').slice(0, 14),
    publicationDate: publication,
  };
}

/**
 * The SDK deserialises each PriceList entry (a JSON document with the `application/json` media
 * type) into a LazyJsonString: a boxed `String` with deserializeJSON/toJSON. We hand back the
 * same shape, so a caller that only accepts primitive strings fails here as it would on AWS.
 */
export function asPriceListItem(document: PriceDocument): string {
  const json = JSON.stringify(document);
  const boxed = Object.assign(new String(json), {
    deserializeJSON: () => JSON.parse(json) as unknown,
    toString: () => json,
    toJSON: () => json,
  });
  return boxed as unknown as string;
}

/** The value of a product field a filter names: productFamily, sku, or an attribute. */
export function fieldOf(document: PriceDocument, field: string): string | undefined {
  if (field === 'productFamily') return document.product.productFamily;
  if (field === 'sku') return document.product.sku;
  if (field === 'ServiceCode' || field === 'serviceCode') return document.serviceCode;
  return document.product.attributes[field];
}
