/**
 * Usage types of the simulated bill. The Price List `usagetype` attribute and the Cost Explorer
 * USAGE_TYPE dimension carry the same strings, so both are built here.
 *
 * Patterns and where they come from:
 * - Personal: `<P>-AW-HW-<n>` AlwaysOn monthly (hardware), `<P>-AW-SW-<n>` its software part,
 *   `<P>-AW-HW-<n>-AutoStop-User` AutoStop monthly fee, `<P>-AW-HW-<n>-AutoStop-Usage` AutoStop
 *   hours: live Price List answers quoted in public code (`EU-AW-HW-2`, `EU-AW-HW-2-AutoStop-User`,
 *   `AW-HW-8-AutoStop-Usage`, `APS2-AW-SW-4`) and AWS's free-tier usage-type list; hourly
 *   desktops "always match /AutoStop/" (Broadcom's WorkSpaces billing parser). The HWB (BYOL),
 *   HWU (Linux), HWR/HWK (RHEL/Rocky) infixes are assumptions after `APS1-AW-HWB5-0`.
 * - Pools: `<P>-AW-HW-Pools-Stopped-Usage` (reference project test data); the streaming and
 *   user-fee types add "Pools" the same way (assumption).
 * - Core: `<P>-WH-ManagedInstances-Usage` (reference project test data) for Core Managed
 *   Instances; Core bundle desktops (MANUAL running mode) `<P>-AW-Core-HW-<n>` (assumption).
 * - AppStream: `<P>-<instanceType>-<fl|ib|…>` (public fixtures), `<P>-Win-User[-Multi-Session
 *   [-Additional]]` (reference project tests).
 * - Secure Browser: `<P>-WEB-ST[-LARGE|-XLARGE]` (reference project, docs/pricing-api.md).
 */
import type { BundleFamily, OsOffer } from './catalogue.js';

export type PersonalCharge = 'AlwaysOn' | 'AutoStop-User' | 'AutoStop-Usage';

export function personalUsageType(
  prefix: string,
  offer: OsOffer,
  family: BundleFamily,
  charge: PersonalCharge,
): string {
  const base = `${prefix}-${offer.usageInfix}-${family.usageNumber}`;
  return charge === 'AlwaysOn' ? base : `${base}-${charge}`;
}

export function personalSoftwareUsageType(prefix: string, family: BundleFamily): string {
  return `${prefix}-AW-SW-${family.usageNumber}`;
}

export function coreBundleUsageType(prefix: string, family: BundleFamily, charge: PersonalCharge): string {
  const base = `${prefix}-AW-Core-HW-${family.usageNumber}`;
  return charge === 'AlwaysOn' ? base : `${base}-${charge}`;
}

export function poolsStreamingUsageType(prefix: string, family: BundleFamily, byol: boolean): string {
  return `${prefix}-AW-HW${byol ? 'B' : ''}-${family.usageNumber}-Pools-Usage`;
}

export const poolsStoppedUsageType = (prefix: string): string => `${prefix}-AW-HW-Pools-Stopped-Usage`;
export const poolsUserFeeUsageType = (prefix: string): string => `${prefix}-AW-Pools-User`;

export function coreManagedInstanceUsageType(
  prefix: string,
  billing: 'Hourly' | 'Monthly',
  dedicated: boolean,
): string {
  return `${prefix}-WH-ManagedInstances${dedicated ? '-Dedicated' : ''}-${billing === 'Hourly' ? 'Usage' : 'Month'}`;
}

export function streamUsageType(
  prefix: string,
  instanceType: string,
  functionCode: string,
  osCode: string,
): string {
  return `${prefix}-${instanceType}-${functionCode}${osCode === 'win' ? '' : `-${osCode}`}`;
}

export const streamStoppedUsageType = (prefix: string): string => `${prefix}-stopped-instance`;

export function streamUserFeeUsageType(prefix: string, kind: 'single' | 'multi' | 'additional'): string {
  return `${prefix}-Win-User${kind === 'single' ? '' : kind === 'multi' ? '-Multi-Session' : '-Multi-Session-Additional'}`;
}

export const secureBrowserUsageType = (prefix: string, suffix: string): string => `${prefix}-${suffix}`;
