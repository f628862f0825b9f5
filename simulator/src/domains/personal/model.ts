import type { DirectoryDescription } from '@aws-sdk/client-directory-service';
import type {
  AccountModification,
  ClientProperties,
  ConnectionAlias,
  Snapshot,
  Tag,
  Workspace,
  WorkspaceBundle,
  WorkspaceConnectionStatus,
  WorkspaceDirectory,
  WorkspaceImage,
  WorkspacesIpGroup,
} from '@aws-sdk/client-workspaces';
import type { Location } from '../../model.js';

/**
 * How a desktop is used, which drives its UserConnected series and so every utilization,
 * running-mode and unused answer: `never` (no connection since it was created), `unused` (none
 * in the last 60 days), `idle` (about one short session a fortnight), `part-time` (some weekdays,
 * 1-4 h), `full-time` (most weekdays, 7-10 h), `always` (round the clock, e.g. a kiosk or a
 * shared admin desktop).
 */
export type UsagePattern = 'never' | 'unused' | 'idle' | 'part-time' | 'full-time' | 'always';

/** How hard a desktop's CPU and memory work while running: drives right-sizing answers. */
export type LoadProfile = 'light' | 'typical' | 'heavy' | 'spiky';

/** A desktop and everything the APIs say about it. */
export interface SimDesktop extends Location {
  readonly workspace: Workspace;
  connection: WorkspaceConnectionStatus;
  readonly usage: UsagePattern;
  readonly load: LoadProfile;
  /** Hours from UTC of the user's working day (the region's business hours). */
  readonly utcOffsetHours: number;
  /** Fraction of connection attempts that fail (most are 0). */
  readonly connectionFailureRate: number;
  /** Baseline in-session latency in ms. */
  readonly latencyMs: number;
  readonly createdAt: Date;
  /**
   * When use stopped: for `unused` desktops the day their user stopped connecting; for ERROR and
   * SUSPENDED desktops the moment they stopped working (nothing runs or connects after it).
   */
  readonly usageEndsAt?: Date;
  /**
   * When an AutoStop or Manual desktop that is powered on now outside its sessions was started
   * (by an administrator, a maintenance window, a start call): it runs, and publishes metrics,
   * from then on for as long as its state says it is powered on. Unset for ALWAYS_ON desktops
   * (they always run) and for desktops that are not powered on.
   */
  runningSince?: Date;
  tags: Tag[];
  /** Snapshots the service keeps for restore and rebuild. */
  snapshots: { restore: Snapshot[]; rebuild: Snapshot[] };
}

/** A WorkSpaces directory, with its Directory Service record when it is AD-backed. */
export interface SimDirectory extends Location {
  readonly directory: WorkspaceDirectory;
  /** The ds:DescribeDirectories record (AD Connector / Managed AD); absent for wsd- directories. */
  readonly ds?: DirectoryDescription;
  readonly clientProperties: ClientProperties;
}

/** A VPC subnet a directory uses (ec2:DescribeSubnets). */
export interface SimSubnet extends Location {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  availableIpAddressCount: number;
}

export interface SimBundle extends Location {
  readonly bundle: WorkspaceBundle;
}

export interface SimIpGroup extends Location {
  readonly group: WorkspacesIpGroup;
}

export interface SimImage extends Location {
  readonly image: WorkspaceImage;
  /** Accounts the image is shared with (DescribeWorkspaceImagePermissions). */
  readonly sharedWith: readonly string[];
}

/** Account-level WorkSpaces settings for one (account, region). */
export interface SimAccountSettings extends Location {
  readonly dedicatedTenancySupport: 'ENABLED' | 'DISABLED';
  readonly dedicatedTenancyManagementCidrRange?: string;
  readonly modifications: readonly AccountModification[];
  readonly aliases: readonly ConnectionAlias[];
}

/** WorkSpaces Personal (and Core partner desktops, which use the same API). */
export interface PersonalEstate {
  readonly directories: SimDirectory[];
  readonly subnets: SimSubnet[];
  readonly bundles: SimBundle[];
  desktops: SimDesktop[];
  readonly ipGroups: SimIpGroup[];
  readonly images: SimImage[];
  readonly accountSettings: SimAccountSettings[];
}
