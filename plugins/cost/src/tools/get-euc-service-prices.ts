import { defineTool, ErrorEntry, RegionInput, regionScope, ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
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
import { usd } from '../shared/numbers.js';

/**
 * The input and output of this tool are a contract: other plugins call it through
 * `ctx.callTool('get_euc_service_prices', { service, region, ... })`. Add optional fields only;
 * never rename or remove one.
 */
const Input = Type.Object(
  {
    service: Type.Union(
      [
        Type.Literal('personal'),
        Type.Literal('pools'),
        Type.Literal('applications'),
        Type.Literal('secure-browser'),
        Type.Literal('core'),
      ],
      {
        description:
          'personal = WorkSpaces Personal; applications = WorkSpaces Applications (AppStream); core = Core Managed Instances.',
      },
    ),
    region: RegionInput,
    computeType: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9_]{3,40}$',
        description: 'personal/pools: WorkSpaces compute type, e.g. STANDARD, POWER, GRAPHICS_G4DN.',
      }),
    ),
    operatingSystem: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9_]{3,40}$',
        description:
          'personal: WorkSpaces OperatingSystemName (WINDOWS_SERVER_2022, WINDOWS_11 = BYOL, AMAZON_LINUX_2, UBUNTU_22_04, RHEL_8, ROCKY_8); default WINDOWS_SERVER_2022.',
      }),
    ),
    rootVolumeGib: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2000, description: 'personal: root volume GiB.' }),
    ),
    userVolumeGib: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2000, description: 'personal: user volume GiB.' }),
    ),
    instanceType: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9.\\-]{3,64}$',
        description: 'applications: e.g. stream.standard.medium; core: the EC2 instance type.',
      }),
    ),
    instanceFunction: Type.Optional(
      Type.Union(
        [
          Type.Literal('Fleet'),
          Type.Literal('ElasticFleet'),
          Type.Literal('MultiSessionFleet'),
          Type.Literal('ImageBuilder'),
          Type.Literal('AppBlockBuilder'),
        ],
        { default: 'Fleet', description: 'applications: what the instance runs as.' },
      ),
    ),
    platform: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9_]{3,40}$',
        description:
          'applications: fleet platform, e.g. WINDOWS_SERVER_2022, WINDOWS_11 (BYOL), AMAZON_LINUX2.',
      }),
    ),
    maxRows: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Most rows returned.' }),
    ),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  service: Type.String(),
  region: Type.String(),
  currency: Type.Literal('USD'),
  personal: Type.Optional(
    Type.Object({
      licence: Type.String(),
      match: Type.Optional(
        Type.Object(
          {
            alwaysOnMonthlyUsd: Type.Number(),
            autoStopMonthlyBaseUsd: Type.Number(),
            autoStopHourlyUsd: Type.Number(),
            breakEvenHours: Type.Union([Type.Number(), Type.Null()]),
          },
          { description: 'The exact configuration asked for (computeType + volumes).' },
        ),
      ),
      rows: Type.Array(
        Type.Object({
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
  unmatched: Type.Array(Type.Object({ what: Type.String(), why: Type.String() })),
  priceListQueries: Type.Integer(),
  assumptions: Type.Array(Type.String()),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** get_euc_service_prices: list prices of any EUC service in any region. */
export const getEucServicePrices = defineTool({
  name: 'get_euc_service_prices',
  title: 'EUC list prices (Price List)',
  description:
    'List prices (AWS Price List) for WorkSpaces Personal (AlwaysOn monthly, AutoStop base + hourly and the break-even hours per bundle and storage; Windows 10/11 priced as BYOL), Pools (streaming per hour by licence, stopped-instance fee, user fee), WorkSpaces Applications (instance hours, stopped-instance fee, Microsoft user fees), Secure Browser (per monthly active user) and Core Managed Instances, in any region (the Price List regionCode filter; no region map). Says what it could not match and why. Use it to price a recommendation or answer "what does X cost in region Y". Cost: 1 Price List query for personal, secure-browser and core, 3 for pools and applications; cached 6 hours. No Cost Explorer requests.',
  tier: 1,
  iam: ['pricing:GetProducts'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const { region } = regionScope(ctx.aws, input.region);
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
      instanceFunction: input.instanceFunction ?? 'Fleet',
      platform: input.platform,
    };
    let section: PriceSection;
    switch (input.service) {
      case 'personal':
        section = await personalPrices(ctx, region, filters);
        break;
      case 'pools':
        section = await poolsPrices(ctx, region, filters);
        break;
      case 'applications':
        section = await applicationsPrices(ctx, region, filters);
        break;
      case 'secure-browser':
        section = await secureBrowserPrices(ctx, region);
        break;
      case 'core':
        section = await corePrices(ctx, region, filters);
        break;
    }
    const maxRows = input.maxRows ?? 100;
    const personalRows = section.personal?.rows ?? [];
    const rowsTruncated = personalRows.length > maxRows || section.rates.length > maxRows;
    const rates = section.rates.slice(0, maxRows).map((r) => ({
      ...r,
      attributes: { ...r.attributes },
      ...(isHourly(r.unit) ? { monthlyAt730HoursUsd: usd(r.usd * 730) } : {}),
    }));
    const match = section.personal?.match;
    const found = match
      ? `AlwaysOn $${match.alwaysOnMonthlyUsd}/month, AutoStop $${match.autoStopMonthlyBaseUsd}/month + $${match.autoStopHourlyUsd}/h${match.breakEvenHours === null ? '' : ` (break-even ${match.breakEvenHours} h/month)`}`
      : `${personalRows.length + section.rates.length} priced rows`;
    const summary =
      `${input.service} list prices in ${region}${section.personal ? ` (${section.personal.licence})` : ''}: ${found}.` +
      (section.unmatched.length > 0
        ? ` Not matched: ${section.unmatched.map((u) => u.what).join('; ')}.`
        : '') +
      (rowsTruncated ? ` Showing ${maxRows} rows; narrow with computeType or instanceType.` : '');
    return {
      summary,
      service: input.service,
      region,
      currency: 'USD' as const,
      ...(section.personal
        ? { personal: { ...section.personal, rows: personalRows.slice(0, maxRows) } }
        : {}),
      rates,
      rowsTruncated,
      unmatched: section.unmatched,
      priceListQueries: section.queries,
      assumptions: [
        'Public list prices in USD (Price List API); discounts, credits and private pricing are not reflected.',
        'Monthly equivalents of hourly rates assume 730 hours.',
        ...(input.service === 'personal' && input.operatingSystem === undefined
          ? ['operatingSystem not given: priced as Windows Server with the licence included.']
          : []),
      ],
      errors: section.errors,
      notes: [
        'Personal: Windows 10/11 desktops are BYOL and priced on their own SKUs; custom volume sizes are not list-priced (see the priced storage pairings).',
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
