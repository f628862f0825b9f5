/**
 * The EUC quotas Service Quotas serves, with their real quota codes, names and usage metrics
 * (AWS/Usage ResourceCount dimensions as Service Quotas publishes them; collected from the
 * Service Quotas catalogue), default values and adjustability from the WorkSpaces
 * Administration Guide "Amazon WorkSpaces quotas" and the WorkSpaces Applications "Service
 * Quotas" page. AppStream (appstream2) quotas publish no usage metric, as in AWS.
 */
import type { LocationResources } from './resources.js';

export type EucServiceCode = 'workspaces' | 'appstream2' | 'workspaces-web' | 'workspaces-instances';

export const SERVICE_NAMES: Readonly<Record<EucServiceCode, string>> = {
  workspaces: 'Amazon WorkSpaces',
  appstream2: 'Amazon AppStream 2.0',
  'workspaces-web': 'Amazon WorkSpaces Secure Browser',
  'workspaces-instances': 'Amazon WorkSpaces Managed Instances',
};

/**
 * How many of a quota's resources exist in a location: prepared once per location, then asked
 * for each sample time (its ResourceCount). A day of 5-minute samples over thousands of desktops
 * must not rescan them per sample.
 */
export type UsageCount = (resources: LocationResources) => (timeMs: number) => number;

export interface QuotaDefinition {
  readonly serviceCode: EucServiceCode;
  readonly code: string;
  readonly name: string;
  readonly defaultValue: number;
  readonly adjustable: boolean;
  /** The AWS/Usage metric (Type Resource, Class None), when the quota has one. */
  readonly metric?: {
    readonly service: string;
    readonly resource: string;
    readonly periodUnit: 'MINUTE' | 'HOUR';
  };
  /** The count behind the metric, when the estate models what the quota limits. */
  readonly count?: UsageCount;
  /** Only the default value is known: ListServiceQuotas leaves it out. */
  readonly defaultOnly?: boolean;
  /** For AppStream fleet instance quotas: the instance type it limits. */
  readonly instanceType?: string;
}

/**
 * AppStream fleet instance quotas ("<type> streaming instances for fleets"): instance type, quota
 * code, name, default (graphics 0, compute and memory 5, standard 50, as the applications part).
 */
const APPSTREAM_INSTANCE_QUOTAS: readonly (readonly [string, string, string, number])[] = [
  ['stream.standard.medium', 'L-59CF7EF6', 'Standard medium streaming instances for fleets', 50],
  ['stream.standard.large', 'L-94844324', 'Standard large streaming instances for fleets', 50],
  ['stream.standard.xlarge', 'L-8BCFD092', 'Standard xlarge streaming instances for fleets', 50],
  ['stream.compute.large', 'L-63D777D1', 'Compute-optimized large streaming instances for fleets', 5],
  ['stream.compute.xlarge', 'L-7F9576D3', 'Compute-optimized xlarge streaming instances for fleets', 5],
  ['stream.memory.large', 'L-E200E807', 'Memory-optimized large streaming instances for fleets', 5],
  ['stream.graphics.g4dn.xlarge', 'L-3D9782E8', 'Graphics G4DN xlarge streaming instances for fleets', 0],
];

/** Desktops that exist (created, not terminated) at a time, among those `keep` selects. */
function existingDesktops(keep: (compute: string | undefined) => boolean): UsageCount {
  return (r) => {
    const created = r.desktops
      .filter(
        (d) => d.workspace.State !== 'TERMINATED' && keep(d.workspace.WorkspaceProperties?.ComputeTypeName),
      )
      .map((d) => d.createdAt.getTime())
      .sort((a, b) => a - b);
    return (t) => {
      // How many creation times are at or before t (binary search).
      let low = 0;
      let high = created.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((created[mid] ?? 0) <= t) low = mid + 1;
        else high = mid;
      }
      return low;
    };
  };
}

/** A count that does not change over the series. */
function constant(count: (r: LocationResources) => number): UsageCount {
  return (r) => {
    const n = count(r);
    return () => n;
  };
}

