import { roundHourly, roundMonthly } from './catalogue.js';

/**
 * List prices (us-east-1, before the region multiplier) of the EUC services that are not
 * WorkSpaces Personal/Pools, and where each is offered. See catalogue.ts for the sources.
 */

/** An AppStream (WorkSpaces Applications) instance type. */
export interface StreamInstance {
  readonly instanceType: string;
  /** Price List `instanceFamily`. */
  readonly family:
    | 'General purpose'
    | 'Compute optimized'
    | 'Memory optimized'
    | 'Graphics Design'
    | 'Graphics Pro'
    | 'Graphics';
  readonly vcpu: number;
  readonly memoryGib: number;
  /** Windows, licence included, per hour. */
  readonly windowsHourly: number;
}

export const STREAM_INSTANCES: readonly StreamInstance[] = [
  stream('stream.standard.small', 'General purpose', 1, 2, 0.08),
  stream('stream.standard.medium', 'General purpose', 2, 4, 0.1),
  stream('stream.standard.large', 'General purpose', 2, 8, 0.2),
  stream('stream.standard.xlarge', 'General purpose', 4, 16, 0.4),
  stream('stream.standard.2xlarge', 'General purpose', 8, 32, 0.8),
  stream('stream.compute.large', 'Compute optimized', 2, 3.75, 0.25),
  stream('stream.compute.xlarge', 'Compute optimized', 4, 7.5, 0.5),
  stream('stream.compute.2xlarge', 'Compute optimized', 8, 15, 1),
  stream('stream.compute.4xlarge', 'Compute optimized', 16, 30, 2),
  stream('stream.compute.8xlarge', 'Compute optimized', 32, 60, 4),
  stream('stream.memory.large', 'Memory optimized', 2, 15.25, 0.32),
  stream('stream.memory.xlarge', 'Memory optimized', 4, 30.5, 0.64),
  stream('stream.memory.2xlarge', 'Memory optimized', 8, 61, 1.28),
  stream('stream.graphics-design.large', 'Graphics Design', 2, 7.5, 0.25),
  stream('stream.graphics.g4dn.xlarge', 'Graphics', 4, 16, 1.2),
  stream('stream.graphics.g4dn.2xlarge', 'Graphics', 8, 32, 1.75),
  stream('stream.graphics-pro.4xlarge', 'Graphics Pro', 16, 122, 2.05),
];

function stream(
  instanceType: string,
  family: StreamInstance['family'],
  vcpu: number,
  memoryGib: number,
  windowsHourly: number,
): StreamInstance {
  return { instanceType, family, vcpu, memoryGib, windowsHourly };
}

/**
 * AppStream `operatingSystem` values (docs/pricing-api.md of the reference project) and their
 * hourly difference from licence-included Windows: BYOL and the Linux images drop the Windows
 * licence (Singapore stream.standard.large $0.24 Windows vs $0.217 BYOL/Amazon Linux).
 */
export const STREAM_OPERATING_SYSTEMS: readonly {
  readonly operatingSystem: string;
  readonly licenseModel: 'AppStream provided' | 'Bring Your Own License';
  readonly perVcpuDelta: number;
  readonly code: string;
}[] = [
  { operatingSystem: 'Windows', licenseModel: 'AppStream provided', perVcpuDelta: 0, code: 'win' },
  {
    operatingSystem: 'Windows BYOL',
    licenseModel: 'Bring Your Own License',
    perVcpuDelta: -0.0115,
    code: 'byol',
  },
  { operatingSystem: 'Amazon Linux', licenseModel: 'AppStream provided', perVcpuDelta: -0.0115, code: 'al2' },
  {
    operatingSystem: 'Red Hat Enterprise Linux',
    licenseModel: 'AppStream provided',
    perVcpuDelta: 0.004,
    code: 'rhel',
  },
  {
    operatingSystem: 'Rocky Linux',
    licenseModel: 'AppStream provided',
    perVcpuDelta: -0.0115,
    code: 'rocky',
  },
  { operatingSystem: 'Ubuntu Pro', licenseModel: 'AppStream provided', perVcpuDelta: -0.009, code: 'ubuntu' },
];

/**
 * AppStream `instanceFunction` values with their usage-type code. The `-fl`/`-ib` codes follow
 * usage types seen in public fixtures (`APS2-stream.standard.large-fl`, `...-ib`); the others are
 * our assumption of the same pattern.
 */
