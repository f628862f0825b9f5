/**
 * WorkSpaces Personal catalogue facts the estate is built from: compute types with their
 * hardware, and the OS/volume shapes of the AMAZON-owned bundles. Hardware per the WorkSpaces
 * bundle pages (vCPU, GiB memory, GPU).
 */
import type { Compute, OperatingSystemName } from '@aws-sdk/client-workspaces';

export interface ComputeSpec {
  readonly name: Compute;
  readonly vcpu: number;
  readonly memoryGib: number;
  readonly gpu: boolean;
  /** Relative share of desktops in a typical estate. */
  readonly weight: number;
}

export const COMPUTE_SPECS: readonly ComputeSpec[] = [
  { name: 'VALUE', vcpu: 1, memoryGib: 2, gpu: false, weight: 6 },
  { name: 'STANDARD', vcpu: 2, memoryGib: 4, gpu: false, weight: 34 },
  { name: 'PERFORMANCE', vcpu: 2, memoryGib: 8, gpu: false, weight: 26 },
  { name: 'POWER', vcpu: 4, memoryGib: 16, gpu: false, weight: 16 },
  { name: 'POWERPRO', vcpu: 8, memoryGib: 32, gpu: false, weight: 6 },
  { name: 'GENERALPURPOSE_4XLARGE', vcpu: 16, memoryGib: 64, gpu: false, weight: 1.5 },
  { name: 'GENERALPURPOSE_8XLARGE', vcpu: 32, memoryGib: 128, gpu: false, weight: 0.5 },
  { name: 'GRAPHICS_G4DN', vcpu: 4, memoryGib: 16, gpu: true, weight: 3 },
  { name: 'GRAPHICSPRO_G4DN', vcpu: 16, memoryGib: 64, gpu: true, weight: 2 },
  { name: 'GRAPHICS_G6_XLARGE', vcpu: 4, memoryGib: 16, gpu: true, weight: 1 },
  { name: 'GRAPHICS_GR6_4XLARGE', vcpu: 16, memoryGib: 128, gpu: true, weight: 0.5 },
  { name: 'GRAPHICSPRO', vcpu: 16, memoryGib: 122, gpu: true, weight: 0.25 },
  { name: 'GRAPHICS', vcpu: 8, memoryGib: 15, gpu: true, weight: 0.25 },
];

export function computeSpec(name: string | undefined): ComputeSpec | undefined {
  return COMPUTE_SPECS.find((spec) => spec.name === name);
}

/** Operating systems with their share and whether they are BYOL-only (Windows 10/11 desktop). */
export const OPERATING_SYSTEMS: readonly (readonly [OperatingSystemName, number])[] = [
  ['WINDOWS_SERVER_2022', 40],
  ['WINDOWS_SERVER_2019', 12],
  ['WINDOWS_11', 18],
  ['WINDOWS_10', 8],
  ['AMAZON_LINUX_2', 6],
  ['UBUNTU_22_04', 10],
  ['RHEL_8', 3],
  ['ROCKY_8', 3],
];

/** Volume pairs WorkSpaces allows (root, user) in GiB. */
export const VOLUME_PAIRS: readonly (readonly [number, number])[] = [
  [80, 10],
  [80, 50],
  [80, 100],
  [175, 100],
  [175, 100],
  [175, 200],
];

export const FIRST_NAMES = [
  'alex',
  'blair',
  'casey',
  'dana',
  'eli',
  'fran',
  'gale',
  'harper',
  'indra',
  'jules',
  'kai',
  'lee',
  'morgan',
  'noor',
  'oak',
  'parker',
  'quinn',
  'riley',
  'sam',
  'tate',
  'uma',
  'val',
  'wren',
  'yael',
] as const;
export const LAST_NAMES = [
  'adams',
  'bauer',
  'chen',
  'diaz',
  'ek',
  'fischer',
  'garcia',
  'haddad',
  'ito',
  'jansen',
  'kim',
  'lopez',
  'moreau',
  'nowak',
  'okafor',
  'patel',
  'rossi',
  'silva',
  'tanaka',
  'ueda',
  'varga',
  'weber',
  'young',
] as const;
