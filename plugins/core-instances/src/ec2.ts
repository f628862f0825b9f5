/**
 * The EC2 side of a managed instance. The workspaces-instances API returns only the EC2 instance
 * id; its type, EC2 state, placement and volumes live in EC2 (ec2:DescribeInstances for the
 * instance and its block device mappings, ec2:DescribeVolumes for size, type and encryption).
 * Ids are asked through the `instance-id` / `volume-id` filters, not InstanceIds/VolumeIds: an id
 * EC2 no longer knows (an instance terminated since it was listed) would fail the whole id-list
 * call, while a filter simply leaves it out. EC2 takes up to 200 values per filter.
 */
import type { EC2Client, Instance, Volume } from '@aws-sdk/client-ec2';
import { collectPages, fetchInBatches, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { ec2Sdk } from './sdk.js';

/** EC2's limit on the values of one filter. */
const MAX_FILTER_VALUES = 200;
/** DescribeInstances and DescribeVolumes page limits (EC2 API reference). */
const INSTANCES_PAGE = 1000;
const VOLUMES_PAGE = 500;

/** One EBS volume of a managed instance, as an admin reads it. */
export interface AttachedVolume {
  readonly volumeId: string;
  readonly device: string;
  /** False: the volume survives the instance's termination, and keeps being billed. */
  readonly deleteOnTermination: boolean;
  readonly sizeGiB?: number;
  readonly volumeType?: string;
  readonly encrypted?: boolean;
}

/** The EC2 facts of one managed instance. */
export interface Ec2Facts {
  readonly instanceId: string;
  readonly instanceType?: string;
  /** EC2's state name: pending, running, stopped, shutting-down, terminated... */
  readonly state?: string;
  readonly launchTime?: string;
  readonly availabilityZone?: string;
  readonly privateIpAddress?: string;
  readonly platform?: string;
  readonly volumes: AttachedVolume[];
}

async function ec2(ctx: ToolContext, scope: Scope): Promise<EC2Client> {
  const { EC2Client } = await ec2Sdk();
  return ctx.aws.client(EC2Client, scope);
}

function factsOf(instance: Instance): Ec2Facts {
  return {
    instanceId: instance.InstanceId ?? '',
    ...(instance.InstanceType ? { instanceType: instance.InstanceType } : {}),
    ...(instance.State?.Name ? { state: instance.State.Name } : {}),
    ...(instance.LaunchTime ? { launchTime: instance.LaunchTime.toISOString() } : {}),
    ...(instance.Placement?.AvailabilityZone
      ? { availabilityZone: instance.Placement.AvailabilityZone }
      : {}),
    ...(instance.PrivateIpAddress ? { privateIpAddress: instance.PrivateIpAddress } : {}),
    ...(instance.PlatformDetails ? { platform: instance.PlatformDetails } : {}),
    volumes: (instance.BlockDeviceMappings ?? []).flatMap((m) =>
      m.Ebs?.VolumeId
        ? [
            {
              volumeId: m.Ebs.VolumeId,
              device: m.DeviceName ?? '',
              deleteOnTermination: m.Ebs.DeleteOnTermination === true,
            },
          ]
        : [],
    ),
  };
}

/** The EC2 facts of each instance id EC2 knows in the scope (without volume sizes). */
export async function describeEc2Instances(
  ctx: ToolContext,
  scope: Scope,
  instanceIds: readonly string[],
): Promise<Map<string, Ec2Facts>> {
  const { paginateDescribeInstances } = await ec2Sdk();
  const client = await ec2(ctx, scope);
  const instances = await fetchInBatches(
    instanceIds,
    MAX_FILTER_VALUES,
    ctx.limits.concurrency,
    (batch) =>
      collectPages(
        paginateDescribeInstances(
          { client, pageSize: INSTANCES_PAGE },
          { Filters: [{ Name: 'instance-id', Values: batch }] },
        ),
        (page) => (page.Reservations ?? []).flatMap((r) => r.Instances ?? []),
        { signal: ctx.signal },
      ),
    { signal: ctx.signal },
  );
  return new Map(instances.map((i) => [i.InstanceId ?? '', factsOf(i)]));
}

/** Size, type and encryption of each volume id EC2 knows in the scope. */
export async function describeVolumes(
  ctx: ToolContext,
  scope: Scope,
  volumeIds: readonly string[],
): Promise<Map<string, Volume>> {
  const { paginateDescribeVolumes } = await ec2Sdk();
  const client = await ec2(ctx, scope);
  const volumes = await fetchInBatches(
    volumeIds,
    MAX_FILTER_VALUES,
    ctx.limits.concurrency,
    (batch) =>
      collectPages(
        paginateDescribeVolumes(
          { client, pageSize: VOLUMES_PAGE },
          { Filters: [{ Name: 'volume-id', Values: batch }] },
        ),
        (page) => page.Volumes,
        { signal: ctx.signal },
      ),
    { signal: ctx.signal },
  );
  return new Map(volumes.map((v) => [v.VolumeId ?? '', v]));
}

/** The facts with each volume's size, type and encryption filled in where EC2 returned them. */
export function withVolumeDetails(facts: Ec2Facts, volumes: ReadonlyMap<string, Volume>): Ec2Facts {
  return {
    ...facts,
    volumes: facts.volumes.map((v) => {
      const volume = volumes.get(v.volumeId);
      return {
        ...v,
        ...(volume?.Size !== undefined ? { sizeGiB: volume.Size } : {}),
        ...(volume?.VolumeType ? { volumeType: volume.VolumeType } : {}),
        ...(volume?.Encrypted !== undefined ? { encrypted: volume.Encrypted } : {}),
      };
    }),
  };
}
