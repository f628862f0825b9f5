import { type ErrorEntry, errorEntry, SERVICE_LABELS, type ToolContext } from '@workspaces-euc-mcp/host';
import { fetchPersonalProducts, fetchProducts, PRICE_LIST_REGION } from './price-fetch.js';
import { computeTypeKey, type LicenceModel, matchPersonalPrices, type PriceProduct } from './price-list.js';
import {
  applicationsOperatingSystem,
  type PersonalRow,
  personalRows,
  poolStreamingRows,
  type RateRow,
  rateRows,
  secureBrowserTier,
} from './service-prices.js';

/** What one service's lookup produced. */
export interface PriceSection {
  personal?: {
    licence: string;
    match?: {
      alwaysOnMonthlyUsd: number;
      autoStopMonthlyBaseUsd: number;
      autoStopHourlyUsd: number;
      breakEvenHours: number | null;
    };
    rows: PersonalRow[];
  };
  rates: RateRow[];
  unmatched: { what: string; why: string }[];
  errors: ErrorEntry[];
  queries: number;
}

/** The filters a caller may narrow a lookup with. */
export interface PriceFilters {
  readonly computeType?: string | undefined;
  readonly licence: LicenceModel;
  readonly rootVolumeGib?: number | undefined;
  readonly userVolumeGib?: number | undefined;
  readonly instanceType?: string | undefined;
  readonly instanceFunction: string;
  readonly platform?: string | undefined;
}

/** Runs Price List queries, recording failures and empty answers instead of throwing. */
function querier(region: string, section: PriceSection) {
  return async (
    what: string,
    run: () => ReturnType<typeof fetchProducts>,
  ): Promise<readonly PriceProduct[]> => {
    try {
      const answer = await run();
      if (answer.fetched) section.queries += 1;
      if (answer.products.length === 0)
        section.unmatched.push({
          what,
          why: `The Price List has no such products for regionCode ${region}: the service or option may not be offered there.`,
        });
      if (answer.truncated)
        section.unmatched.push({
          what,
          why: 'Answer cut at 2,000 products; narrow the query (computeType, instanceType).',
        });
      return answer.products;
    } catch (error) {
      section.errors.push(
        errorEntry(SERVICE_LABELS.priceList, { region: PRICE_LIST_REGION }, error, `${what}: `),
      );
      section.unmatched.push({ what, why: 'The Price List query failed; see errors.' });
      return [];
    }
  };
}

/** WorkSpaces Personal: one configuration matched exactly, or the priced table. */
export async function personalPrices(
  ctx: ToolContext,
  region: string,
  f: PriceFilters,
): Promise<PriceSection> {
  const section: PriceSection = { rates: [], unmatched: [], errors: [], queries: 0 };
  const ask = querier(region, section);
  const products = await ask(`Personal (${f.licence.label})`, () =>
    fetchPersonalProducts(ctx, region, f.licence.licence),
  );
  const rows = personalRows(products, f.licence, f.computeType ? computeTypeKey(f.computeType) : undefined);
  section.personal = { licence: f.licence.label, rows };
  if (f.computeType && rows.length === 0 && products.length > 0)
    section.unmatched.push({
      what: `Personal ${f.computeType}`,
      why: `No ${f.licence.label} ${f.computeType} SKUs in ${region}.`,
    });
  if (
    f.computeType &&
    f.rootVolumeGib !== undefined &&
    f.userVolumeGib !== undefined &&
    products.length > 0
  ) {
    const match = matchPersonalPrices(products, {
      computeType: f.computeType,
      licence: f.licence,
      rootVolumeGib: f.rootVolumeGib,
      userVolumeGib: f.userVolumeGib,
    });
    if (match.matched) {
      const { alwaysOnMonthly, autoStopMonthlyBase, autoStopHourly } = match.prices;
      const breakEven = (alwaysOnMonthly - autoStopMonthlyBase) / autoStopHourly;
      section.personal.match = {
        alwaysOnMonthlyUsd: alwaysOnMonthly,
        autoStopMonthlyBaseUsd: autoStopMonthlyBase,
        autoStopHourlyUsd: autoStopHourly,
        breakEvenHours: Number.isFinite(breakEven) && breakEven > 0 ? Math.round(breakEven * 10) / 10 : null,
      };
    } else
      section.unmatched.push({
        what: `Personal ${f.computeType} Root:${f.rootVolumeGib}/User:${f.userVolumeGib}`,
        why: match.why,
      });
  }
  return section;
}

