import {
  DescribeServicesCommand,
  GetAttributeValuesCommand,
  GetProductsCommand,
  type GetProductsCommandInput,
  PricingClient,
  paginateGetProducts,
} from '@aws-sdk/client-pricing';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

const estate = generateEstate({ seed: 11, desktops: 40 });
const sim = createSimulator(estate);
const pricing = simulatedClient(PricingClient, sim, { region: 'us-east-1' });

interface Doc {
  product: { productFamily: string; sku: string; attributes: Record<string, string> };
  serviceCode: string;
  terms: {
    OnDemand: Record<
      string,
      { priceDimensions: Record<string, { unit: string; pricePerUnit: { USD: string } }> }
    >;
  };
  publicationDate: string;
}

async function products(input: Omit<GetProductsCommandInput, 'FormatVersion'>): Promise<Doc[]> {
  const items = await collectPages(
    paginateGetProducts({ client: pricing, pageSize: 100 }, { FormatVersion: 'aws_v1', ...input }),
    (page) => page.PriceList,
  );
  return items.map((item) => JSON.parse(String(item)) as Doc);
}

const term = (field: string, value: string) => ({ Type: 'TERM_MATCH' as const, Field: field, Value: value });
const usd = (doc: Doc) =>
  Object.values(doc.terms.OnDemand).flatMap((t) =>
    Object.values(t.priceDimensions).map((d) => Number(d.pricePerUnit.USD)),
  );

