import type {
  ScalableTarget,
  ScalingActivity,
  ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import type {
  AppBlockBuilder,
  Fleet,
  Image,
  ImageBuilder,
  Session,
  Stack,
  UsageReportSubscription,
  User,
  UserStackAssociation,
} from '@aws-sdk/client-appstream';
import type { Location } from '../../model.js';

/**
 * Why a fleet was generated, so tests and demos can find "the exhausted fleet" without knowing
 * its name: `exhausted` (InUse = Running, Available 0, a Failed scaling activity on the
 * per-instance-type quota, InsufficientCapacityError > 0), `below-desired` (Running < Desired:
 * the subnets are out of IPs), `idle` (ALWAYS_ON, running capacity, no session for weeks, its
 * image deleted), `elastic`, `multi-session`, `stopped` (failed to domain-join, then stopped),
 * `on-demand`, `starting`, `role-missing` (the AppStream service role was deleted), `steady`.
 */
export type AppFleetScenario =
  | 'exhausted'
  | 'below-desired'
  | 'idle'
  | 'elastic'
  | 'multi-session'
  | 'stopped'
  | 'on-demand'
  | 'starting'
  | 'role-missing'
  | 'steady';

/** Whether a fleet streams one user per instance, several, or is an Elastic fleet. */
export type AppFleetSessionModel = 'single' | 'multi' | 'elastic';

/** Who streams from a fleet and when: drives its sessions and every capacity metric. */
export interface AppFleetUsage {
  /** Peak concurrent users on a working day. */
  readonly peakUsers: number;
  /** Hours from UTC of the users' working day. */
  readonly utcOffsetHours: number;
  /** Call centres and hospitals stream every day; offices on weekdays. */
  readonly workdays: 'weekdays' | 'everyday';
  /** Demand before this time is `earlyDemandFactor` × peak (the exhausted fleet's users grew). */
  readonly growthAt?: Date;
  readonly earlyDemandFactor?: number;
  /** Nobody has streamed since (the idle fleet). */
  readonly usageEndsAt?: Date;
}

/**
 * How a fleet's desired capacity moves, in instances (user sessions for multi-session fleets).
 * Autoscaled fleets run `workHoursDesired` on working days 07:30-19:00 local and
 * `offHoursDesired` otherwise; the others hold `workHoursDesired` all the time.
 */
export interface AppFleetCapacityPlan {
  readonly offHoursDesired: number;
  readonly workHoursDesired: number;
  readonly autoscaled: boolean;
  /** The most instances the fleet can launch (free subnet IPs, a broken role); undefined = no cap. */
  readonly launchCap?: number;
  /** What target tracking asked for and the instance quota refused (the exhausted fleet). */
  readonly refusedDesired?: number;
}

/** A fleet, its describe record (mutated by writes) and the profile its history comes from. */
export interface SimAppFleet extends Location {
  fleet: Fleet;
  readonly scenario: AppFleetScenario;
  readonly sessionModel: AppFleetSessionModel;
  readonly usage: AppFleetUsage;
  readonly plan: AppFleetCapacityPlan;
  readonly createdAt: Date;
  /** When a STOPPED fleet stopped: it publishes no metrics after. */
  readonly stoppedAt?: Date;
  tags: Record<string, string>;
}

/** A stack and its tags. */
export interface SimAppStack extends Location {
  stack: Stack;
  tags: Record<string, string>;
}

/** One stack ↔ fleet association (AssociateFleet). */
export interface SimAppStackFleet extends Location {
  readonly stackName: string;
  readonly fleetName: string;
}

/** A streaming session as DescribeSessions returns it. */
export interface SimAppSession extends Location {
  readonly session: Session;
}

/** An image (public AWS base image, private, or shared with this account) and its sharing. */
export interface SimAppImage extends Location {
  readonly image: Image;
  /** Accounts a private image is shared with (DescribeImagePermissions). */
  readonly sharedWith: readonly {
    readonly account: string;
    readonly allowFleet: boolean;
    readonly allowImageBuilder: boolean;
  }[];
  tags: Record<string, string>;
}

export interface SimAppImageBuilder extends Location {
  builder: ImageBuilder;
  /** When the builder entered its current state (the Cost Optimizer for AppStream keys on it). */
  stateSince: Date;
  tags: Record<string, string>;
}

export interface SimAppBlockBuilder extends Location {
  builder: AppBlockBuilder;
  stateSince: Date;
  tags: Record<string, string>;
}

/** A user in the AppStream user pool. */
export interface SimAppUser extends Location {
  readonly user: User;
}

export interface SimAppUserStackAssociation extends Location {
  readonly association: UserStackAssociation;
}

/** The usage-report subscription of one (account, region), when there is one. */
export interface SimAppUsageReport extends Location {
  readonly subscription: UsageReportSubscription;
}

export interface SimAppScalableTarget extends Location {
  readonly target: ScalableTarget;
}

export interface SimAppScalingPolicy extends Location {
  readonly policy: ScalingPolicy;
}

export interface SimAppScalingActivity extends Location {
  readonly activity: ScalingActivity;
}

/**
 * A per-instance-type fleet instance quota: "instance type and size quotas are per AWS account
 * per AWS Region", summed over every fleet of that type (AppStream service quotas page).
 */
export interface SimAppInstanceQuota extends Location {
  readonly instanceType: string;
  readonly limit: number;
}

/** A subnet fleets and builders use (ec2:DescribeSubnets would show its free IPs). */
export interface SimAppSubnet extends Location {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  availableIpAddressCount: number;
}

/** WorkSpaces Applications (the `appstream` API) and its fleet autoscaling. */
export interface ApplicationsEstate {
  readonly fleets: SimAppFleet[];
  readonly stacks: SimAppStack[];
  stackFleets: SimAppStackFleet[];
  sessions: SimAppSession[];
  readonly images: SimAppImage[];
  readonly imageBuilders: SimAppImageBuilder[];
  readonly appBlockBuilders: SimAppBlockBuilder[];
  readonly users: SimAppUser[];
  userStackAssociations: SimAppUserStackAssociation[];
  readonly usageReports: SimAppUsageReport[];
  readonly scalableTargets: SimAppScalableTarget[];
  readonly scalingPolicies: SimAppScalingPolicy[];
  readonly scalingActivities: SimAppScalingActivity[];
  readonly instanceQuotas: SimAppInstanceQuota[];
  readonly subnets: SimAppSubnet[];
}
