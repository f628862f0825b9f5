/**
 * The EC2 side of the managed instances: ec2:DescribeInstances and ec2:DescribeVolumes for the EC2
 * instances WorkSpaces launched for them (the only EC2 instances the estate models). As in EC2:
 * InstanceIds/VolumeIds fail the whole call on an unknown id and cannot be combined with
 * MaxResults; the `instance-id` / `volume-id` / `attachment.instance-id` filters skip unknown ids;
 * MaxResults is 5-1000 for instances and 5-500 for volumes.
 */
import { SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf } from '../../paging.js';
import type { SimManagedInstance, SimManagedVolume } from './model.js';

type Filter = { Name?: string; Values?: string[] };

/** EC2's view of the instance's life, from where WorkSpaces is with it. */
function ec2State(instance: SimManagedInstance): { Code: number; Name: string } {
  switch (instance.provisionState) {
    case 'ALLOCATING':
      return { Code: 0, Name: 'pending' };
    case 'DEALLOCATING':
      return { Code: 32, Name: 'shutting-down' };
    default:
      return { Code: 16, Name: 'running' };
  }
}

function launched(estate: Estate, request: SimRequest): SimManagedInstance[] {
  return estate.coreInstances.instances.filter(
    (i) => i.ec2InstanceId !== undefined && at(i, request.account, request.region),
  );
}

/** Applies the supported filters; an unsupported filter name is InvalidParameterValue, as in EC2. */
function filtered<T>(
  items: T[],
  filters: Filter[] | undefined,
  fields: Readonly<Record<string, (item: T) => readonly string[]>>,
): T[] {
  let out = items;
  for (const filter of filters ?? []) {
    const read = filter.Name ? fields[filter.Name] : undefined;
    if (!read)
      throw new SimulatedAwsError('InvalidParameterValue', `The filter '${filter.Name ?? ''}' is invalid`);
    const values = new Set(filter.Values ?? []);
    out = out.filter((item) => read(item).some((v) => values.has(v)));
  }
  return out;
}

function byIds<T>(items: T[], ids: string[] | undefined, idOf: (item: T) => string, notFound: string): T[] {
  if (!ids) return items;
  const missing = ids.filter((id) => !items.some((item) => idOf(item) === id));
  if (missing.length > 0)
    throw new SimulatedAwsError(
      notFound,
      `The ${notFound.includes('Volume') ? 'volume' : 'instance'} ID '${missing.join("', '")}' does not exist`,
    );
  return items.filter((item) => ids.includes(idOf(item)));
}

function noMaxResultsWithIds(request: SimRequest, idsField: string): void {
  if (request.input[idsField] !== undefined && request.input.MaxResults !== undefined)
    throw new SimulatedAwsError(
      'InvalidParameterCombination',
      `The parameter ${idsField} cannot be used with the parameter maxResults`,
    );
}

const describeInstances: OperationHandler = (request, estate) => {
  noMaxResultsWithIds(request, 'InstanceIds');
  const ids = listOf<string>(request.input, 'InstanceIds', 1000, { code: 'InvalidParameterValue' });
  const limit = intInRange(request.input, 'MaxResults', 5, 1000, 1000, 'InvalidParameterValue');
  const filters = listOf<Filter>(request.input, 'Filters', 200, { code: 'InvalidParameterValue' });
  const instances = byIds(
    filtered(launched(estate, request), filters, { 'instance-id': (i) => [i.ec2InstanceId ?? ''] }),
    ids,
    (i) => i.ec2InstanceId ?? '',
    'InvalidInstanceID.NotFound',
  );
  const page = pageOf('DescribeInstances', instances, request.input.NextToken, limit, 'InvalidNextToken');
  return {
    Reservations: page.items.map((i) => ({
      ReservationId: `r-${(i.ec2InstanceId ?? '').slice(2)}`,
      OwnerId: i.account,
      Instances: [
        {
          InstanceId: i.ec2InstanceId,
          InstanceType: i.instanceType,
          State: ec2State(i),
          LaunchTime: i.createdAt,
          Placement: { AvailabilityZone: i.availabilityZone, Tenancy: 'default' },
          SubnetId: i.subnetId,
          ...(i.privateIpAddress ? { PrivateIpAddress: i.privateIpAddress } : {}),
          PlatformDetails: i.platform,
          RootDeviceName: i.volumes[0]?.device,
          RootDeviceType: 'ebs',
          BlockDeviceMappings: i.volumes.map((v) => ({
            DeviceName: v.device,
            Ebs: {
              VolumeId: v.volumeId,
              Status: 'attached',
              AttachTime: i.createdAt,
              DeleteOnTermination: v.deleteOnTermination,
            },
          })),
        },
      ],
    })),
    NextToken: page.nextToken,
  };
};

const describeVolumes: OperationHandler = (request, estate) => {
  noMaxResultsWithIds(request, 'VolumeIds');
  const ids = listOf<string>(request.input, 'VolumeIds', 1000, { code: 'InvalidParameterValue' });
  const limit = intInRange(request.input, 'MaxResults', 5, 500, 500, 'InvalidParameterValue');
  const filters = listOf<Filter>(request.input, 'Filters', 200, { code: 'InvalidParameterValue' });
  const volumes = launched(estate, request).flatMap((instance) =>
    instance.volumes.map((volume) => ({ instance, volume })),
  );
  const matching = byIds(
    filtered(volumes, filters, {
      'volume-id': ({ volume }) => [volume.volumeId],
      'attachment.instance-id': ({ instance }) => [instance.ec2InstanceId ?? ''],
    }),
    ids,
    ({ volume }) => volume.volumeId,
    'InvalidVolume.NotFound',
  );
  const page = pageOf('DescribeVolumes', matching, request.input.NextToken, limit, 'InvalidNextToken');
  return {
    Volumes: page.items.map(({ instance, volume }) => volumeOf(instance, volume)),
    NextToken: page.nextToken,
  };
};

function volumeOf(instance: SimManagedInstance, volume: SimManagedVolume): Record<string, unknown> {
  return {
    VolumeId: volume.volumeId,
    Size: volume.sizeGiB,
    VolumeType: volume.volumeType,
    Encrypted: volume.encrypted,
    // gp3's baseline; io2 volumes in the estate are provisioned at 3,000 too.
    Iops: volume.volumeType === 'gp2' ? Math.max(100, volume.sizeGiB * 3) : 3000,
    State: 'in-use',
    AvailabilityZone: instance.availabilityZone,
    CreateTime: instance.createdAt,
    Attachments: [
      {
        InstanceId: instance.ec2InstanceId,
        VolumeId: volume.volumeId,
        Device: volume.device,
        State: 'attached',
        AttachTime: instance.createdAt,
        DeleteOnTermination: volume.deleteOnTermination,
      },
    ],
  };
}

/** The EC2 operations answered for managed instances. */
export const coreInstancesEc2Operations: Readonly<Record<string, OperationHandler>> = {
  DescribeInstances: describeInstances,
  DescribeVolumes: describeVolumes,
};
