import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import type { Workspace, WorkspaceConnectionStatus, WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { PersonalEstate, SimDesktop, SimDirectory, SimSubnet } from '@workspaces-euc-mcp/simulator';
import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';
import { type PinnedMetrics, pinMetrics, SMALL_METRICS } from './metrics.js';

/**
 * Small, hand-described simulated estates: a tiny generated estate whose WorkSpaces Personal part
 * is replaced by the desktops, directories, subnets, IP groups and images below, with pinned
 * metric values. Every id and number here is what the tests check against. For scale, tests use
 * generated estates (`{ seed, desktops: 10_000 }`) instead.
 */

export const NOW = new Date('2026-06-17T12:00:00Z');
export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
const where = { account: ACCOUNT, region: REGION };
const HOUR_MS = 3_600_000;
export const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR_MS);

export const AD = 'd-1234567890';
export const WSD = 'wsd-abcdefgh12';
export const IMPAIRED_AD = 'd-9876543210';

/** The subnets of each directory: AD has plenty, WSD is low (one subnet full), IMPAIRED_AD is critical. */
export const SUBNETS = {
  [AD]: [
    { subnetId: 'subnet-0a00000000000000a', free: 200 },
    { subnetId: 'subnet-0b00000000000000b', free: 180 },
  ],
  [WSD]: [
    { subnetId: 'subnet-0c00000000000000c', free: 30 },
    { subnetId: 'subnet-0d00000000000000d', free: 0 },
  ],
  [IMPAIRED_AD]: [
    { subnetId: 'subnet-0e00000000000000e', free: 10 },
    { subnetId: 'subnet-0f00000000000000f', free: 5 },
  ],
} as const;

type DirectoryKey = keyof typeof SUBNETS;

function subnetsOf(directoryId: DirectoryKey, octet: number): SimSubnet[] {
  return SUBNETS[directoryId].map((s, i) => ({
    ...where,
    subnetId: s.subnetId,
    vpcId: 'vpc-0123456789abcdef0',
    cidrBlock: `10.${octet}.${i}.0/24`,
    availabilityZone: `${REGION}${'ab'[i]}`,
    availableIpAddressCount: s.free,
  }));
}

/** One desktop with the fields the tools read; it publishes no metrics unless pinned. */
export function desktop(
  id: string,
  state: Workspace['State'],
  mode: 'AUTO_STOP' | 'ALWAYS_ON' | 'MANUAL',
  user: string,
  directoryId: string,
  extra: Partial<Workspace> = {},
  compute: 'VALUE' | 'STANDARD' | 'PERFORMANCE' | 'GRAPHICS_G4DN' = 'STANDARD',
): SimDesktop {
  const subnet = SUBNETS[directoryId as DirectoryKey]?.[0]?.subnetId;
  return {
    ...where,
    workspace: {
      WorkspaceId: id,
      State: state,
      UserName: user,
      ComputerName: `WSAMZ-${user.toUpperCase()}`,
      IpAddress: `10.0.${id.length}.${user.length + 10}`,
      DirectoryId: directoryId,
      ...(subnet ? { SubnetId: subnet } : {}),
      BundleId: 'wsb-abc123def',
      RootVolumeEncryptionEnabled: true,
      UserVolumeEncryptionEnabled: true,
      WorkspaceProperties: { RunningMode: mode, ComputeTypeName: compute, Protocols: ['PCOIP'] },
      ...extra,
    },
    connection: { WorkspaceId: id },
    usage: 'never',
    load: 'light',
    utcOffsetHours: 0,
    connectionFailureRate: 0,
    latencyMs: 40,
    createdAt: new Date(NOW.getTime() - 400 * 24 * HOUR_MS),
    tags: [],
    snapshots: { restore: [], rebuild: [] },
  };
}

function directory(
  record: WorkspaceDirectory & { DirectoryId: DirectoryKey },
  ds: DirectoryDescription | undefined,
): SimDirectory {
  return {
    ...where,
    directory: { SubnetIds: SUBNETS[record.DirectoryId].map((s) => s.subnetId), ...record },
    ...(ds ? { ds } : {}),
    clientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'DISABLED' },
  };
}

function connection(id: string, state: WorkspaceConnectionStatus['ConnectionState'], lastHoursAgo?: number) {
  return {
    WorkspaceId: id,
    ConnectionState: state,
    ...(lastHoursAgo !== undefined ? { LastKnownUserConnectionTimestamp: hoursAgo(lastHoursAgo) } : {}),
  };
}

