/**
 * Price List documents for tests, shaped like GetProducts answers (product + OnDemand terms).
 * The dollar figures are made up for hand-checkable arithmetic; they are not AWS prices.
 */

let skuCounter = 0;

/** One product with one priced dimension. */
export function product(
  serviceCode: string,
  attributes: Record<string, string>,
  price: { unit: string; usd: number },
  productFamily = 'Enterprise Applications',
): Record<string, unknown> {
  skuCounter += 1;
  const sku = `SKU${String(skuCounter).padStart(6, '0')}`;
  return {
    serviceCode,
    product: { productFamily, sku, attributes: { servicecode: serviceCode, ...attributes } },
    terms: {
      OnDemand: {
        [`${sku}.JRTCKXETXF`]: {
          priceDimensions: {
            [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: {
              unit: price.unit,
              pricePerUnit: { USD: price.usd.toFixed(10) },
              description: `${price.usd} per ${price.unit}`,
            },
          },
        },
      },
    },
  };
}

/** The three Personal prices of one bundle/OS/licence/storage in one region. */
export function personalPrices(options: {
  region: string;
  bundle: string;
  operatingSystem: string;
  license: string;
  storage: string;
  alwaysOn: number;
  base: number;
  hourly?: number;
  productFamily?: string;
}): Record<string, unknown>[] {
  const common = {
    regionCode: options.region,
    bundle: options.bundle,
    operatingSystem: options.operatingSystem,
    license: options.license,
    storage: options.storage,
  };
  const family = options.productFamily ?? 'Enterprise Applications';
  return [
    product(
      'AmazonWorkSpaces',
      { ...common, runningMode: 'AlwaysOn' },
      { unit: 'Month', usd: options.alwaysOn },
      family,
    ),
    product(
      'AmazonWorkSpaces',
      { ...common, runningMode: 'AutoStop' },
      { unit: 'Month', usd: options.base },
      family,
    ),
    ...(options.hourly === undefined
      ? []
      : [
          product(
            'AmazonWorkSpaces',
            { ...common, runningMode: 'AutoStop' },
            { unit: 'Hour', usd: options.hourly },
            family,
          ),
        ]),
  ];
}
