/**
 * The AWS Price List Query API (`pricing`): GetProducts, DescribeServices, GetAttributeValues.
 * Limits and errors after the API reference: the endpoints are us-east-1, eu-central-1 and
 * ap-south-1 only; MaxResults 1-100 (default 100); filters TERM_MATCH, EQUALS, CONTAINS, ANY_OF,
 * NONE_OF (ANY_OF/NONE_OF take comma-separated values), all of which must match; FormatVersion
 * aws_v1; PriceList entries are JSON documents (boxed strings, as the SDK hands them back);
 * InvalidParameterException for bad input, NotFoundException for an unknown service code or
 * attribute, InvalidNextTokenException for a token from another query.
 *
 * Products are a pure function of (service code, region code), built on first use and kept, so
 * any well-formed region code is priced, outside every short list.
 */
import { SimulatedAwsError, validationError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { intInRange, pageOf, requiredString } from '../../paging.js';
import { hash32 } from '../../rng.js';
import { APPSTREAM_REGIONS, SECURE_BROWSER_REGIONS } from './catalogue-other.js';
import { appStreamProducts, coreInstanceProducts, secureBrowserProducts } from './other-products.js';
import { asPriceListItem, fieldOf, type PriceDocument } from './price-document.js';
import { KNOWN_REGIONS, regionFacts } from './regions.js';
import { workspacesProducts } from './workspaces-products.js';

const INVALID = 'InvalidParameterException';
const FILTER_TYPES = ['TERM_MATCH', 'EQUALS', 'CONTAINS', 'ANY_OF', 'NONE_OF'] as const;
type FilterType = (typeof FILTER_TYPES)[number];
/** Where the Price List Query API has endpoints (API reference, "Endpoints"). */
export const PRICE_LIST_ENDPOINT_REGIONS: readonly string[] = ['us-east-1', 'eu-central-1', 'ap-south-1'];

type Builder = (
  region: NonNullable<ReturnType<typeof regionFacts>> & { code: string },
  publication: string,
) => PriceDocument[];
const SERVICES: Readonly<Record<string, Builder>> = {
  AmazonWorkSpaces: workspacesProducts,
  AmazonAppStream: appStreamProducts,
  AmazonWorkSpacesWeb: secureBrowserProducts,
  AmazonWorkSpacesInstances: coreInstanceProducts,
};

const cache = new Map<string, readonly PriceDocument[]>();

/** Whether a service is sold in a region (AppStream and Secure Browser are not everywhere). */
function offeredIn(serviceCode: string, region: string): boolean {
  if (serviceCode === 'AmazonAppStream') return APPSTREAM_REGIONS.includes(region);
  if (serviceCode === 'AmazonWorkSpacesWeb') return SECURE_BROWSER_REGIONS.includes(region);
  return true;
}

/** Every product of `serviceCode` in `region` (empty where the service is not offered). */
export function productsFor(
  serviceCode: string,
  region: string,
  publication: string,
): readonly PriceDocument[] {
  const key = `${serviceCode}|${region}|${publication}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const build = SERVICES[serviceCode];
  const facts = regionFacts(region);
  const products = build && facts ? build({ ...facts, code: region }, publication) : [];
  cache.set(key, products);
  return products;
}

/** Products of a service in every region the fixed table knows (attribute discovery). */
function allKnownProducts(serviceCode: string, publication: string): PriceDocument[] {
  return KNOWN_REGIONS.flatMap((region) => [...productsFor(serviceCode, region, publication)]);
}

interface Filter {
  readonly type: FilterType;
  readonly field: string;
  readonly value: string;
}

function readFilters(input: Record<string, unknown>): Filter[] {
  const raw = input.Filters;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('filters', 'Member must be a list');
  return raw.map((entry: unknown, i) => {
    const f = (entry ?? {}) as Record<string, unknown>;
    const type = f.Type;
    if (typeof type !== 'string' || !(FILTER_TYPES as readonly string[]).includes(type))
      throw validationError(
        `filters.${i + 1}.member.type`,
        `Member must satisfy enum value set: [${FILTER_TYPES.join(', ')}]`,
      );
    if (typeof f.Field !== 'string' || f.Field.length === 0 || f.Field.length > 1024)
      throw validationError(`filters.${i + 1}.member.field`, 'Member must have length between 1 and 1024');
    if (typeof f.Value !== 'string' || f.Value.length === 0)
      throw validationError(`filters.${i + 1}.member.value`, 'Member must not be null');
    return { type: type as FilterType, field: f.Field, value: f.Value };
  });
}

function matches(document: PriceDocument, filter: Filter): boolean {
  const value = fieldOf(document, filter.field);
  const list = () => filter.value.split(',').map((v) => v.trim());
  switch (filter.type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return value === filter.value;
    case 'CONTAINS':
      return value?.includes(filter.value) === true;
    case 'ANY_OF':
      return value !== undefined && list().includes(value);
    case 'NONE_OF':
      return value === undefined || !list().includes(value);
  }
}

function checkEndpoint(region: string): void {
  if (!PRICE_LIST_ENDPOINT_REGIONS.includes(region))
    throw new SimulatedAwsError(
      'UnknownEndpoint',
      `Inaccessible host: api.pricing.${region}.amazonaws.com. The Price List Query API is served only from ${PRICE_LIST_ENDPOINT_REGIONS.join(', ')}; create the client in us-east-1.`,
    );
}

function checkFormat(input: Record<string, unknown>): void {
  if (input.FormatVersion !== undefined && input.FormatVersion !== 'aws_v1')
    throw new SimulatedAwsError(
      INVALID,
      `FormatVersion ${String(input.FormatVersion)} is not supported; use aws_v1.`,
    );
}

function requireService(serviceCode: string): void {
  if (!SERVICES[serviceCode])
    throw new SimulatedAwsError('NotFoundException', `The service code ${serviceCode} was not found.`);
}

/** The region codes a query is restricted to, so only those regions' products are built. */
function regionsOf(filters: readonly Filter[]): readonly string[] | undefined {
  const pinned = filters.find(
    (f) => f.field === 'regionCode' && (f.type === 'TERM_MATCH' || f.type === 'EQUALS'),
  );
  if (pinned) return [pinned.value];
  const anyOf = filters.find((f) => f.field === 'regionCode' && f.type === 'ANY_OF');
  return anyOf ? anyOf.value.split(',').map((v) => v.trim()) : undefined;
}

const getProducts: OperationHandler = (request, estate) => {
  checkEndpoint(request.region);
  const input = request.input;
  const serviceCode = requiredString(input, 'ServiceCode');
  checkFormat(input);
  const maxResults = intInRange(input, 'MaxResults', 1, 100, 100);
  const filters = readFilters(input);
  requireService(serviceCode);
  const publication = estate.billing.priceListPublication;
  const regions = regionsOf(filters);
  const candidates = regions
    ? regions.flatMap((r) => [...productsFor(serviceCode, r, publication)])
    : allKnownProducts(serviceCode, publication);
  const found = candidates.filter((doc) => filters.every((f) => matches(doc, f)));
  // A token belongs to the query that issued it (AWS rejects it on another query).
  const query = hash32(serviceCode, JSON.stringify(filters)).toString(36);
  const page = pageOf(
    `GetProducts.${query}`,
    found,
    input.NextToken,
    maxResults,
    'InvalidNextTokenException',
  );
  return {
    FormatVersion: 'aws_v1',
    PriceList: page.items.map(asPriceListItem),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};

function attributeNames(serviceCode: string, publication: string): string[] {
  const names = new Set<string>();
  for (const doc of productsFor(serviceCode, 'us-east-1', publication))
    for (const name of Object.keys(doc.product.attributes)) names.add(name);
  return [...names, 'productFamily'].sort();
}

const describeServices: OperationHandler = (request, estate) => {
  checkEndpoint(request.region);
  const input = request.input;
  checkFormat(input);
  const maxResults = intInRange(input, 'MaxResults', 1, 100, 100);
  const publication = estate.billing.priceListPublication;
  const code = typeof input.ServiceCode === 'string' ? input.ServiceCode : undefined;
  if (code) requireService(code);
  const codes = code ? [code] : Object.keys(SERVICES).sort();
  const page = pageOf('DescribeServices', codes, input.NextToken, maxResults, 'InvalidNextTokenException');
  return {
    Services: page.items.map((ServiceCode) => ({
      ServiceCode,
      AttributeNames: attributeNames(ServiceCode, publication),
    })),
    FormatVersion: 'aws_v1',
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};

const getAttributeValues: OperationHandler = (request, estate) => {
  checkEndpoint(request.region);
  const input = request.input;
  const serviceCode = requiredString(input, 'ServiceCode');
  const attribute = requiredString(input, 'AttributeName');
  const maxResults = intInRange(input, 'MaxResults', 1, 100, 100);
  requireService(serviceCode);
  const publication = estate.billing.priceListPublication;
  if (!attributeNames(serviceCode, publication).includes(attribute))
    throw new SimulatedAwsError(
      'NotFoundException',
      `The attribute ${attribute} was not found for service ${serviceCode}.`,
    );
  const values = new Set<string>();
  const offered = KNOWN_REGIONS.filter((r) => offeredIn(serviceCode, r));
  if (attribute === 'regionCode') for (const r of offered) values.add(r);
  if (attribute === 'location') for (const r of offered) values.add(regionFacts(r)?.location ?? r);
  // Only usage types differ between regions otherwise; read the rest from one region.
  const docs =
    attribute === 'regionCode' || attribute === 'location'
      ? []
      : attribute === 'usagetype'
        ? allKnownProducts(serviceCode, publication)
        : productsFor(serviceCode, 'us-east-1', publication);
  for (const doc of docs) {
    const value = fieldOf(doc, attribute);
    if (value !== undefined) values.add(value);
  }
  const sorted = [...values].sort();
  const page = pageOf(
    `GetAttributeValues.${serviceCode}.${attribute}`,
    sorted,
    input.NextToken,
    maxResults,
    'InvalidNextTokenException',
  );
  return {
    AttributeValues: page.items.map((Value) => ({ Value })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};

export const priceListOperations: Readonly<Record<string, OperationHandler>> = {
  GetProducts: getProducts,
  DescribeServices: describeServices,
  GetAttributeValues: getAttributeValues,
};