/** The hand-described Personal part of `smallEstate()`. */
export function smallPersonal(): PersonalEstate {
  const desktops = [
    desktop('ws-avail0001', 'AVAILABLE', 'AUTO_STOP', 'alice', AD),
    desktop('ws-unheal001', 'UNHEALTHY', 'ALWAYS_ON', 'bob', AD, { RootVolumeEncryptionEnabled: false }),
    desktop(
      'ws-stopped01',
      'STOPPED',
      'AUTO_STOP',
      'carol',
      WSD,
      { UserVolumeEncryptionEnabled: false },
      'VALUE',
    ),
    desktop('ws-admin0001', 'ADMIN_MAINTENANCE', 'ALWAYS_ON', 'dave', AD),
    desktop('ws-error0001', 'ERROR', 'AUTO_STOP', 'eve', AD, {
      ErrorCode: 'InternalError',
      ErrorMessage: 'Create failed',
    }),
    desktop('ws-susp00001', 'SUSPENDED', 'AUTO_STOP', 'mallory', AD),
    desktop(
      'ws-graph0001',
      'AVAILABLE',
      'ALWAYS_ON',
      'erin',
      AD,
      {
        RelatedWorkspaces: [
          { WorkspaceId: 'ws-stdby0001', Region: 'us-west-2', Type: 'STANDBY', State: 'STOPPED' },
        ],
      },
      'GRAPHICS_G4DN',
    ),
    desktop('ws-manual001', 'STOPPED', 'MANUAL', 'frank', WSD),
    desktop('ws-impdir001', 'AVAILABLE', 'AUTO_STOP', 'grace', IMPAIRED_AD, {
      ModificationStates: [{ Resource: 'COMPUTE_TYPE', State: 'UPDATE_FAILED' }],
    }),
  ];
  const byId = new Map(desktops.map((d) => [d.workspace.WorkspaceId, d]));
  const set = (id: string, change: (d: SimDesktop) => void) => {
    const d = byId.get(id);
    if (d) change(d);
  };
  set('ws-avail0001', (d) => {
    d.connection = connection('ws-avail0001', 'CONNECTED', 1);
    d.snapshots = { restore: [{ SnapshotTime: hoursAgo(5) }], rebuild: [{ SnapshotTime: hoursAgo(5) }] };
  });
  set('ws-unheal001', (d) => {
    d.connection = connection('ws-unheal001', 'DISCONNECTED', 30);
    d.snapshots = {
      restore: [{ SnapshotTime: hoursAgo(30) }, { SnapshotTime: hoursAgo(6) }],
      rebuild: [{ SnapshotTime: hoursAgo(12) }],
    };
  });
  set('ws-stopped01', (d) => {
    d.connection = connection('ws-stopped01', 'UNKNOWN', 24 * 45);
  });
  set('ws-error0001', (d) => {
    d.snapshots = { restore: [{ SnapshotTime: hoursAgo(48) }], rebuild: [{ SnapshotTime: hoursAgo(48) }] };
  });
  return {
    directories: [
      directory(
        {
          DirectoryId: AD,
          Alias: 'corp',
          DirectoryName: 'corp.example.com',
          DirectoryType: 'AD_CONNECTOR',
          WorkspaceType: 'PERSONAL',
          State: 'REGISTERED',
          ipGroupIds: ['wsipg-open0001'],
          WorkspaceCreationProperties: { UserEnabledAsLocalAdministrator: true, EnableMaintenanceMode: true },
          WorkspaceAccessProperties: { DeviceTypeWeb: 'ALLOW', DeviceTypeWindows: 'ALLOW' },
        },
        { DirectoryId: AD, Stage: 'Active', Type: 'ADConnector' },
      ),
      directory(
        {
          DirectoryId: WSD,
          DirectoryName: 'entra',
          DirectoryType: 'CUSTOMER_MANAGED',
          WorkspaceType: 'PERSONAL',
          State: 'REGISTERED',
          ipGroupIds: [],
          WorkspaceCreationProperties: {
            UserEnabledAsLocalAdministrator: false,
            EnableMaintenanceMode: false,
          },
        },
        undefined,
      ),
      directory(
        {
          DirectoryId: IMPAIRED_AD,
          DirectoryName: 'branch.example.com',
          DirectoryType: 'AD_CONNECTOR',
          WorkspaceType: 'PERSONAL',
          State: 'REGISTERED',
          ipGroupIds: ['wsipg-corp0001'],
          WorkspaceCreationProperties: {
            UserEnabledAsLocalAdministrator: false,
            EnableMaintenanceMode: true,
          },
        },
        { DirectoryId: IMPAIRED_AD, Stage: 'Impaired', StageReason: 'DNS unavailable', Type: 'ADConnector' },
      ),
    ],
    subnets: [...subnetsOf(AD, 10), ...subnetsOf(WSD, 11), ...subnetsOf(IMPAIRED_AD, 12)],
    bundles: [],
    desktops,
    ipGroups: [
      {
        ...where,
        group: {
          groupId: 'wsipg-open0001',
          groupName: 'anywhere',
          userRules: [{ ipRule: '0.0.0.0/0' }, { ipRule: '203.0.113.0/24' }],
        },
      },
      {
        ...where,
        group: { groupId: 'wsipg-corp0001', groupName: 'corp', userRules: [{ ipRule: '198.51.100.0/24' }] },
      },
    ],
    images: [
      {
        ...where,
        image: {
          ImageId: 'wsi-owned0001',
          Name: 'gold-2025',
          State: 'AVAILABLE',
          Created: hoursAgo(24 * 400),
          OperatingSystem: { Type: 'WINDOWS' },
        },
        sharedWith: ['444455556666', '777788889999'],
      },
      {
        ...where,
        image: {
          ImageId: 'wsi-owned0002',
          Name: 'gold-2026',
          State: 'AVAILABLE',
          Created: hoursAgo(24 * 10),
          OperatingSystem: { Type: 'WINDOWS' },
          Updates: { UpdateAvailable: true, Description: 'Agent update' },
        },
        sharedWith: [],
      },
      {
        ...where,
        image: {
          ImageId: 'wsi-owned0003',
          Name: 'broken',
          State: 'ERROR',
          ErrorCode: 'ImageCreationFailed',
          Created: hoursAgo(72),
        },
        sharedWith: [],
      },
      {
        ...where,
        image: {
          ImageId: 'wsi-shared001',
          Name: 'partner',
          State: 'AVAILABLE',
          OwnerAccountId: '999988887777',
          Created: hoursAgo(24 * 30),
        },
        sharedWith: [],
      },
    ],
    accountSettings: [
      {
        ...where,
        dedicatedTenancySupport: 'ENABLED',
        dedicatedTenancyManagementCidrRange: '10.200.0.0/16',
        modifications: [
          {
            ModificationState: 'COMPLETED',
            DedicatedTenancySupport: 'ENABLED',
            StartTime: hoursAgo(24 * 100),
          },
        ],
        aliases: [{ AliasId: 'wsca-abc123456', ConnectionString: 'desktops.example.com', State: 'CREATED' }],
      },
    ],
  };
}

