/**
 * What ListRegions and ListInstanceTypes answer in the simulated estate. Modelled, not AWS's list:
 * the shapes are the API's (InstanceTypeInfo with SupportedInstanceConfigurations of billing mode,
 * platform and tenancy), the contents a plausible catalogue that covers every type the generated
 * instances use, with a few types offered in some regions only and BYOL on dedicated tenancy only
 * (Microsoft licensing requires dedicated hardware for bring-your-own Windows licences).
 */
import type {
  BillingMode,
  InstanceConfigurationTenancyEnum,
  PlatformTypeEnum,
  SupportedInstanceConfiguration,
} from '@aws-sdk/client-workspaces-instances';

/** The regions ListRegions names (modelled). */
export const SUPPORTED_REGIONS: readonly string[] = [
  'us-east-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
];

const SHARED_PLATFORMS: readonly PlatformTypeEnum[] = [
  'Windows',
  'Linux/UNIX',
  'Ubuntu Pro Linux',
  'Red Hat Enterprise Linux',
  'SUSE Linux',
];
const BYOL_PLATFORMS: readonly PlatformTypeEnum[] = ['Windows BYOL', 'Red Hat BYOL Linux'];

function configurations(monthly: boolean): SupportedInstanceConfiguration[] {
  const billing: BillingMode[] = monthly ? ['HOURLY', 'MONTHLY'] : ['HOURLY'];
  const of = (platforms: readonly PlatformTypeEnum[], Tenancy: InstanceConfigurationTenancyEnum) =>
    billing.flatMap((BillingMode) =>
      platforms.map((PlatformType) => ({ BillingMode, PlatformType, Tenancy })),
    );
  return [...of(SHARED_PLATFORMS, 'SHARED'), ...of(BYOL_PLATFORMS, 'DEDICATED')];
}

/** One instance type of the catalogue: where it is offered (undefined: every supported region). */
interface CatalogueType {
  readonly instanceType: string;
  readonly monthly: boolean;
  readonly regions?: readonly string[];
}

const FAMILIES: readonly (readonly [string, readonly string[], boolean, (readonly string[])?])[] = [
  ['t3', ['medium', 'large', 'xlarge'], false],
  ['m5', ['large', 'xlarge', '2xlarge', '4xlarge'], true],
  ['m6i', ['large', 'xlarge', '2xlarge', '4xlarge'], true],
  ['m7i', ['large', 'xlarge', '2xlarge'], true],
  ['c6i', ['large', 'xlarge', '2xlarge'], false],
  ['r5', ['large', 'xlarge', '2xlarge'], true],
  ['r6i', ['large', 'xlarge'], false],
  ['g4dn', ['xlarge', '2xlarge', '4xlarge'], true],
  [
    'g5',
    ['xlarge', '2xlarge'],
    false,
    ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1'],
  ],
  ['g6', ['xlarge', '2xlarge'], false, ['us-east-1', 'us-west-2', 'eu-west-1']],
];

const CATALOGUE: readonly CatalogueType[] = FAMILIES.flatMap(([family, sizes, monthly, regions]) =>
  sizes.map((size) => ({ instanceType: `${family}.${size}`, monthly, ...(regions ? { regions } : {}) })),
);

/** The instance types offered in `region` with their configurations, in a stable order. */
export function instanceTypesIn(
  region: string,
): { InstanceType: string; SupportedInstanceConfigurations: SupportedInstanceConfiguration[] }[] {
  if (!SUPPORTED_REGIONS.includes(region)) return [];
  return CATALOGUE.filter((t) => !t.regions || t.regions.includes(region)).map((t) => ({
    InstanceType: t.instanceType,
    SupportedInstanceConfigurations: configurations(t.monthly),
  }));
}