const byCompute = (compute: string): UsageCount => existingDesktops((c) => c === compute);
const WS = 'WorkSpaces';
const ws = (resource: string) => ({ service: WS, resource, periodUnit: 'MINUTE' as const });
const web = (resource: string, periodUnit: 'MINUTE' | 'HOUR' = 'MINUTE') => ({
  service: 'Amazon WorkSpaces Secure Browser',
  resource,
  periodUnit,
});

export const QUOTA_CATALOGUE: readonly QuotaDefinition[] = [
  // WorkSpaces (Personal and Pools). The WorkSpaces quota counts every desktop in the Region.
  {
    serviceCode: 'workspaces',
    code: 'L-34278094',
    name: 'WorkSpaces',
    defaultValue: 1,
    adjustable: true,
    metric: ws('WorkSpace'),
    count: existingDesktops(() => true),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-9A67B5CB',
    name: 'Standby WorkSpaces',
    defaultValue: 5,
    adjustable: true,
    metric: ws('StandbyWorkSpace'),
    count: constant(
      (r) =>
        r.desktops.filter((d) => d.workspace.RelatedWorkspaces?.some((w) => w.Type === 'PRIMARY')).length,
    ),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-465DA8AF',
    name: 'GeneralPurpose 4xlarge streaming instances for WorkSpaces',
    defaultValue: 1,
    adjustable: true,
    metric: ws('GeneralPurpose4xlargeStreamingInstancesForWorkSpace'),
    count: byCompute('GENERALPURPOSE_4XLARGE'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-C266A5F4',
    name: 'GeneralPurpose 8xlarge streaming instances for WorkSpaces',
    defaultValue: 1,
    adjustable: true,
    metric: ws('GeneralPurpose8xlargeStreamingInstancesForWorkSpace'),
    count: byCompute('GENERALPURPOSE_8XLARGE'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-BCACAEBC',
    name: 'Graphics.g4dn WorkSpaces',
    defaultValue: 0,
    adjustable: true,
    metric: ws('GraphicsG4dnWorkSpace'),
    count: byCompute('GRAPHICS_G4DN'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-BE9A8466',
    name: 'GraphicsPro.g4dn WorkSpaces',
    defaultValue: 0,
    adjustable: true,
    metric: ws('GraphicsProG4dnWorkSpace'),
    count: byCompute('GRAPHICSPRO_G4DN'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-254B485B',
    name: 'GraphicsPro WorkSpaces',
    defaultValue: 0,
    adjustable: true,
    metric: ws('GraphicsProWorkSpace'),
    count: byCompute('GRAPHICSPRO'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-3AC69A9E',
    name: 'Graphics.g6.xlarge WorkSpaces',
    defaultValue: 0,
    adjustable: true,
    metric: ws('GraphicsG6xlargeWorkSpace'),
    count: byCompute('GRAPHICS_G6_XLARGE'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-EF6817EC',
    name: 'Graphics.gr6.4xlarge WorkSpaces',
    defaultValue: 0,
    adjustable: true,
    metric: ws('GraphicsGr64xlargeWorkSpace'),
    count: byCompute('GRAPHICS_GR6_4XLARGE'),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-843E43DA',
    name: 'Bundles',
    defaultValue: 50,
    adjustable: false,
    metric: ws('Bundle'),
    // The quota counts custom bundles only, not the AMAZON-owned public ones.
    count: constant((r) => r.customBundles),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-18CE281C',
    name: 'Images',
    defaultValue: 40,
    adjustable: true,
    metric: ws('Image'),
    count: constant((r) => r.ownedImages),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-EEB759DE',
    name: 'Directories',
    defaultValue: 50,
    adjustable: false,
    metric: ws('Directory'),
    count: constant((r) => r.directoryIds.length),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-0E312A12',
    name: 'IP access control groups',
    defaultValue: 100,
    adjustable: false,
    metric: ws('IPAccessControlGroup'),
    count: constant((r) => r.ipGroupIds.length),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-0798A2C9',
    name: 'Connection aliases',
    defaultValue: 20,
    adjustable: false,
    metric: ws('ConnectionAlias'),
    count: constant((r) => r.connectionAliases),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-D6CFBE96',
    name: 'WorkSpaces Pools',
    defaultValue: 5,
    adjustable: true,
    metric: ws('WorkSpacesPool'),
    count: constant((r) => r.pools.length),
  },
  {
    serviceCode: 'workspaces',
    code: 'L-5782CB4D',
    name: 'Rules per IP access control group',
    defaultValue: 10,
    adjustable: false,
  },
  {
    serviceCode: 'workspaces',
    code: 'L-F61D0B79',
    name: 'IP access control groups per directory',
    defaultValue: 25,
    adjustable: false,
  },
  // WorkSpaces Applications (AppStream 2.0).
  { serviceCode: 'appstream2', code: 'L-8A6F32DC', name: 'Fleets', defaultValue: 10, adjustable: true },
  { serviceCode: 'appstream2', code: 'L-A8B8B901', name: 'Stacks', defaultValue: 10, adjustable: true },
  {
    serviceCode: 'appstream2',
    code: 'L-DE32F884',
    name: 'Image builders',
    defaultValue: 10,
    adjustable: true,
  },
  {
    serviceCode: 'appstream2',
    code: 'L-E1182CCA',
    name: 'Private images',
    defaultValue: 40,
    adjustable: true,
  },
  ...APPSTREAM_INSTANCE_QUOTAS.map(
    ([instanceType, code, name, defaultValue]): QuotaDefinition => ({
      serviceCode: 'appstream2',
      code,
      name,
      defaultValue,
      adjustable: true,
      instanceType,
    }),
  ),
  {
    serviceCode: 'appstream2',
    code: 'L-6A8C9986',
    name: 'Users in the user pool',
    defaultValue: 50,
    adjustable: true,
  },
  {
    serviceCode: 'appstream2',
    code: 'L-D949908C',
    name: 'App block builders',
    defaultValue: 5,
    adjustable: true,
    defaultOnly: true,
  },
  // WorkSpaces Secure Browser.
  {
    serviceCode: 'workspaces-web',
    code: 'L-149BA3AD',
    name: 'Number of Portals',
    defaultValue: 5,
    adjustable: true,
    metric: web('Portals'),
    count: constant((r) => r.portals.length),
  },
  {
    serviceCode: 'workspaces-web',
    code: 'L-1B5A496A',
    name: 'Maximum concurrent sessions for the standard.regular instance type in the specified region',
    defaultValue: 25,
    adjustable: true,
    // Published hourly and only while sessions run; the estate models no sessions here.
    metric: web('TotalMaxConcurrentSessions_standardRegular', 'HOUR'),
  },
  {
    serviceCode: 'workspaces-web',
    code: 'L-3A62D5A9',
    name: 'Number of UserSettings',
    defaultValue: 5,
    adjustable: true,
    metric: web('UserSettings'),
  },
  {
    serviceCode: 'workspaces-web',
    code: 'L-095DE697',
    name: 'Rate of ListPortals requests',
    defaultValue: 5,
    adjustable: true,
    defaultOnly: true,
  },
  // WorkSpaces Core Managed Instances.
  {
    serviceCode: 'workspaces-instances',
    code: 'L-7D173EC3',
    name: 'WorkSpaces Managed Instances',
    defaultValue: 10,
    adjustable: true,
    metric: {
      service: 'AmazonWorkSpacesManagedInstances',
      resource: 'ManagedInstances',
      periodUnit: 'MINUTE',
    },
    count: constant((r) => r.instances.length),
  },
  {
    serviceCode: 'workspaces-instances',
    code: 'L-4842BC54',
    name: 'Concurrent WorkSpaces Managed Instances in allocating state',
    defaultValue: 5,
    adjustable: false,
  },
];

/** Usage of the AppStream quotas the estate can count (they publish no usage metric). */
export const APPSTREAM_COUNTS: Readonly<Record<string, UsageCount>> = {
  'L-8A6F32DC': constant((r) => r.fleets.length),
  'L-A8B8B901': constant((r) => r.stacks.length),
};