/**
 * A simulated estate whose Personal part is `personal` (default: the hand-described small estate),
 * at NOW, in one account and region, with `metrics` pinned and every other desktop silent.
 */
export function handEstate(
  personal: PersonalEstate = smallPersonal(),
  metrics: PinnedMetrics = SMALL_METRICS,
): Estate {
  const base = generateEstate({ seed: 5, desktops: 0, accounts: [ACCOUNT], regions: [REGION], now: NOW });
  const silent = new Set(personal.desktops.map((d) => d.workspace.WorkspaceId ?? ''));
  return { ...base, personal, metricOverride: pinMetrics(metrics, silent) };
}

/** The small hand-described estate most tests use. */
export function smallEstate(): Estate {
  return handEstate();
}

/** `count` desktops all in `state` with `mode` in AD, ids ws-uni000000…, for batch-write tests. */
export function uniformEstate(
  count: number,
  state: Workspace['State'],
  mode: 'AUTO_STOP' | 'ALWAYS_ON' = 'AUTO_STOP',
): Estate {
  const personal = smallPersonal();
  personal.desktops = Array.from({ length: count }, (_, i) =>
    desktop(`ws-uni${String(i).padStart(6, '0')}`, state, mode, `user${i}`, AD),
  );
  return handEstate(personal, {});
}

/** The desktop with this id in the estate (tests edit it before serving). */
export function desktopIn(estate: Estate, workspaceId: string): SimDesktop {
  const found = estate.personal.desktops.find((d) => d.workspace.WorkspaceId === workspaceId);
  if (!found) throw new Error(`No desktop ${workspaceId} in the test estate.`);
  return found;
}
