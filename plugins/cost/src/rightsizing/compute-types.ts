/**
 * WorkSpaces Personal compute types: their size and the one-step ladders right-sizing moves on.
 * Sizes are the bundle specifications on the WorkSpaces pricing/bundles pages (vCPU, GiB, share
 * of one GPU). A step only moves within a family, because changing family changes the image
 * requirements (a GPU driver, a GeneralPurpose-capable OS).
 */

/** How big one compute type is. */
export interface ComputeSpec {
  readonly vcpu: number;
  readonly memoryGib: number;
  /** Share of one GPU (G6f bundles carry fractions); undefined for non-GPU types. */
  readonly gpuShare?: number;
}

/** Compute types with a size we know, keyed by `WorkspaceProperties.ComputeTypeName`. */
export const COMPUTE_SPECS: Readonly<Record<string, ComputeSpec>> = {
  VALUE: { vcpu: 1, memoryGib: 2 },
  STANDARD: { vcpu: 2, memoryGib: 4 },
  PERFORMANCE: { vcpu: 2, memoryGib: 8 },
  POWER: { vcpu: 4, memoryGib: 16 },
  POWERPRO: { vcpu: 8, memoryGib: 32 },
  GENERALPURPOSE_4XLARGE: { vcpu: 16, memoryGib: 64 },
  GENERALPURPOSE_8XLARGE: { vcpu: 32, memoryGib: 128 },
  GRAPHICS_G4DN: { vcpu: 4, memoryGib: 16, gpuShare: 1 },
  GRAPHICSPRO_G4DN: { vcpu: 16, memoryGib: 64, gpuShare: 1 },
  GRAPHICS_G6_XLARGE: { vcpu: 4, memoryGib: 16, gpuShare: 1 },
  GRAPHICS_G6_2XLARGE: { vcpu: 8, memoryGib: 32, gpuShare: 1 },
  GRAPHICS_G6_4XLARGE: { vcpu: 16, memoryGib: 64, gpuShare: 1 },
  GRAPHICS_G6_8XLARGE: { vcpu: 32, memoryGib: 128, gpuShare: 1 },
  GRAPHICS_G6_16XLARGE: { vcpu: 64, memoryGib: 256, gpuShare: 1 },
  GRAPHICS_G6F_LARGE: { vcpu: 2, memoryGib: 8, gpuShare: 0.125 },
  GRAPHICS_G6F_XLARGE: { vcpu: 4, memoryGib: 16, gpuShare: 0.125 },
  GRAPHICS_G6F_2XLARGE: { vcpu: 8, memoryGib: 32, gpuShare: 0.25 },
  GRAPHICS_G6F_4XLARGE: { vcpu: 16, memoryGib: 64, gpuShare: 0.5 },
  GRAPHICS_GR6_4XLARGE: { vcpu: 16, memoryGib: 128, gpuShare: 1 },
  GRAPHICS_GR6_8XLARGE: { vcpu: 32, memoryGib: 256, gpuShare: 1 },
};

/** Families, smallest first. */
export const COMPUTE_LADDERS: readonly (readonly string[])[] = [
  [
    'VALUE',
    'STANDARD',
    'PERFORMANCE',
    'POWER',
    'POWERPRO',
    'GENERALPURPOSE_4XLARGE',
    'GENERALPURPOSE_8XLARGE',
  ],
  ['GRAPHICS_G4DN', 'GRAPHICSPRO_G4DN'],
  [
    'GRAPHICS_G6_XLARGE',
    'GRAPHICS_G6_2XLARGE',
    'GRAPHICS_G6_4XLARGE',
    'GRAPHICS_G6_8XLARGE',
    'GRAPHICS_G6_16XLARGE',
  ],
  ['GRAPHICS_G6F_LARGE', 'GRAPHICS_G6F_XLARGE', 'GRAPHICS_G6F_2XLARGE', 'GRAPHICS_G6F_4XLARGE'],
  ['GRAPHICS_GR6_4XLARGE', 'GRAPHICS_GR6_8XLARGE'],
];

/** True for compute types with a GPU (their sizing needs GPU metrics). */
export function isGraphics(computeType: string): boolean {
  return computeType.startsWith('GRAPHICS');
}

/** The next smaller and larger compute type in the same family. */
export function neighbours(computeType: string): { down?: string; up?: string } {
  for (const ladder of COMPUTE_LADDERS) {
    const index = ladder.indexOf(computeType);
    if (index < 0) continue;
    const down = ladder[index - 1];
    const up = ladder[index + 1];
    return { ...(down ? { down } : {}), ...(up ? { up } : {}) };
  }
  return {};
}
