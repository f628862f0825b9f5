import { describe, expect, it } from 'vitest';
import {
  bundleFamilyKey,
  computeTypeKey,
  matchPersonalPrices,
  parsePriceListItem,
  parseStorage,
  personalLicenceFor,
} from './price-list.js';

/** One Price List document with one priced dimension (made-up figures for hand-checked arithmetic). */
let skuCounter = 0;
function product(
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
function personalPrices(o: {
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
    regionCode: o.region,
    bundle: o.bundle,
    operatingSystem: o.operatingSystem,
    license: o.license,
    storage: o.storage,
  };
  const family = o.productFamily ?? 'Enterprise Applications';
  return [
    product(
      'AmazonWorkSpaces',
      { ...common, runningMode: 'AlwaysOn' },
      { unit: 'Month', usd: o.alwaysOn },
      family,
    ),
    product(
      'AmazonWorkSpaces',
      { ...common, runningMode: 'AutoStop' },
      { unit: 'Month', usd: o.base },
      family,
    ),
    ...(o.hourly === undefined
      ? []
      : [
          product(
            'AmazonWorkSpaces',
            { ...common, runningMode: 'AutoStop' },
            { unit: 'Hour', usd: o.hourly },
            family,
          ),
        ]),
  ];
}

const REGION = 'ap-southeast-5';
const parse = (docs: Record<string, unknown>[]) =>
  docs.map((d) => parsePriceListItem(JSON.stringify(d))).filter((p) => p !== undefined);
const SERVER = personalLicenceFor('WINDOWS_SERVER_2022');
const BYOL = personalLicenceFor('WINDOWS_11');
if (!SERVER || !BYOL) throw new Error('licence models missing');

describe('parsePriceListItem', () => {
  it('reads attributes, family and non-zero OnDemand prices', () => {
    const doc = product('AmazonWorkSpaces', { bundle: 'Standard' }, { unit: 'Month', usd: 35 });
    const parsed = parsePriceListItem(JSON.stringify(doc));
    expect(parsed).toMatchObject({
      productFamily: 'Enterprise Applications',
      attributes: { bundle: 'Standard' },
    });
    expect(parsed?.prices).toEqual([{ unit: 'Month', usd: 35, description: '35 per Month' }]);
    const zero = product('AmazonWorkSpaces', { bundle: 'Standard' }, { unit: 'Month', usd: 0 });
    expect(parsePriceListItem(JSON.stringify(zero))?.prices).toEqual([]);
    expect(parsePriceListItem('{not json')).toBeUndefined();
  });
});

describe('vocabulary', () => {
  it('maps OS names to licence models: Windows 10/11 is BYOL, Windows Server includes it', () => {
    expect(personalLicenceFor('WINDOWS_10')?.licence).toBe('Bring Your Own License');
    expect(personalLicenceFor('WINDOWS_11')?.operatingSystems).toEqual(['Windows', 'Any']);
    expect(personalLicenceFor('WINDOWS_SERVER_2019')?.licence).toBe('Included');
    expect(personalLicenceFor('AMAZON_LINUX_2')).toMatchObject({
      licence: 'None',
      operatingSystems: ['Amazon Linux'],
    });
    expect(personalLicenceFor('UBUNTU_22_04')).toMatchObject({
      licence: 'None',
      operatingSystems: ['Ubuntu Linux'],
    });
    expect(personalLicenceFor('RHEL_8')?.licence).toBe('Included');
    expect(personalLicenceFor('UNKNOWN')).toBeUndefined();
  });

  it('matches bundle families to compute types without a hand-written map', () => {
    expect(bundleFamilyKey('Power-2')).toBe(computeTypeKey('POWER'));
    expect(bundleFamilyKey('GraphicsPro.g4dn')).toBe(computeTypeKey('GRAPHICSPRO_G4DN'));
    expect(bundleFamilyKey('GeneralPurpose.4xlarge')).toBe(computeTypeKey('GENERALPURPOSE_4XLARGE'));
    expect(bundleFamilyKey('PowerPro')).not.toBe(computeTypeKey('POWER'));
    expect(bundleFamilyKey('Power Plus')).toBeUndefined();
    expect(parseStorage('Root:80 GB,User:100 GB')).toEqual({ root: 80, user: 100 });
  });
});

describe('matchPersonalPrices', () => {
  const docs = [
    ...personalPrices({
      region: REGION,
      bundle: 'Standard',
      operatingSystem: 'Windows',
      license: 'Included',
      storage: 'Root:80 GB,User:50 GB',
      alwaysOn: 40,
      base: 10,
      hourly: 0.5,
    }),
    // Storage variant bundle without its own hourly: inherits the family's.
    ...personalPrices({
      region: REGION,
      bundle: 'Standard-2',
      operatingSystem: 'Windows',
      license: 'Included',
      storage: 'Root:80 GB,User:100 GB',
      alwaysOn: 44,
      base: 13,
    }),
    ...personalPrices({
      region: REGION,
      bundle: 'Standard',
      operatingSystem: 'Any',
      license: 'Bring Your Own License',
      storage: 'Root:80 GB,User:50 GB',
      alwaysOn: 36,
      base: 10,
      hourly: 0.45,
    }),
    // Same bundle name under WorkSpaces Core: must never be used for Personal.
    ...personalPrices({
      region: REGION,
      bundle: 'Standard',
      operatingSystem: 'Windows',
      license: 'Included',
      storage: 'Root:80 GB,User:50 GB',
      alwaysOn: 20,
      base: 5,
      hourly: 0.1,
      productFamily: 'WorkSpaces Core',
    }),
    // A Plus bundle (software-bundled) is another product.
    ...personalPrices({
      region: REGION,
      bundle: 'Standard Plus',
      operatingSystem: 'Windows',
      license: 'Included',
      storage: 'Root:80 GB,User:50 GB',
      alwaysOn: 55,
      base: 12,
      hourly: 0.6,
    }),
  ];
  const products = parse(docs);

  it('matches the exact configuration in the Personal family only', () => {
    const m = matchPersonalPrices(products, {
      computeType: 'STANDARD',
      licence: SERVER,
      rootVolumeGib: 80,
      userVolumeGib: 50,
    });
    expect(m).toEqual({
      matched: true,
      prices: { alwaysOnMonthly: 40, autoStopMonthlyBase: 10, autoStopHourly: 0.5 },
      ambiguous: false,
    });
  });

  it('prices BYOL Windows 11 on its own SKUs', () => {
    const m = matchPersonalPrices(products, {
      computeType: 'STANDARD',
      licence: BYOL,
      rootVolumeGib: 80,
      userVolumeGib: 50,
    });
    expect(m).toMatchObject({
      matched: true,
      prices: { alwaysOnMonthly: 36, autoStopMonthlyBase: 10, autoStopHourly: 0.45 },
    });
  });

  it('inherits the family hourly rate for a priced storage variant', () => {
    const m = matchPersonalPrices(products, {
      computeType: 'STANDARD',
      licence: SERVER,
      rootVolumeGib: 80,
      userVolumeGib: 100,
    });
    expect(m).toMatchObject({
      matched: true,
      prices: { alwaysOnMonthly: 44, autoStopMonthlyBase: 13, autoStopHourly: 0.5 },
    });
  });

  it('does not price custom volumes, and lists the pairings that are priced', () => {
    const m = matchPersonalPrices(products, {
      computeType: 'STANDARD',
      licence: SERVER,
      rootVolumeGib: 80,
      userVolumeGib: 77,
    });
    expect(m.matched).toBe(false);
    if (m.matched) return;
    expect(m.why).toContain('Root:80 GB,User:77 GB');
    expect(m.available.map((a) => a.storage)).toEqual(['Root:80 GB,User:100 GB', 'Root:80 GB,User:50 GB']);
  });

  it('says which price is missing', () => {
    const noHourly = parse(
      personalPrices({
        region: REGION,
        bundle: 'Power',
        operatingSystem: 'Windows',
        license: 'Included',
        storage: 'Root:175 GB,User:100 GB',
        alwaysOn: 80,
        base: 20,
      }),
    );
    const m = matchPersonalPrices(noHourly, {
      computeType: 'POWER',
      licence: SERVER,
      rootVolumeGib: 175,
      userVolumeGib: 100,
    });
    expect(m).toMatchObject({ matched: false, why: expect.stringContaining('no AutoStop hourly price') });
    expect(
      matchPersonalPrices(noHourly, {
        computeType: 'VALUE',
        licence: SERVER,
        rootVolumeGib: 80,
        userVolumeGib: 10,
      }),
    ).toMatchObject({
      matched: false,
      why: expect.stringContaining('No Windows Server, licence included VALUE SKUs'),
    });
  });
});
