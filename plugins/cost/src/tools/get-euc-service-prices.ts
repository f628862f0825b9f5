import {
  defineTool,
  ErrorList,
  errorEntry,
  mapBounded,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { isHourly, personalLicenceFor } from '../pricing/price-list.js';
import {
  applicationsPrices,
  corePrices,
  type PriceFilters,
  type PriceSection,
  personalPrices,
  poolsPrices,
  secureBrowserPrices,
} from '../pricing/service-price-queries.js';
import { inRange, oneOf } from '../shared/estate.js';
import { usd } from '../shared/numbers.js';

/** What a WorkSpaces Applications instance runs as, in the Price List's words. */
const INSTANCE_FUNCTIONS = [
  'Fleet',
  'ElasticFleet',
  'MultiSessionFleet',
  'ImageBuilder',
  'AppBlockBuilder',
] as const;

/** What the bare string inputs must look like; checked in code so the schema stays small. */
const PATTERNS = {
  computeType: /^[A-Z0-9_]{3,40}$/,
  operatingSystem: /^[A-Z0-9_]{3,40}$/,
  platform: /^[A-Z0-9_]{3,40}$/,
  instanceType: /^[a-z0-9.-]{3,64}$/,
} as const;

/**
 * The input and output of this tool are a contract: other plugins call it through
 * `ctx.callTool('get_euc_service_prices', { service, regions, ... })`. Add optional fields only;
 * never rename or remove one.
 */
const Input = Type.Object(
  {
    service: Type.Enum(['personal', 'pools', 'applications', 'secure-browser', 'core']),
    regions: ScopeInput.regions,
    computeType: Type.Optional(Type.String()),
    operatingSystem: Type.Optional(Type.String()),
    rootVolumeGib: Type.Optional(Type.Integer()),
    userVolumeGib: Type.Optional(Type.Integer()),
    instanceType: Type.Optional(Type.String()),
    instanceFunction: Type.Optional(Type.String({ description: 'Default Fleet' })),
    platform: Type.Optional(Type.String()),
    maxRows: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  service: Type.String(),
  regions: Type.Array(Type.String()),
  currency: Type.Literal('USD'),
  personal: Type.Optional(
    Type.Object({
      licence: Type.String(),
      matches: Type.Array(
        Type.Object({
          region: Type.String(),
          alwaysOnMonthlyUsd: Type.Number(),
          autoStopMonthlyBaseUsd: Type.Number(),
          autoStopHourlyUsd: Type.Number(),
          breakEvenHours: Type.Union([Type.Number(), Type.Null()]),
        }),
        { description: 'The exact configuration asked for (computeType + volumes), per region.' },
      ),
      rows: Type.Array(
        Type.Object({
          region: Type.String(),
          bundle: Type.String(),
          storage: Type.String(),
          alwaysOnMonthlyUsd: Type.Optional(Type.Number()),
          autoStopMonthlyBaseUsd: Type.Optional(Type.Number()),
          autoStopHourlyUsd: Type.Optional(Type.Number()),
          breakEvenHours: Type.Optional(Type.Number()),
        }),
      ),
    }),
  ),
  rates: Type.Array(
    Type.Object({
      region: Type.String(),
      item: Type.String(),
      unit: Type.String(),
      usd: Type.Number(),
      monthlyAt730HoursUsd: Type.Optional(
        Type.Number({ description: 'Hourly rates × 730 (running all month).' }),
      ),
      attributes: Type.Record(Type.String(), Type.String()),
    }),
    { description: 'pools, applications, secure-browser and core rates.' },
  ),
  rowsTruncated: Type.Boolean(),
  unmatched: Type.Array(Type.Object({ region: Type.String(), what: Type.String(), why: Type.String() })),
  priceListQueries: Type.Integer(),
  assumptions: Type.Array(Type.String()),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** Checks the bare string inputs against their patterns, with an error naming the field. */
function checkInput(input: Partial<Record<keyof typeof PATTERNS, string | undefined>>): void {
  for (const [field, pattern] of Object.entries(PATTERNS) as [keyof typeof PATTERNS, RegExp][]) {
    const value = input[field];
    if (value !== undefined && !pattern.test(value))
      throw new ToolError('InvalidInput', `${field}: "${value}" does not look like ${pattern.source}.`);
  }
}

/** get_euc_service_prices: list prices of any EUC service in any region. */
export const getEucServicePrices = defineTool({
  name: 'get_euc_service_prices',
  title: 'EUC list prices (Price List)',
  description:
    'What does an EUC service cost per region? List prices: personal/pools by computeType (personal: +operatingSystem, volumes; AlwaysOn, AutoStop, break-even), applications/core by instanceType (+platform, instanceFunction), secure-browser.',
  tier: 1,
  iam: ['pricing:GetProducts'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    checkInput(input);
    const [instanceFunction = 'Fleet'] =
      oneOf(
        'instanceFunction',
        input.instanceFunction === undefined ? undefined : [input.instanceFunction],
        INSTANCE_FUNCTIONS,
      ) ?? [];
    inRange('rootVolumeGib', input.rootVolumeGib, 0, 2000);
    inRange('userVolumeGib', input.userVolumeGib, 0, 2000);
    inRange('maxRows', input.maxRows, 1, 500);
    // Prices are public and the same for every account: one lookup per distinct region.
    const regions = [
      ...new Set(
        selectScopes(ctx.aws, { ...(input.regions ? { regions: input.regions } : {}) }).map((s) => s.region),
      ),
    ];
    const operatingSystem = input.operatingSystem ?? 'WINDOWS_SERVER_2022';
    const licence = personalLicenceFor(operatingSystem);
    if (!licence && input.service === 'personal')
      throw new ToolError(
        'InvalidInput',
        `operatingSystem: ${operatingSystem} is not a WorkSpaces OperatingSystemName with a known licence model (e.g. WINDOWS_SERVER_2022, WINDOWS_11, AMAZON_LINUX_2, UBUNTU_22_04, RHEL_8, ROCKY_8).`,
      );
    const filters: PriceFilters = {
      computeType: input.computeType,
      licence: licence ?? {
        licence: 'Included',
        operatingSystems: ['Windows'],
        label: 'Windows Server, licence included',
      },
      rootVolumeGib: input.rootVolumeGib,
      userVolumeGib: input.userVolumeGib,
      instanceType: input.instanceType,
      instanceFunction,
      platform: input.platform,
    };
    const lookup = (region: string): Promise<PriceSection> => {
      switch (input.service) {
        case 'personal':
          return personalPrices(ctx, region, filters);
        case 'pools':
          return poolsPrices(ctx, region, filters);
        case 'applications':
          return applicationsPrices(ctx, region, filters);
        case 'secure-browser':
          return secureBrowserPrices(ctx, region);
        case 'core':
          return corePrices(ctx, region, filters);
      }
    };
    const settled = await mapBounded(regions, ctx.limits.concurrency, lookup, { signal: ctx.signal });
    // ~200 bytes a row, sent twice: 30 rows keep four regions' Personal rows near 13 KB.
    const maxRows = input.maxRows ?? 30;
    const matches: NonNullable<Static<typeof Output>['personal']>['matches'] = [];
    const personalRows: NonNullable<Static<typeof Output>['personal']>['rows'] = [];
    const allRates: Static<typeof Output>['rates'] = [];
    const unmatched: Static<typeof Output>['unmatched'] = [];
    const errors: Static<typeof Output>['errors'] = [];
    let personalLicence: string | undefined;
    let queries = 0;
    for (const outcome of settled) {
      const region = outcome.item;
      if (!outcome.ok) {
        errors.push(errorEntry(SERVICE_LABELS.priceList, { region }, outcome.error));
        continue;
      }
      const section = outcome.value;
      queries += section.queries;
      errors.push(...section.errors);
      unmatched.push(...section.unmatched.map((u) => ({ region, ...u })));
      if (section.personal) {
        personalLicence = section.personal.licence;
        if (section.personal.match) matches.push({ region, ...section.personal.match });
        personalRows.push(...section.personal.rows.map((r) => ({ region, ...r })));
      }
      allRates.push(
        ...section.rates.map((r) => ({
          region,
          ...r,
          attributes: { ...r.attributes },
          ...(isHourly(r.unit) ? { monthlyAt730HoursUsd: usd(r.usd * 730) } : {}),
        })),
      );
    }
    const rowsTruncated = personalRows.length > maxRows || allRates.length > maxRows;
    const rates = allRates.slice(0, maxRows);
    const where = regions.length === 1 ? regions[0] : `${regions.length} regions`;
    const found =
      matches.length > 0
        ? matches
            .map(
              (m) =>
                `${regions.length > 1 ? `${m.region}: ` : ''}AlwaysOn $${m.alwaysOnMonthlyUsd}/month, AutoStop $${m.autoStopMonthlyBaseUsd}/month + $${m.autoStopHourlyUsd}/h${m.breakEvenHours === null ? '' : ` (break-even ${m.breakEvenHours} h/month)`}`,
            )
            .join('; ')
        : `${personalRows.length + allRates.length} priced rows`;
    const summary =
      `${input.service} list prices in ${where}${personalLicence ? ` (${personalLicence})` : ''}: ${found}.` +
      (unmatched.length > 0
        ? ` Not matched: ${unmatched
            .slice(0, 5)
            .map((u) => (regions.length > 1 ? `${u.what} (${u.region})` : u.what))
            .join('; ')}.`
        : '') +
      (rowsTruncated ? ` Showing ${maxRows} rows; narrow with computeType, instanceType or regions.` : '');
    return {
      summary,
      service: input.service,
      regions,
      currency: 'USD' as const,
      ...(personalLicence !== undefined
        ? { personal: { licence: personalLicence, matches, rows: personalRows.slice(0, maxRows) } }
        : {}),
      rates,
      rowsTruncated,
      unmatched,
      priceListQueries: queries,
      assumptions: [
        'Public list prices in USD (Price List API); discounts, credits and private pricing are not reflected.',
        'Monthly equivalents of hourly rates assume 730 hours.',
        ...(input.service === 'personal' && input.operatingSystem === undefined
          ? ['operatingSystem not given: priced as Windows Server with the licence included.']
          : []),
      ],
      errors,
      notes: [
        ...(input.service === 'personal'
          ? [
              'Personal: Windows 10/11 desktops are BYOL and priced on their own SKUs; a custom volume pairing is billed as a listed pairing plus per-GB storage (the cost tools price it so).',
            ]
          : []),
        ...(input.service === 'core'
          ? ['Core Managed Instances: the EC2 instance and EBS are billed separately by EC2.']
          : []),
        ...(input.service === 'applications'
          ? [
              'Applications: ALWAYS_ON fleets bill instance hours 24/7; ON_DEMAND bill while streaming plus the stopped-instance fee; ELASTIC bill streaming only; builders bill while running. Windows with included licence adds Microsoft user fees.',
            ]
          : []),
        ...(input.service === 'pools'
          ? ['WorkSpaces Pools reach end of support on 2027-12-31 (AWS notice).']
          : []),
      ],
    };
  },
});
