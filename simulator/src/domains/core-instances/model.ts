import type {
  BillingMode,
  EC2InstanceError,
  PlatformTypeEnum,
  ProvisionStateEnum,
  Tag,
  WorkspaceInstanceError,
} from '@aws-sdk/client-workspaces-instances';
import type { Location } from '../../model.js';

/**
 * A WorkSpaces Core managed instance: the WorkSpaces record (what GetWorkspaceInstance returns)
 * and the EC2 facts behind it, kept for the parts of the estate that price or inspect instances.
 */
export interface SimManagedInstance extends Location {
  readonly workspaceInstanceId: string;
  provisionState: ProvisionStateEnum;
  /** Absent until EC2 launched the instance, and again once it is gone. */
  ec2InstanceId?: string;
  readonly billingMode: BillingMode;
  workspaceInstanceErrors: WorkspaceInstanceError[];
  ec2InstanceErrors: EC2InstanceError[];
  readonly instanceType: string;
  readonly platform: PlatformTypeEnum;
  readonly availabilityZone: string;
  readonly subnetId: string;
  readonly privateIpAddress?: string;
  readonly createdAt: Date;
  tags: Tag[];
}

/** WorkSpaces Core Managed Instances (the `workspaces-instances` API). */
export interface CoreInstancesEstate {
  instances: SimManagedInstance[];
}