describe('Price List GetProducts', () => {
  it.each(['af-south-1', 'il-central-1', 'sa-east-1', 'ap-northeast-2', 'ap-southeast-7'])(
    'prices WorkSpaces Personal in %s, a region outside any short list',
    async (region) => {
      const docs = await products({
        ServiceCode: 'AmazonWorkSpaces',
        Filters: [
          term('regionCode', region),
          term('productFamily', 'Enterprise Applications'),
          term('license', 'Included'),
        ],
      });
      const standard = docs.filter(
        (d) =>
          d.product.attributes.bundleGroup === 'Standard' &&
          d.product.attributes.operatingSystem === 'Windows',
      );
      const alwaysOn = standard.find(
        (d) =>
          d.product.attributes.runningMode === 'AlwaysOn' &&
          d.product.attributes.storage === 'Root:80 GB,User:50 GB' &&
          d.product.attributes.resourceType === 'Hardware',
      );
      const hourly = standard.find((d) => d.product.attributes.group === 'Usage');
      expect(alwaysOn?.product.attributes).toMatchObject({
        regionCode: region,
        bundle: 'Standard',
        usagetype: expect.stringMatching(/-AW-HW-2$/),
      });
      expect(usd(alwaysOn as Doc)[0]).toBeGreaterThan(35);
      expect(hourly?.product.attributes).toMatchObject({
        runningMode: 'AutoStop',
        usagetype: expect.stringMatching(/-AW-HW-2-AutoStop-Usage$/),
      });
    },
  );

  it('hands back each product as a boxed JSON string with product, terms, version and publication date', async () => {
    const page = await pricing.send(
      new GetProductsCommand({
        ServiceCode: 'AmazonWorkSpaces',
        FormatVersion: 'aws_v1',
        MaxResults: 3,
        Filters: [term('regionCode', 'eu-west-1')],
      }),
    );
    const [first] = page.PriceList ?? [];
    // The SDK deserialises these as LazyJsonString (a String object): a caller must not rely on typeof.
    expect(typeof first).toBe('object');
    const doc = JSON.parse(String(first)) as Doc & { version: string };
    expect(doc).toMatchObject({
      serviceCode: 'AmazonWorkSpaces',
      product: { sku: expect.stringMatching(/^[A-Z0-9]{16}$/) },
      version: expect.any(String),
    });
    expect(Object.keys(doc.terms.OnDemand)[0]).toMatch(/^[A-Z0-9]{16}\.JRTCKXETXF$/);
    expect(page.PriceList).toHaveLength(3);
    expect(page.NextToken).toBeDefined();
  });

  it('models the real Personal SKU layout: storage variants, one hourly per family, BYOL on "Any", Core twins, Plus and $0 software rows', async () => {
    const docs = await products({
      ServiceCode: 'AmazonWorkSpaces',
      Filters: [term('regionCode', 'ap-southeast-1'), term('bundleGroup', 'Power')],
    });
    const personal = docs.filter((d) => d.product.productFamily === 'Enterprise Applications');
    const bundles = new Set(personal.map((d) => d.product.attributes.bundle));
    expect([...bundles].sort()).toEqual(['Power', 'Power-0', 'Power-1', 'Power-2', 'Power-3']);
    const hourlies = personal.filter((d) => d.product.attributes.group === 'Usage');
    expect(hourlies.every((d) => d.product.attributes.bundle === 'Power')).toBe(true);
    const byolHourly = hourlies.find((d) => d.product.attributes.license === 'Bring Your Own License');
    expect(byolHourly?.product.attributes.operatingSystem).toBe('Any');
    const included = hourlies.find(
      (d) =>
        d.product.attributes.license === 'Included' && d.product.attributes.operatingSystem === 'Windows',
    );
    expect(usd(byolHourly as Doc)[0]).toBeLessThan(usd(included as Doc)[0] ?? 0);
    const core = docs.filter((d) => d.product.productFamily === 'WorkSpaces Core');
    expect(core.length).toBeGreaterThan(0);
    const software = personal.filter((d) => d.product.attributes.resourceType === 'Software');
    expect(software.flatMap(usd)).toEqual([0]);
    const plus = await products({
      ServiceCode: 'AmazonWorkSpaces',
      Filters: [term('regionCode', 'ap-southeast-1'), term('bundle', 'Power Plus')],
    });
    expect(plus.map((d) => d.product.attributes.resourceType).sort()).toEqual(['Hardware', 'Software']);
  });

  it('prices Pools, AppStream, Secure Browser and Core Managed Instances with their own vocabularies', async () => {
    const pools = await products({
      ServiceCode: 'AmazonWorkSpaces',
      Filters: [term('regionCode', 'us-east-1'), term('runningMode', 'Pool')],
    });
    expect(pools.map((d) => d.product.attributes.license)).toContain('Bring Your Own License');
    const stopped = await products({
      ServiceCode: 'AmazonAppStream',
      Filters: [term('regionCode', 'us-east-1'), term('instanceFunction', 'StoppedFleetInstance')],
    });
    expect(stopped).toHaveLength(1);
    expect(usd(stopped[0] as Doc)).toEqual([0.025]);
    const fees = await products({
      ServiceCode: 'AmazonAppStream',
      Filters: [term('regionCode', 'us-east-1'), term('productFamily', 'User Fees')],
    });
    expect(fees.map((d) => d.product.attributes.usagetype).sort()).toEqual([
      'USE1-Win-User',
      'USE1-Win-User-Multi-Session',
      'USE1-Win-User-Multi-Session-Additional',
    ]);
    const web = await products({
      ServiceCode: 'AmazonWorkSpacesWeb',
      Filters: [term('regionCode', 'eu-west-1')],
    });
    expect(web.map((d) => d.product.attributes.usagetype).sort()).toEqual([
      'EU-WEB-ST',
      'EU-WEB-ST-LARGE',
      'EU-WEB-ST-XLARGE',
    ]);
    const core = await products({
      ServiceCode: 'AmazonWorkSpacesInstances',
      Filters: [term('regionCode', 'eu-west-1'), term('instanceType', 'm6i.large')],
    });
    expect(new Set(core.map((d) => d.product.attributes.billingoption))).toEqual(
      new Set(['Hourly', 'Monthly']),
    );
  });

  it('returns nothing where a service is not offered, as the real Price List does', async () => {
    expect(
      await products({ ServiceCode: 'AmazonAppStream', Filters: [term('regionCode', 'af-south-1')] }),
    ).toEqual([]);
    expect(
      await products({ ServiceCode: 'AmazonWorkSpaces', Filters: [term('regionCode', 'mars-1')] }),
    ).toEqual([]);
  });

  it('supports the other filter types (EQUALS, CONTAINS, ANY_OF, NONE_OF)', async () => {
    const any = await products({
      ServiceCode: 'AmazonWorkSpacesWeb',
      Filters: [
        { Type: 'ANY_OF', Field: 'regionCode', Value: 'us-east-1,eu-west-1' },
        { Type: 'CONTAINS', Field: 'usagetype', Value: 'LARGE' },
      ],
    });
    expect(any.map((d) => d.product.attributes.usagetype).sort()).toEqual([
      'EU-WEB-ST-LARGE',
      'EU-WEB-ST-XLARGE',
      'USE1-WEB-ST-LARGE',
      'USE1-WEB-ST-XLARGE',
    ]);
    const none = await products({
      ServiceCode: 'AmazonWorkSpacesWeb',
      Filters: [
        { Type: 'EQUALS', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'NONE_OF', Field: 'size', Value: 'Regular,Large' },
      ],
    });
    expect(none.map((d) => d.product.attributes.size)).toEqual(['XLarge']);
  });

  it('enforces the request rules: MaxResults 1-100, filter types, the service code, tokens and endpoints', async () => {
    const send = (input: Partial<GetProductsCommandInput>) =>
      pricing.send(
        new GetProductsCommand({ ServiceCode: 'AmazonWorkSpaces', ...input } as GetProductsCommandInput),
      );
    await expect(send({ MaxResults: 101 })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      send({ Filters: [{ Type: 'LIKE' as 'TERM_MATCH', Field: 'a', Value: 'b' }] }),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(send({ ServiceCode: 'AmazonNope' })).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(send({ FormatVersion: 'aws_v2' })).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    const first = await send({ MaxResults: 5, Filters: [term('regionCode', 'us-east-1')] });
    await expect(
      send({ MaxResults: 5, Filters: [term('regionCode', 'eu-west-1')], NextToken: first.NextToken }),
    ).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
    const london = simulatedClient(PricingClient, sim, { region: 'eu-west-2' });
    await expect(
      london.send(new GetProductsCommand({ ServiceCode: 'AmazonWorkSpaces' })),
    ).rejects.toMatchObject({ name: 'UnknownEndpoint' });
  });
});

describe('Price List discovery', () => {
  it('describes the EUC service codes and their attribute names', async () => {
    const answer = await pricing.send(new DescribeServicesCommand({ ServiceCode: 'AmazonWorkSpaces' }));
    expect(answer.Services?.[0]?.AttributeNames).toEqual(
      expect.arrayContaining([
        'regionCode',
        'location',
        'operatingSystem',
        'license',
        'runningMode',
        'bundle',
        'bundleGroup',
        'storage',
        'usagetype',
        'group',
        'groupDescription',
        'vcpu',
        'memory',
      ]),
    );
    const all = await pricing.send(new DescribeServicesCommand({}));
    expect(all.Services?.map((s) => s.ServiceCode)).toEqual([
      'AmazonAppStream',
      'AmazonWorkSpaces',
      'AmazonWorkSpacesInstances',
      'AmazonWorkSpacesWeb',
    ]);
  });

  it('lists attribute values, and refuses an attribute the service does not have', async () => {
    const values = await pricing.send(
      new GetAttributeValuesCommand({ ServiceCode: 'AmazonWorkSpaces', AttributeName: 'license' }),
    );
    expect(values.AttributeValues?.map((v) => v.Value)).toEqual(
      expect.arrayContaining(['Included', 'Bring Your Own License', 'None', 'Root Volume Usage']),
    );
    const regions = await pricing.send(
      new GetAttributeValuesCommand({ ServiceCode: 'AmazonWorkSpaces', AttributeName: 'regionCode' }),
    );
    expect(regions.AttributeValues?.map((v) => v.Value)).toContain('af-south-1');
    await expect(
      pricing.send(
        new GetAttributeValuesCommand({ ServiceCode: 'AmazonWorkSpaces', AttributeName: 'colour' }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
