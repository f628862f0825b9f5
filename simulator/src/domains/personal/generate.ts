import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import type {
  AccountModification,
  ConnectionAlias,
  ModificationState,
  Tag,
  Workspace,
  WorkspaceBundle,
  WorkspaceDirectory,
  WorkspaceState,
} from '@aws-sdk/client-workspaces';
import { DAY_MS, type GenerationContext, HOUR_MS, type Location } from '../../model.js';
import { businessHoursUtcOffset } from '../../regions.js';
import { type Rng, unit } from '../../rng.js';
import { COMPUTE_SPECS, FIRST_NAMES, LAST_NAMES, OPERATING_SYSTEMS, VOLUME_PAIRS } from './catalogue.js';
import type {
  LoadProfile,
  PersonalEstate,
  SimAccountSettings,
  SimBundle,
  SimDesktop,
  SimDirectory,
  SimImage,
  SimIpGroup,
  SimSubnet,
  UsagePattern,
} from './model.js';
import { autoStopTailMs, lastSessionEndBefore, POWERED_ON_STATES, runningAt, sessionAt } from './usage.js';

/** Every WorkSpace state; the first 17 desktops of the first location take one each. */
export const ALL_WORKSPACE_STATES: readonly WorkspaceState[] = [
  'PENDING',
  'AVAILABLE',
  'IMPAIRED',
  'UNHEALTHY',
  'REBOOTING',
  'STARTING',
  'REBUILDING',
  'RESTORING',
  'MAINTENANCE',
  'ADMIN_MAINTENANCE',
  'TERMINATING',
  'TERMINATED',
  'SUSPENDED',
  'UPDATING',
  'STOPPING',
  'STOPPED',
  'ERROR',
];

const DIRECTORY_STATES_BEYOND_REGISTERED = ['REGISTERING', 'DEREGISTERING', 'DEREGISTERED', 'ERROR'] as const;

interface LocationDirectories {
  /** Directories desktops are placed in (registered, personal). */
  readonly homes: SimDirectory[];
  readonly all: SimDirectory[];
}

