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
 * An EBS volume attached to a managed instance's EC2 instance (ec2:DescribeInstances shows the
 * attachment, ec2:DescribeVolumes the volume). The root volume goes with the instance; a volume
 * attached later (AssociateVolume) keeps EC2's attach default, DeleteOnTermination false, and
 * outlives the instance.
 */
export interface SimManagedVolume {
  readonly volumeId: string;
  readonly device: string;
  readonly sizeGiB: number;
  readonly volumeType: 'gp2' | 'gp3' | 'io1' | 'io2';
  readonly encrypted: boolean;
  readonly deleteOnTermination: boolean;
}

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
  /** The EBS volumes of the EC2 instance; empty when there is no EC2 instance. */
  volumes: SimManagedVolume[];
}

/** WorkSpaces Core Managed Instances (the `workspaces-instances` API). */
export interface CoreInstancesEstate {
  instances: SimManagedInstance[];
}