export const STREAM_FUNCTIONS: readonly { readonly instanceFunction: string; readonly code: string }[] = [
  { instanceFunction: 'Fleet', code: 'fl' },
  { instanceFunction: 'MultiSessionFleet', code: 'ms' },
  { instanceFunction: 'ElasticFleet', code: 'el' },
  { instanceFunction: 'ImageBuilder', code: 'ib' },
  { instanceFunction: 'AppBlockBuilder', code: 'abb' },
];

/** On-Demand fleet instances that are provisioned but not streaming: one flat rate per region. */
export const STREAM_STOPPED_HOURLY = 0.025;
/** Microsoft RDS SAL for licence-included Windows fleets, per user per month (not region-scaled). */
export const STREAM_USER_FEES = {
  singleSession: 4.19,
  multiSessionFirst: 6.42,
  multiSessionAdditional: 2.23,
} as const;

/**
 * Regions where the simulated AppStream and Secure Browser are offered: a subset, as in AWS, so a
 * tool meets "not offered in this region" (the real Price List then returns no products).
 */
export const APPSTREAM_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'il-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'us-gov-west-1',
];
export const SECURE_BROWSER_REGIONS: readonly string[] = [
  'us-east-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
];

/** Secure Browser portal instance types, $ per monthly active user (usagetype suffix). */
export const SECURE_BROWSER_SIZES: readonly {
  readonly instanceType: string;
  readonly size: string;
  readonly suffix: string;
  readonly perUser: number;
}[] = [
  { instanceType: 'standard.regular', size: 'Regular', suffix: 'WEB-ST', perUser: 7 },
  { instanceType: 'standard.large', size: 'Large', suffix: 'WEB-ST-LARGE', perUser: 10.5 },
  { instanceType: 'standard.xlarge', size: 'XLarge', suffix: 'WEB-ST-XLARGE', perUser: 14 },
];

/** EC2 instance types Core Managed Instances run on, with their EC2 on-demand rate. */
export const CORE_INSTANCE_TYPES: readonly {
  readonly instanceType: string;
  readonly vcpu: number;
  readonly ec2Hourly: number;
}[] = [
  { instanceType: 't3.medium', vcpu: 2, ec2Hourly: 0.0416 },
  { instanceType: 't3.large', vcpu: 2, ec2Hourly: 0.0832 },
  { instanceType: 'm5.large', vcpu: 2, ec2Hourly: 0.096 },
  { instanceType: 'm5.xlarge', vcpu: 4, ec2Hourly: 0.192 },
  { instanceType: 'r5.large', vcpu: 2, ec2Hourly: 0.126 },
  { instanceType: 'm6i.large', vcpu: 2, ec2Hourly: 0.096 },
  { instanceType: 'm6i.xlarge', vcpu: 4, ec2Hourly: 0.192 },
  { instanceType: 'm7i.large', vcpu: 2, ec2Hourly: 0.1008 },
  { instanceType: 'c6i.xlarge', vcpu: 4, ec2Hourly: 0.17 },
  { instanceType: 'r6i.large', vcpu: 2, ec2Hourly: 0.126 },
  { instanceType: 'g4dn.xlarge', vcpu: 4, ec2Hourly: 0.526 },
  { instanceType: 'g6.xlarge', vcpu: 4, ec2Hourly: 0.805 },
];

/** The Core management fee per hour (hourly billing); monthly billing is 60 % of 730 h of it. */
export function coreManagementHourly(vcpu: number): number {
  return 0.01 + 0.015 * vcpu;
}

/** Core management fee in a region: per hour (Hourly billing) or per month (Monthly billing). */
export function coreManagementFee(
  vcpu: number,
  dedicated: boolean,
  billing: 'Hourly' | 'Monthly',
  multiplier: number,
): number {
  const hourly = coreManagementHourly(vcpu) * (dedicated ? 1.1 : 1) * multiplier;
  return billing === 'Hourly' ? roundHourly(hourly) : roundMonthly(hourly * 730 * 0.6);
}

/** An AppStream instance hour in a region for an OS code of STREAM_OPERATING_SYSTEMS. */
export function streamHourly(
  instance: StreamInstance,
  osCode: string,
  multiplier: number,
): number | undefined {
  const os = STREAM_OPERATING_SYSTEMS.find((o) => o.code === osCode);
  return os
    ? roundHourly((instance.windowsHourly + os.perVcpuDelta * instance.vcpu) * multiplier)
    : undefined;
}

/** A Secure Browser monthly active user in a region, by usage-type suffix. */
export function secureBrowserRate(suffix: string, multiplier: number): number | undefined {
  const size = SECURE_BROWSER_SIZES.find((s) => s.suffix === suffix);
  return size ? Math.round(size.perUser * multiplier * 100) / 100 : undefined;
}