function kmsKeyArn(location: Location, rng: Rng): string {
  return `arn:aws:kms:${location.region}:${location.account}:key/${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}

function makeSubnets(location: Location, rng: Rng, count: number, octet: number): SimSubnet[] {
  const vpcId = `vpc-${rng.hex(17)}`;
  return Array.from({ length: count }, (_, i) => ({
    ...location,
    subnetId: `subnet-${rng.hex(17)}`,
    vpcId,
    cidrBlock: `10.${octet}.${i}.0/24`,
    availabilityZone: `${location.region}${'abc'[i % 3]}`,
    // /24 = 251 usable addresses (AWS reserves 5); desktops placed later take theirs.
    availableIpAddressCount: 251,
  }));
}

function makeDirectories(
  location: Location,
  locationIndex: number,
  rng: Rng,
  subnets: SimSubnet[],
  ipGroups: SimIpGroup[],
): LocationDirectories {
  const all: SimDirectory[] = [];
  const homes: SimDirectory[] = [];
  const domain = ['corp', 'emea', 'apac', 'labs'][locationIndex % 4] ?? 'corp';
  const [corpGroup, openGroup] = ipGroups;
  let subnetCursor = 0;
  const takeSubnets = (n: number) => {
    const taken = subnets.slice(subnetCursor, subnetCursor + n);
    subnetCursor += n;
    return taken;
  };
  const adDirectory = (
    kind: 'ADConnector' | 'MicrosoftAD',
    name: string,
    state: WorkspaceDirectory['State'],
    stage: DirectoryDescription['Stage'],
    options: {
      localAdmin: boolean;
      maintenance: boolean;
      ipGroups: string[];
      stageReason?: string;
      web: boolean;
    },
  ): SimDirectory => {
    const directoryId = `d-${rng.hex(10)}`;
    const dirSubnets = takeSubnets(2);
    const directory: WorkspaceDirectory = {
      DirectoryId: directoryId,
      Alias: `${name.split('.')[0]}-${rng.alnum(4).toLowerCase()}`,
      DirectoryName: name,
      DirectoryType: kind === 'ADConnector' ? 'AD_CONNECTOR' : 'SIMPLE_AD',
      WorkspaceType: 'PERSONAL',
      State: state,
      RegistrationCode: `SLiad+${rng.alnum(6)}`,
      SubnetIds: dirSubnets.map((s) => s.subnetId),
      DnsIpAddresses: [`10.${20 + locationIndex}.0.10`, `10.${20 + locationIndex}.1.10`],
      CustomerUserName: kind === 'ADConnector' ? 'svc-workspaces' : 'Admin',
      IamRoleId: `arn:aws:iam::${location.account}:role/workspaces_DefaultRole`,
      WorkspaceSecurityGroupId: `sg-${rng.hex(17)}`,
      ipGroupIds: options.ipGroups,
      Tenancy: 'SHARED',
      EndpointEncryptionMode: rng.chance(0.3) ? 'FIPS_VALIDATED' : 'STANDARD_TLS',
      WorkspaceCreationProperties: {
        EnableInternetAccess: rng.chance(0.5),
        DefaultOu: `OU=WorkSpaces,DC=${name.split('.').join(',DC=')}`,
        CustomSecurityGroupId: rng.chance(0.5) ? `sg-${rng.hex(17)}` : undefined,
        UserEnabledAsLocalAdministrator: options.localAdmin,
        EnableMaintenanceMode: options.maintenance,
      },
      WorkspaceAccessProperties: {
        DeviceTypeWindows: 'ALLOW',
        DeviceTypeOsx: 'ALLOW',
        DeviceTypeWeb: options.web ? 'ALLOW' : 'DENY',
        DeviceTypeIos: 'ALLOW',
        DeviceTypeAndroid: 'ALLOW',
        DeviceTypeChromeOs: 'ALLOW',
        DeviceTypeZeroClient: 'DENY',
        DeviceTypeLinux: 'ALLOW',
      },
      SelfservicePermissions: {
        RestartWorkspace: 'ENABLED',
        IncreaseVolumeSize: 'DISABLED',
        ChangeComputeType: 'DISABLED',
        SwitchRunningMode: 'DISABLED',
        RebuildWorkspace: 'DISABLED',
      },
      UserIdentityType: 'CUSTOMER_MANAGED',
      StreamingProperties: { StreamingExperiencePreferredProtocol: 'UDP' },
    };
    const ds: DirectoryDescription = {
      DirectoryId: directoryId,
      Name: name,
      ShortName: name.split('.')[0]?.toUpperCase(),
      Type: kind,
      Size: 'Small',
      Edition: kind === 'MicrosoftAD' ? 'Standard' : undefined,
      Stage: stage,
      StageReason: options.stageReason,
      DnsIpAddrs: directory.DnsIpAddresses,
      VpcSettings: { VpcId: dirSubnets[0]?.vpcId, SubnetIds: directory.SubnetIds },
      LaunchTime: new Date(Date.UTC(2023, 0, 10 + locationIndex)),
      StageLastUpdatedDateTime: new Date(Date.UTC(2026, 9, 1)),
    };
    const sim: SimDirectory = {
      ...location,
      directory,
      ds,
      clientProperties: {
        ReconnectEnabled: rng.chance(0.7) ? 'ENABLED' : 'DISABLED',
        LogUploadEnabled: rng.chance(0.6) ? 'ENABLED' : 'DISABLED',
      },
    };
    all.push(sim);
    return sim;
  };
  const managedDirectory = (name: string, workspaceType: 'PERSONAL' | 'POOLS'): SimDirectory => {
    const directoryId = `wsd-${rng.hex(9)}`;
    const sim: SimDirectory = {
      ...location,
      directory: {
        DirectoryId: directoryId,
        DirectoryName: name,
        WorkspaceDirectoryName: name,
        WorkspaceDirectoryDescription:
          workspaceType === 'POOLS' ? 'Pools directory (SAML)' : 'Entra ID joined',
        DirectoryType: workspaceType === 'POOLS' ? 'CUSTOMER_MANAGED' : 'AWS_IAM_IDENTITY_CENTER',
        UserIdentityType: workspaceType === 'POOLS' ? 'CUSTOMER_MANAGED' : 'AWS_IAM_IDENTITY_CENTER',
        WorkspaceType: workspaceType,
        State: 'REGISTERED',
        RegistrationCode: `SLiad+${rng.alnum(6)}`,
        SubnetIds: takeSubnets(2).map((s) => s.subnetId),
        ipGroupIds: workspaceType === 'POOLS' && corpGroup ? [corpGroup.group.groupId ?? ''] : [],
        Tenancy: 'SHARED',
        // Pools join AD with a service account kept in Secrets Manager (WorkSpaces Pools admin guide).
        ...(workspaceType === 'POOLS'
          ? {
              ActiveDirectoryConfig: {
                DomainName: `pools.${name.replace(/^pools-/, '')}.example.com`,
                ServiceAccountSecretArn: `arn:aws:secretsmanager:${location.region}:${location.account}:secret:pools-join-${rng.alnum(6)}`,
              },
            }
          : {}),
        WorkspaceCreationProperties: {
          EnableInternetAccess: true,
          UserEnabledAsLocalAdministrator: false,
          EnableMaintenanceMode: true,
        },
      },
      clientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'ENABLED' },
    };
    all.push(sim);
    return sim;
  };

  const corp = corpGroup?.group.groupId ? [corpGroup.group.groupId] : [];
  homes.push(
    adDirectory('ADConnector', `${domain}.example.com`, 'REGISTERED', 'Active', {
      localAdmin: false,
      maintenance: true,
      ipGroups: corp,
      web: false,
    }),
  );
  homes.push(
    adDirectory('MicrosoftAD', `eng.${domain}.example.com`, 'REGISTERED', 'Active', {
      localAdmin: true,
      maintenance: true,
      // The first location's engineering directory is open to the world: a finding to surface.
      ipGroups: locationIndex === 0 && openGroup?.group.groupId ? [openGroup.group.groupId] : [],
      web: true,
    }),
  );
  homes.push(managedDirectory(`entra-${domain}`, 'PERSONAL'));
  managedDirectory(`pools-${domain}`, 'POOLS');
  if (locationIndex === 0) {
    // A registered AD Connector whose Directory Service side is impaired: logins fail.
    homes.push(
      adDirectory('ADConnector', `branch.${domain}.example.com`, 'REGISTERED', 'Impaired', {
        localAdmin: false,
        maintenance: false,
        ipGroups: corp,
        stageReason: 'DNS unavailable: the connector cannot reach the DNS servers on port 53.',
        web: false,
      }),
    );
    // The other registration states, with no desktops in them.
    for (const state of DIRECTORY_STATES_BEYOND_REGISTERED) {
      adDirectory('ADConnector', `${state.toLowerCase()}.${domain}.example.com`, state, 'Active', {
        localAdmin: false,
        maintenance: true,
        ipGroups: corp,
        web: false,
      });
    }
  }
  return { homes, all };
}

function makeIpGroups(location: Location, locationIndex: number, rng: Rng): SimIpGroup[] {
  const groups: SimIpGroup[] = [
    {
      ...location,
      group: {
        groupId: `wsipg-${rng.hex(9)}`,
        groupName: 'corp-offices',
        groupDesc: 'Office egress ranges',
        userRules: [
          { ipRule: '198.51.100.0/24', ruleDesc: 'HQ' },
          { ipRule: '203.0.113.16/28', ruleDesc: 'Branch VPN' },
        ],
      },
    },
  ];
  if (locationIndex === 0)
    groups.push({
      ...location,
      group: {
        groupId: `wsipg-${rng.hex(9)}`,
        groupName: 'temporary-anywhere',
        groupDesc: 'Opened for a contractor, never closed',
        userRules: [{ ipRule: '0.0.0.0/0', ruleDesc: 'anywhere' }, { ipRule: '192.0.2.0/24' }],
      },
    });
  return groups;
}

function makeBundles(location: Location, rng: Rng, images: SimImage[]): SimBundle[] {
  const bundles: SimBundle[] = [];
  for (const spec of COMPUTE_SPECS) {
    for (const [os] of OPERATING_SYSTEMS.slice(0, spec.gpu ? 1 : OPERATING_SYSTEMS.length)) {
      const [root, user] = spec.gpu || spec.vcpu >= 8 ? [175, 100] : [80, 50];
      const bundle: WorkspaceBundle = {
        BundleId: `wsb-${rng.hex(9)}`,
        Name: `${spec.name.charAt(0)}${spec.name.slice(1).toLowerCase()} with ${os.replace(/_/g, ' ')}`,
        Owner: 'AMAZON',
        Description: `${spec.name} (${spec.vcpu} vCPU, ${spec.memoryGib} GiB) on ${os}`,
        ImageId: `wsi-${rng.hex(9)}`,
        RootStorage: { Capacity: String(root) },
        UserStorage: { Capacity: String(user) },
        ComputeType: { Name: spec.name },
        State: 'AVAILABLE',
        BundleType: 'REGULAR',
        CreationTime: new Date(Date.UTC(2024, 2, 1)),
        LastUpdatedTime: new Date(Date.UTC(2026, 8, 15)),
      };
      bundles.push({ ...location, bundle });
    }
  }
  for (const image of images.filter((i) => i.image.State === 'AVAILABLE' && !i.image.OwnerAccountId)) {
    bundles.push({
      ...location,
      bundle: {
        BundleId: `wsb-${rng.hex(9)}`,
        Name: `custom-${image.image.Name ?? 'image'}`,
        Owner: location.account,
        Description: `Custom bundle on ${image.image.Name}`,
        ImageId: image.image.ImageId,
        RootStorage: { Capacity: '80' },
        UserStorage: { Capacity: '50' },
        ComputeType: { Name: 'PERFORMANCE' },
        State: 'AVAILABLE',
        BundleType: 'REGULAR',
        CreationTime: image.image.Created,
      },
    });
  }
  return bundles;
}

function makeImages(
  location: Location,
  locationIndex: number,
  rng: Rng,
  now: Date,
  otherAccount: string,
): SimImage[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const owned = (
    name: string,
    ageDays: number,
    extra: Partial<SimImage['image']> = {},
    sharedWith: string[] = [],
  ): SimImage => ({
    ...location,
    image: {
      ImageId: `wsi-${rng.hex(9)}`,
      Name: name,
      Description: `${name} golden image`,
      OperatingSystem: { Type: 'WINDOWS' },
      State: 'AVAILABLE',
      RequiredTenancy: 'DEFAULT',
      Created: daysAgo(ageDays),
      ...extra,
    },
    sharedWith,
  });
  const images = [
    owned(`gold-win2022-${2026 - locationIndex}`, 40 + locationIndex * 7),
    owned('gold-win2019-legacy', 520, {
      Updates: { UpdateAvailable: true, Description: 'WorkSpaces agent update' },
    }),
    owned('eng-toolchain', 95, {}, locationIndex === 0 ? [otherAccount] : []),
  ];
  if (locationIndex === 0) {
    images.push(
      owned('byol-win11-2026', 12, { RequiredTenancy: 'DEDICATED', OperatingSystem: { Type: 'WINDOWS' } }),
      owned('gold-failed-import', 3, {
        State: 'ERROR',
        ErrorCode: 'ImageCreationFailed',
        ErrorMessage: 'The image could not be created from the WorkSpace.',
      }),
      {
        ...location,
        image: {
          ImageId: `wsi-${rng.hex(9)}`,
          Name: 'partner-cad-suite',
          Description: 'Shared by the CAD vendor',
          OperatingSystem: { Type: 'WINDOWS' },
          State: 'AVAILABLE',
          OwnerAccountId: otherAccount,
          Created: daysAgo(200),
        },
        sharedWith: [],
      },
    );
  }
  return images;
}

function makeAccountSettings(
  location: Location,
  locationIndex: number,
  rng: Rng,
  now: Date,
): SimAccountSettings {
  const byol = locationIndex === 0;
  const modifications: AccountModification[] = byol
    ? [
        {
          ModificationState: 'COMPLETED',
          DedicatedTenancySupport: 'ENABLED',
          DedicatedTenancyManagementCidrRange: '10.200.0.0/16',
          StartTime: new Date(now.getTime() - 300 * DAY_MS),
        },
      ]
    : [];
  const aliases: ConnectionAlias[] = byol
    ? [
        {
          AliasId: `wsca-${rng.hex(9)}`,
          ConnectionString: 'desktops.example.com',
          OwnerAccountId: location.account,
          State: 'CREATED',
          Associations: [],
        },
      ]
    : [];
  return {
    ...location,
    dedicatedTenancySupport: byol ? 'ENABLED' : 'DISABLED',
    ...(byol ? { dedicatedTenancyManagementCidrRange: '10.200.0.0/16' } : {}),
    modifications,
    aliases,
  };
}

const USAGE_WEIGHTS_AUTO_STOP: readonly (readonly [UsagePattern, number])[] = [
  ['never', 4],
  ['unused', 8],
  ['idle', 12],
  ['part-time', 48],
  ['full-time', 26],
  ['always', 2],
];
const USAGE_WEIGHTS_ALWAYS_ON: readonly (readonly [UsagePattern, number])[] = [
  ['never', 3],
  ['unused', 7],
  ['idle', 12],
  ['part-time', 20],
  ['full-time', 50],
  ['always', 8],
];
const LOAD_WEIGHTS: readonly (readonly [LoadProfile, number])[] = [
  ['light', 35],
  ['typical', 40],
  ['heavy', 15],
  ['spiky', 10],
];

/** States a desktop can be in given its running mode: ALWAYS_ON desktops never sit STOPPED. */
function pickState(rng: Rng, runningMode: string): WorkspaceState {
  const state = rng.weighted<WorkspaceState>([
    ['AVAILABLE', 60],
    ['STOPPED', runningMode === 'ALWAYS_ON' ? 0 : 30],
    ['UNHEALTHY', 1.5],
    ['IMPAIRED', 0.5],
    ['ERROR', 0.7],
    ['SUSPENDED', 0.3],
    ['ADMIN_MAINTENANCE', 0.6],
    ['REBOOTING', 0.3],
    ['STARTING', 0.4],
    ['STOPPING', runningMode === 'ALWAYS_ON' ? 0 : 0.4],
    ['PENDING', 0.3],
    ['MAINTENANCE', 0.3],
    ['UPDATING', 0.2],
    ['REBUILDING', 0.1],
    ['RESTORING', 0.1],
  ]);
  return state;
}

function userName(rng: Rng, index: number): string {
  return `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${index % 7 === 0 ? index : ''}`;
}

function makeDesktop(
  location: Location,
  rng: Rng,
  index: number,
  directory: SimDirectory,
  subnets: SimSubnet[],
  bundles: SimBundle[],
  now: Date,
  forcedState: WorkspaceState | undefined,
): SimDesktop {
  const runningMode = rng.weighted<'AUTO_STOP' | 'ALWAYS_ON' | 'MANUAL'>([
    ['AUTO_STOP', 64],
    ['ALWAYS_ON', 34],
    ['MANUAL', 2],
  ]);
  // An ALWAYS_ON desktop cannot be stopped, so a forced STOPPED or STOPPING one is AutoStop (the
  // mode is still drawn, so the desktops after it keep theirs).
  const stoppable = forcedState === 'STOPPED' || forcedState === 'STOPPING';
  const mode = stoppable && runningMode === 'ALWAYS_ON' ? 'AUTO_STOP' : runningMode;
  const spec = rng.weighted(COMPUTE_SPECS.map((s) => [s, s.weight] as const));
  const os = spec.gpu ? 'WINDOWS_SERVER_2022' : rng.weighted(OPERATING_SYSTEMS);
  const [root, user] = spec.gpu || spec.vcpu >= 8 ? [175, 100] : rng.pick(VOLUME_PAIRS);
  const state = forcedState ?? pickState(rng, mode);
  const drawnUsage = rng.weighted(mode === 'ALWAYS_ON' ? USAGE_WEIGHTS_ALWAYS_ON : USAGE_WEIGHTS_AUTO_STOP);
  // A PENDING desktop is being created right now; an ERROR one either failed to be created (it
  // carries the creation error and was never used) or broke later (no error code: the API's
  // ErrorCode/ErrorMessage describe creation failures only).
  const creationFailed = state === 'ERROR' && rng.chance(0.5);
  const usage = state === 'PENDING' || creationFailed ? 'never' : drawnUsage;
  const createdAt =
    state === 'PENDING'
      ? new Date(now.getTime() - rng.int(5, 50) * 60_000)
      : creationFailed
        ? new Date(now.getTime() - rng.int(1, 10) * DAY_MS)
        : new Date(
            now.getTime() -
              (usage === 'never' ? rng.int(1, 120) : rng.int(45, 1100)) * DAY_MS -
              rng.int(0, 23) * HOUR_MS,
          );
  // ERROR and SUSPENDED desktops stopped working at some point: no use, no metrics after it.
  const brokeDaysAgo =
    (state === 'ERROR' && !creationFailed) || state === 'SUSPENDED' ? rng.int(2, 40) : undefined;
  const subnetIndex = rng.int(0, 1);
  const dirSubnets = subnets.filter((s) => directory.directory.SubnetIds?.includes(s.subnetId));
  const subnet = dirSubnets[subnetIndex] ?? dirSubnets[0];
  if (subnet) subnet.availableIpAddressCount = Math.max(0, subnet.availableIpAddressCount - 1);
  const hostOctet = subnet ? 251 - subnet.availableIpAddressCount + 3 : rng.int(4, 250);
  const ipAddress = subnet ? subnet.cidrBlock.replace(/0\/24$/, String(hostOctet % 256)) : undefined;
  const bundle = bundles.find(
    (b) =>
      b.bundle.ComputeType?.Name === spec.name &&
      b.bundle.Description?.endsWith(os) &&
      b.bundle.Owner === 'AMAZON',
  );
  const user_ = userName(rng, index);
  const encrypted = rng.chance(0.78);
  const workspaceId = `ws-${rng.hex(9)}`;
  const tags: Tag[] = [{ Key: 'CostCenter', Value: `CC-${rng.int(100, 140)}` }];
  if (rng.chance(0.5))
    tags.push({ Key: 'Department', Value: rng.pick(['Finance', 'Engineering', 'Sales', 'Support', 'HR']) });
  if (rng.chance(0.04)) tags.push({ Key: 'Skip_Convert', Value: 'true' });
  const modifications: ModificationState[] = [];
  if (rng.chance(0.02)) modifications.push({ Resource: 'COMPUTE_TYPE', State: 'UPDATE_IN_PROGRESS' });
  if (rng.chance(0.006)) modifications.push({ Resource: 'ROOT_VOLUME', State: 'UPDATE_FAILED' });
  const workspace: Workspace = {
    WorkspaceId: workspaceId,
    DirectoryId: directory.directory.DirectoryId,
    UserName: user_,
    IpAddress: ipAddress,
    State: state,
    BundleId: bundle?.bundle.BundleId,
    SubnetId: subnet?.subnetId,
    ComputerName: `WSAMZ-${rng.alnum(7)}`,
    RootVolumeEncryptionEnabled: encrypted,
    UserVolumeEncryptionEnabled: encrypted,
    ...(encrypted ? { VolumeEncryptionKey: kmsKeyArn(location, rng) } : {}),
    WorkspaceProperties: {
      RunningMode: mode,
      ...(mode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: rng.chance(0.8) ? 60 : 120 } : {}),
      RootVolumeSizeGib: root,
      UserVolumeSizeGib: user,
      ComputeTypeName: spec.name,
      Protocols: [os.startsWith('WINDOWS') && rng.chance(0.3) ? 'PCOIP' : 'WSP'],
      OperatingSystemName: os,
    },
    ...(modifications.length > 0 ? { ModificationStates: modifications } : {}),
    ...(creationFailed
      ? {
          ErrorCode: 'ResourceLimitExceeded.Exception',
          ErrorMessage: 'The WorkSpace could not be created: insufficient capacity in the subnet.',
        }
      : {}),
  };
  const load = rng.weighted(LOAD_WEIGHTS);
  const sim: SimDesktop = {
    ...location,
    workspace,
    connection: { WorkspaceId: workspaceId },
    usage,
    load,
    utcOffsetHours: businessHoursUtcOffset(location.region),
    connectionFailureRate: state === 'UNHEALTHY' ? 0.8 : rng.chance(0.05) ? 0.3 : 0,
    latencyMs: rng.int(25, 90) + (rng.chance(0.05) ? 180 : 0),
    createdAt,
    ...(usage === 'unused'
      ? { usageEndsAt: new Date(now.getTime() - rng.int(61, 300) * DAY_MS) }
      : brokeDaysAgo !== undefined
        ? { usageEndsAt: new Date(Math.max(createdAt.getTime(), now.getTime() - brokeDaysAgo * DAY_MS)) }
        : {}),
    tags,
    snapshots: { restore: [], rebuild: [] },
  };
  return sim;
}

/** Sets connection status and snapshots from the usage model, so every API tells one story. */
export function settleDesktop(desktop: SimDesktop, now: Date): void {
  const state = desktop.workspace.State;
  const t = now.getTime();
  const connectedNow = state === 'AVAILABLE' && sessionAt(desktop, t) !== undefined;
  const last = lastSessionEndBefore(desktop, t, connectedNow);
  desktop.runningSince = undefined;
  // A powered-on AutoStop/Manual desktop outside its sessions' AutoStop tail was started by
  // someone within its timeout (it would have stopped otherwise): it runs from then. A stateless
  // draw, so the estate's random stream is untouched.
  if (
    desktop.workspace.WorkspaceProperties?.RunningMode !== 'ALWAYS_ON' &&
    POWERED_ON_STATES.has(state ?? '') &&
    !runningAt(desktop, t)
  ) {
    // At least 10 minutes ago, so it has published samples.
    const ago = 10 * 60_000 + unit(desktop.workspace.WorkspaceId ?? '', 'started') * autoStopTailMs(desktop);
    const since = t - Math.round(Math.min(autoStopTailMs(desktop), ago));
    desktop.runningSince = new Date(Math.max(desktop.createdAt.getTime(), since));
  }
  desktop.connection = {
    WorkspaceId: desktop.workspace.WorkspaceId,
    ConnectionState:
      state === 'STOPPED' || state === 'SUSPENDED' || state === 'ERROR' || state === 'PENDING'
        ? 'UNKNOWN'
        : connectedNow
          ? 'CONNECTED'
          : 'DISCONNECTED',
    ConnectionStateCheckTimestamp: new Date(t - 4 * 60_000),
    ...(last !== undefined ? { LastKnownUserConnectionTimestamp: new Date(last) } : {}),
  };
  // Restore snapshots every 12 h while the desktop runs; a rebuild snapshot once a day.
  const healthy = state !== 'PENDING' && state !== 'ERROR';
  if (healthy && t - desktop.createdAt.getTime() > DAY_MS) {
    const lastRun = runningAt(desktop, t) ? t : (last ?? desktop.createdAt.getTime());
    const twelve = Math.floor(lastRun / (12 * HOUR_MS)) * 12 * HOUR_MS;
    desktop.snapshots = {
      restore: [{ SnapshotTime: new Date(twelve - 12 * HOUR_MS) }, { SnapshotTime: new Date(twelve) }],
      rebuild: [{ SnapshotTime: new Date(Math.floor(lastRun / DAY_MS) * DAY_MS) }],
    };
  }
}

function isStandbyCandidate(desktop: SimDesktop | undefined, account: string, region: string): boolean {
  return (
    desktop !== undefined &&
    desktop.account === account &&
    desktop.region === region &&
    desktop.usage !== 'never' &&
    !desktop.workspace.RelatedWorkspaces &&
    desktop.workspace.State === 'AVAILABLE'
  );
}

/** WorkSpaces Personal: directories, subnets, IP groups, bundles, images, desktops, standby pairs. */
export function generatePersonal(ctx: GenerationContext): PersonalEstate {
  const { rng, settings, locations } = ctx;
  const estate: PersonalEstate = {
    directories: [],
    subnets: [],
    bundles: [],
    desktops: [],
    ipGroups: [],
    images: [],
    accountSettings: [],
  };
  const otherAccount = settings.accounts[1] ?? '444455556666';
  const homesByLocation: SimDirectory[][] = [];
  locations.forEach((location, i) => {
    const homeCount = i === 0 ? 4 : 3;
    const extraDirectories = i === 0 ? 5 : 1;
    // Subnets sized so the biggest directories get close to exhaustion at large estates.
    const subnets = makeSubnets(location, rng, (homeCount + extraDirectories) * 2, 20 + (i % 200));
    const ipGroups = makeIpGroups(location, i, rng);
    const { homes, all } = makeDirectories(location, i, rng, subnets, ipGroups);
    const images = makeImages(location, i, rng, settings.now, otherAccount);
    estate.subnets.push(...subnets);
    estate.ipGroups.push(...ipGroups);
    estate.directories.push(...all);
    estate.images.push(...images);
    estate.bundles.push(...makeBundles(location, rng, images));
    estate.accountSettings.push(makeAccountSettings(location, i, rng, settings.now));
    homesByLocation.push(homes);
  });

  // Desktops: spread over locations (the first one a little heavier), then over directories.
  const weights = locations.map((_, i) => (i === 0 ? 1.5 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let placed = 0;
  const perLocation = locations.map((_, i) => {
    const n =
      i === locations.length - 1
        ? settings.desktops - placed
        : Math.round((settings.desktops * (weights[i] ?? 1)) / totalWeight);
    placed += n;
    return n;
  });
  let globalIndex = 0;
  locations.forEach((location, i) => {
    const homes = homesByLocation[i] ?? [];
    for (let n = 0; n < (perLocation[i] ?? 0); n++) {
      const directory = homes[rng.weighted(homes.map((_, h) => [h, h === 0 ? 5 : h === 3 ? 1 : 3] as const))];
      if (!directory) continue;
      const forced = i === 0 ? ALL_WORKSPACE_STATES[n] : undefined;
      estate.desktops.push(
        makeDesktop(
          location,
          rng,
          globalIndex++,
          directory,
          estate.subnets,
          estate.bundles,
          settings.now,
          forced,
        ),
      );
    }
  });

  // Standby pairs: some primaries get a standby in the next region (same account).
  if (settings.regions.length > 1) {
    const primaries = estate.desktops.filter((d) => d.workspace.State === 'AVAILABLE' && rng.chance(0.025));
    const standbyCursor = new Map<string, number>();
    for (const primary of primaries) {
      const standbyRegion =
        settings.regions[(settings.regions.indexOf(primary.region) + 1) % settings.regions.length];
      if (!standbyRegion) continue;
      const standbyHome = estate.directories.find(
        (d) =>
          d.account === primary.account &&
          d.region === standbyRegion &&
          d.directory.WorkspaceType === 'PERSONAL' &&
          d.directory.State === 'REGISTERED',
      );
      // The first eligible desktop of that location. Eligibility only ever ends (a desktop gains
      // RelatedWorkspaces), so a cursor per location finds what a scan from the start would.
      const cursorKey = `${primary.account}|${standbyRegion}`;
      let replaced = standbyCursor.get(cursorKey) ?? 0;
      while (
        replaced < estate.desktops.length &&
        !isStandbyCandidate(estate.desktops[replaced], primary.account, standbyRegion)
      )
        replaced++;
      standbyCursor.set(cursorKey, replaced);
      if (replaced >= estate.desktops.length) replaced = -1;
      if (!standbyHome || replaced < 0) continue;
      // Turn an existing desktop in the standby region into the standby, keeping the total.
      const base = estate.desktops[replaced];
      if (!base) continue;
      const standbyId = `ws-${rng.hex(9)}`;
      const standby: SimDesktop = {
        ...base,
        workspace: {
          ...base.workspace,
          WorkspaceId: standbyId,
          UserName: primary.workspace.UserName,
          State: 'STOPPED',
          DirectoryId: standbyHome.directory.DirectoryId,
          WorkspaceProperties: {
            ...base.workspace.WorkspaceProperties,
            RunningMode: 'AUTO_STOP',
            RunningModeAutoStopTimeoutInMinutes: 60,
          },
          RelatedWorkspaces: [
            {
              WorkspaceId: primary.workspace.WorkspaceId,
              Region: primary.region,
              Type: 'PRIMARY',
              State: primary.workspace.State,
            },
          ],
          StandbyWorkspacesProperties: undefined,
        },
        connection: { WorkspaceId: standbyId },
        usage: 'never',
        createdAt: new Date(Math.max(primary.createdAt.getTime(), settings.now.getTime() - 200 * DAY_MS)),
      };
      estate.desktops[replaced] = standby;
      primary.workspace.RelatedWorkspaces = [
        { WorkspaceId: standbyId, Region: standbyRegion, Type: 'STANDBY', State: 'STOPPED' },
      ];
    }
  }
  for (const desktop of estate.desktops) settleDesktop(desktop, settings.now);
  return estate;
}