/** WorkSpaces Pools: streaming per hour by licence, the stopped-instance fee and the user fee. */
export async function poolsPrices(ctx: ToolContext, region: string, f: PriceFilters): Promise<PriceSection> {
  const section: PriceSection = { rates: [], unmatched: [], errors: [], queries: 0 };
  const ask = querier(region, section);
  const [streaming, stopped, userFee] = await Promise.all([
    ask('Pools streaming', () =>
      fetchProducts(ctx, 'AmazonWorkSpaces', { regionCode: region, runningMode: 'Pool' }),
    ),
    ask('Pools stopped instance', () =>
      fetchProducts(ctx, 'AmazonWorkSpaces', { regionCode: region, bundle: 'Stopped Instance' }),
    ),
    ask('Pools user fee', () =>
      fetchProducts(ctx, 'AmazonWorkSpaces', { regionCode: region, bundle: 'User Fee' }),
    ),
  ]);
  section.rates = [
    ...poolStreamingRows(streaming, f.computeType ? computeTypeKey(f.computeType) : undefined),
    ...rateRows(stopped, () => 'Stopped instance (provisioned, idle)', ['bundle']),
    ...rateRows(userFee, () => 'User fee (per user per month)', ['bundle']),
  ];
  return section;
}

/** WorkSpaces Applications: instance hours, the stopped-instance fee and Microsoft user fees. */
export async function applicationsPrices(
  ctx: ToolContext,
  region: string,
  f: PriceFilters,
): Promise<PriceSection> {
  const section: PriceSection = { rates: [], unmatched: [], errors: [], queries: 0 };
  const ask = querier(region, section);
  const os = applicationsOperatingSystem(f.platform);
  const [instances, stopped, userFees] = await Promise.all([
    ask(`Applications ${f.instanceType ?? 'instances'} (${f.instanceFunction})`, () =>
      fetchProducts(ctx, 'AmazonAppStream', {
        regionCode: region,
        instanceFunction: f.instanceFunction,
        ...(f.instanceType ? { instanceType: f.instanceType } : {}),
        ...(os ? { operatingSystem: os } : {}),
      }),
    ),
    ask('Applications stopped fleet instance', () =>
      fetchProducts(ctx, 'AmazonAppStream', { regionCode: region, instanceFunction: 'StoppedFleetInstance' }),
    ),
    ask('Applications user fees', () =>
      fetchProducts(ctx, 'AmazonAppStream', { regionCode: region, productFamily: 'User Fees' }),
    ),
  ]);
  section.rates = [
    ...rateRows(
      instances,
      (p) =>
        `${p.attributes.instanceType ?? '?'} ${p.attributes.instanceFunction ?? ''} ${p.attributes.operatingSystem ?? ''}`.trim(),
      ['instanceType', 'instanceFunction', 'operatingSystem'],
    ),
    ...rateRows(stopped, () => 'Stopped fleet instance (On-Demand, provisioned idle)', ['instanceFunction']),
    ...rateRows(userFees, (p) => `Microsoft user fee ${p.attributes.usagetype ?? ''}`.trim(), ['usagetype']),
  ];
  return section;
}

/** Secure Browser: $ per monthly active user by portal instance type. */
export async function secureBrowserPrices(ctx: ToolContext, region: string): Promise<PriceSection> {
  const section: PriceSection = { rates: [], unmatched: [], errors: [], queries: 0 };
  const ask = querier(region, section);
  const products = await ask('Secure Browser', () =>
    fetchProducts(ctx, 'AmazonWorkSpacesWeb', { regionCode: region }),
  );
  section.rates = rateRows(products, (p) => secureBrowserTier(p.attributes.usagetype), ['usagetype']);
  return section;
}

/** WorkSpaces Core Managed Instances: management fees per instance type (EC2 billed separately). */
export async function corePrices(ctx: ToolContext, region: string, f: PriceFilters): Promise<PriceSection> {
  const section: PriceSection = { rates: [], unmatched: [], errors: [], queries: 0 };
  const ask = querier(region, section);
  const products = await ask(`Core ${f.instanceType ?? 'instances'}`, () =>
    fetchProducts(ctx, 'AmazonWorkSpacesInstances', {
      regionCode: region,
      ...(f.instanceType ? { instanceType: f.instanceType } : {}),
    }),
  );
  section.rates = rateRows(
    products,
    (p) =>
      `${p.attributes.instanceType ?? '?'} ${p.attributes.billingoption ?? ''} ${p.attributes.tenancy ?? ''}`.trim(),
    ['instanceType', 'billingoption', 'tenancy'],
  );
  return section;
}
