import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import type {
  AccountModification,
  ConnectionAlias,
  Workspace,
  WorkspaceConnectionStatus,
  WorkspaceDirectory,
  WorkspaceImage,
  WorkspacesIpGroup,
} from '@aws-sdk/client-workspaces';

/**
 * A small fake WorkSpaces estate for tests, until the shared simulated estate lands. The handler
 * in `handler.ts` serves it and enforces the documented request limits.
 */
export interface Estate {
  workspaces: Workspace[];
  directories: WorkspaceDirectory[];
  dsDirectories: DirectoryDescription[];
  ipGroups: WorkspacesIpGroup[];
  connection: Map<string, WorkspaceConnectionStatus>;
  snapshots: Map<string, { restore: Date[]; rebuild: Date[] }>;
  /** One value per metric bucket, or undefined for no data. */
  metric: (workspaceId: string, metricName: string, stat: string) => number | undefined;
  ownedImages: WorkspaceImage[];
  sharedImages: WorkspaceImage[];
  imagePermissions: Map<string, string[]>;
  account: { DedicatedTenancySupport?: string; DedicatedTenancyManagementCidrRange?: string };
  accountModifications: AccountModification[];
  aliases: ConnectionAlias[];
}

export const NOW = new Date('2026-06-17T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

/** One desktop with the fields the tools read. */
export function desktop(
  id: string,
  state: Workspace['State'],
  mode: 'AUTO_STOP' | 'ALWAYS_ON' | 'MANUAL',
  user: string,
  directoryId: string,
  extra: Partial<Workspace> = {},
  compute: 'VALUE' | 'STANDARD' | 'PERFORMANCE' | 'GRAPHICS_G4DN' = 'STANDARD',
): Workspace {
  return {
    WorkspaceId: id,
    State: state,
    UserName: user,
    ComputerName: `WSAMZ-${user.toUpperCase()}`,
    IpAddress: `10.0.${id.length}.${user.length + 10}`,
    DirectoryId: directoryId,
    BundleId: 'wsb-abc123def',
    RootVolumeEncryptionEnabled: true,
    UserVolumeEncryptionEnabled: true,
    WorkspaceProperties: { RunningMode: mode, ComputeTypeName: compute, Protocols: ['PCOIP'] },
    ...extra,
  };
}

export const AD = 'd-1234567890';
export const WSD = 'wsd-abcdefgh12';
export const IMPAIRED_AD = 'd-9876543210';

/** Hand-built estate: every id and value below is what the tests check against. */
export function smallEstate(): Estate {
  const workspaces: Workspace[] = [
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
  const directories: WorkspaceDirectory[] = [
    {
      DirectoryId: AD,
      Alias: 'corp',
      DirectoryName: 'corp.example.com',
      DirectoryType: 'AD_CONNECTOR',
      WorkspaceType: 'PERSONAL',
      State: 'REGISTERED',
      SubnetIds: ['subnet-aaa', 'subnet-bbb'],
      ipGroupIds: ['wsipg-open0001'],
      WorkspaceCreationProperties: { UserEnabledAsLocalAdministrator: true, EnableMaintenanceMode: true },
    },
    {
      DirectoryId: WSD,
      DirectoryName: 'entra',
      DirectoryType: 'CUSTOMER_MANAGED',
      WorkspaceType: 'PERSONAL',
      State: 'REGISTERED',
      ipGroupIds: [],
      WorkspaceCreationProperties: { UserEnabledAsLocalAdministrator: false, EnableMaintenanceMode: false },
    },
    {
      DirectoryId: IMPAIRED_AD,
      DirectoryName: 'branch.example.com',
      DirectoryType: 'AD_CONNECTOR',
      WorkspaceType: 'PERSONAL',
      State: 'REGISTERED',
      ipGroupIds: ['wsipg-corp0001'],
      WorkspaceCreationProperties: { UserEnabledAsLocalAdministrator: false, EnableMaintenanceMode: true },
    },
  ];
  return {
    workspaces,
    directories,
    dsDirectories: [
      { DirectoryId: AD, Stage: 'Active', Type: 'ADConnector' },
      { DirectoryId: IMPAIRED_AD, Stage: 'Impaired', StageReason: 'DNS unavailable', Type: 'ADConnector' },
    ],
    ipGroups: [
      {
        groupId: 'wsipg-open0001',
        groupName: 'anywhere',
        userRules: [{ ipRule: '0.0.0.0/0' }, { ipRule: '203.0.113.0/24' }],
      },
      { groupId: 'wsipg-corp0001', groupName: 'corp', userRules: [{ ipRule: '198.51.100.0/24' }] },
    ],
    connection: new Map([
      [
        'ws-avail0001',
        {
          WorkspaceId: 'ws-avail0001',
          ConnectionState: 'CONNECTED',
          LastKnownUserConnectionTimestamp: hoursAgo(1),
        },
      ],
      [
        'ws-unheal001',
        {
          WorkspaceId: 'ws-unheal001',
          ConnectionState: 'DISCONNECTED',
          LastKnownUserConnectionTimestamp: hoursAgo(30),
        },
      ],
      [
        'ws-stopped01',
        {
          WorkspaceId: 'ws-stopped01',
          ConnectionState: 'UNKNOWN',
          LastKnownUserConnectionTimestamp: hoursAgo(24 * 45),
        },
      ],
    ]),
    snapshots: new Map([
      ['ws-unheal001', { restore: [hoursAgo(30), hoursAgo(6)], rebuild: [hoursAgo(12)] }],
      ['ws-avail0001', { restore: [hoursAgo(5)], rebuild: [hoursAgo(5)] }],
      ['ws-error0001', { restore: [hoursAgo(48)], rebuild: [hoursAgo(48)] }],
    ]),
    metric: (workspaceId, metricName) => {
      if (workspaceId === 'ws-unheal001') {
        if (metricName === 'ConnectionAttempt') return 2; // 2 per hour
        if (metricName === 'ConnectionFailure') return 2;
        if (metricName === 'CPUUsage') return 97;
        if (metricName === 'MemoryUsage') return 60;
      }
      if (workspaceId === 'ws-avail0001') {
        const values: Record<string, number> = {
          ConnectionAttempt: 1,
          ConnectionSuccess: 1,
          ConnectionFailure: 0,
          UserConnected: 1,
          InSessionLatency: 40,
          SessionLaunchTime: 12,
          CPUUsage: 20,
          MemoryUsage: 50,
          RootVolumeDiskUsage: 40,
          UserVolumeDiskUsage: 30,
          UpTime: 7200,
          UDPPacketLossRate: 0,
        };
        return values[metricName];
      }
      if (workspaceId === 'ws-graph0001') {
        const values: Record<string, number> = {
          CPUUsage: 30,
          MemoryUsage: 85,
          GPUUsage: 91,
          InSessionLatency: 300,
        };
        return values[metricName];
      }
      return undefined;
    },
    ownedImages: [
      {
        ImageId: 'wsi-owned0001',
        Name: 'gold-2025',
        State: 'AVAILABLE',
        Created: hoursAgo(24 * 400),
        OperatingSystem: { Type: 'WINDOWS' },
      },
      {
        ImageId: 'wsi-owned0002',
        Name: 'gold-2026',
        State: 'AVAILABLE',
        Created: hoursAgo(24 * 10),
        OperatingSystem: { Type: 'WINDOWS' },
        Updates: { UpdateAvailable: true, Description: 'Agent update' },
      },
      {
        ImageId: 'wsi-owned0003',
        Name: 'broken',
        State: 'ERROR',
        ErrorCode: 'ImageCreationFailed',
        Created: hoursAgo(24 * 3),
      },
    ],
    sharedImages: [
      {
        ImageId: 'wsi-shared001',
        Name: 'partner',
        State: 'AVAILABLE',
        OwnerAccountId: '111122223333',
        Created: hoursAgo(24 * 30),
      },
    ],
    imagePermissions: new Map([['wsi-owned0001', ['444455556666', '777788889999']]]),
    account: { DedicatedTenancySupport: 'ENABLED', DedicatedTenancyManagementCidrRange: '10.200.0.0/16' },
    accountModifications: [
      { ModificationState: 'COMPLETED', DedicatedTenancySupport: 'ENABLED', StartTime: hoursAgo(24 * 100) },
    ],
    aliases: [{ AliasId: 'wsca-abc123456', ConnectionString: 'desktops.example.com', State: 'CREATED' }],
  };
}
