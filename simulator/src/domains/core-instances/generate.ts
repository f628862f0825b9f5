/**
 * WorkSpaces Core managed instances in every location, mostly ALLOCATED, with the failed and
 * released ones an admin has to clean up: ERROR_ALLOCATING (EC2 could not launch),
 * ERROR_DEALLOCATING (EC2 would not terminate), DEALLOCATED (gone, still listed).
 */
import type {
  EC2InstanceError,
  PlatformTypeEnum,
  ProvisionStateEnum,
} from '@aws-sdk/client-workspaces-instances';
import { DAY_MS, type GenerationContext, type Location } from '../../model.js';
import type { Rng } from '../../rng.js';
import type { CoreInstancesEstate, SimManagedInstance, SimManagedVolume } from './model.js';

/** Every provision state; the first instances of the estate take one each. */
export const ALL_PROVISION_STATES: readonly ProvisionStateEnum[] = [
  'ALLOCATED',
  'ERROR_ALLOCATING',
  'DEALLOCATED',
  'ERROR_DEALLOCATING',
  'ALLOCATING',
  'DEALLOCATING',
];
const STATE_WEIGHTS: readonly (readonly [ProvisionStateEnum, number])[] = [
  ['ALLOCATED', 82],
  ['ALLOCATING', 3],
  ['DEALLOCATING', 2],
  ['DEALLOCATED', 6],
  ['ERROR_ALLOCATING', 5],
  ['ERROR_DEALLOCATING', 2],
];
/** Instance types offered for managed instances, with a typical share. */
const INSTANCE_TYPES: readonly (readonly [string, number])[] = [
  ['m5.large', 25],
  ['m5.xlarge', 15],
  ['m6i.large', 15],
  ['m7i.large', 10],
  ['t3.large', 10],
  ['r5.large', 5],
  ['g4dn.xlarge', 8],
  ['g6.xlarge', 4],
];
const PLATFORMS: readonly (readonly [PlatformTypeEnum, number])[] = [
  ['Windows', 45],
  ['Windows BYOL', 30],
  ['Ubuntu Pro Linux', 10],
  ['Red Hat Enterprise Linux', 8],
  ['Linux/UNIX', 7],
];
/** WorkSpaces Core Managed Instances became available in 2025. */
const SERVICE_LAUNCH = Date.UTC(2025, 5, 1);

/** Why EC2 failed a launch, in EC2's own words. */
function launchError(rng: Rng, instanceType: string, zone: string, subnetId: string): EC2InstanceError {
  return rng.pick<EC2InstanceError>([
    {
      EC2ErrorCode: 'InsufficientInstanceCapacity',
      EC2ExceptionType: 'Server',
      EC2ErrorMessage: `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${zone}). Our system will be working on provisioning additional capacity.`,
    },
    {
      EC2ErrorCode: 'VcpuLimitExceeded',
      EC2ExceptionType: 'Client',
      EC2ErrorMessage:
        'You have requested more vCPU capacity than your current vCPU limit of 64 allows for the instance bucket that the specified instance type belongs to.',
    },
    {
      EC2ErrorCode: 'InvalidSubnetID.NotFound',
      EC2ExceptionType: 'Client',
      EC2ErrorMessage: `The subnet ID '${subnetId}' does not exist`,
    },
    {
      EC2ErrorCode: 'UnauthorizedOperation',
      EC2ExceptionType: 'Client',
      EC2ErrorMessage: 'You are not authorized to perform this operation.',
    },
  ]);
}

/**
 * The EBS volumes of a launched instance: the root volume (deleted with the instance, as launched)
 * and, for about a third, a data volume attached later, which EC2 keeps after termination.
 */
function makeVolumes(rng: Rng, platform: PlatformTypeEnum): SimManagedVolume[] {
  const windows = platform.startsWith('Windows');
  const root: SimManagedVolume = {
    volumeId: `vol-${rng.hex(17)}`,
    device: windows ? '/dev/sda1' : '/dev/xvda',
    sizeGiB: rng.pick(windows ? [80, 100, 150] : [50, 80]),
    volumeType: rng.chance(0.8) ? 'gp3' : 'gp2',
    encrypted: rng.chance(0.85),
    deleteOnTermination: true,
  };
  if (!rng.chance(0.35)) return [root];
  return [
    root,
    {
      volumeId: `vol-${rng.hex(17)}`,
      device: windows ? 'xvdf' : '/dev/sdf',
      sizeGiB: rng.pick([50, 100, 200, 500]),
      volumeType: rng.chance(0.85) ? 'gp3' : 'io2',
      encrypted: rng.chance(0.85),
      deleteOnTermination: rng.chance(0.2),
    },
  ];
}

function makeInstance(
  rng: Rng,
  volumeRng: Rng,
  location: Location,
  state: ProvisionStateEnum,
  now: number,
): SimManagedInstance {
  const instanceType = rng.weighted(INSTANCE_TYPES);
  const availabilityZone = `${location.region}${rng.pick(['a', 'b', 'c'])}`;
  const subnetId = `subnet-${rng.hex(17)}`;
  const launched =
    state === 'ALLOCATED' ||
    state === 'ALLOCATING' ||
    state === 'DEALLOCATING' ||
    state === 'ERROR_DEALLOCATING';
  const ec2InstanceId = launched ? `i-${rng.hex(17)}` : undefined;
  const createdAt =
    state === 'ALLOCATING'
      ? now - rng.int(2, 9) * 60_000
      : SERVICE_LAUNCH + Math.floor(rng.next() * Math.max(DAY_MS, now - DAY_MS - SERVICE_LAUNCH));
  const ec2InstanceErrors: EC2InstanceError[] =
    state === 'ERROR_ALLOCATING'
      ? [launchError(rng, instanceType, availabilityZone, subnetId)]
      : state === 'ERROR_DEALLOCATING'
        ? [
            {
              EC2ErrorCode: 'OperationNotPermitted',
              EC2ExceptionType: 'Client',
              EC2ErrorMessage: `The instance '${ec2InstanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
            },
          ]
        : [];
  const tagged = rng.chance(0.75);
  const instance: SimManagedInstance = {
    ...location,
    workspaceInstanceId: `wsinst-${rng.hex(17)}`,
    provisionState: state,
    ...(ec2InstanceId ? { ec2InstanceId } : {}),
    billingMode: rng.chance(0.35) ? 'MONTHLY' : 'HOURLY',
    workspaceInstanceErrors: [],
    ec2InstanceErrors,
    instanceType,
    platform: rng.weighted(PLATFORMS),
    availabilityZone,
    subnetId,
    ...(launched ? { privateIpAddress: `10.${rng.int(100, 120)}.${rng.int(0, 15)}.${rng.int(4, 250)}` } : {}),
    createdAt: new Date(createdAt),
    tags: tagged
      ? [
          { Key: 'Name', Value: `core-${rng.alnum(6).toLowerCase()}` },
          { Key: 'CostCenter', Value: `CC-${rng.int(1000, 9999)}` },
          ...(rng.chance(0.5)
            ? [{ Key: 'Owner', Value: `team-${rng.pick(['vdi', 'eng', 'ops', 'finance'])}` }]
            : []),
        ]
      : [],
    volumes: [],
  };
  if (ec2InstanceId) instance.volumes = makeVolumes(volumeRng, instance.platform);
  return instance;
}

/** Managed instances spread round-robin over every location. */
export function generateCoreInstances(ctx: GenerationContext): CoreInstancesEstate {
  const { rng, settings, locations } = ctx;
  const now = settings.now.getTime();
  const instances: SimManagedInstance[] = [];
  // Volumes draw from a generator of their own, so the instances are the same as before volumes.
  const volumeRng = rng.fork('volumes');
  for (let i = 0; i < settings.managedInstances; i++) {
    const location = locations[i % locations.length];
    if (!location) continue;
    const state = ALL_PROVISION_STATES[i] ?? rng.weighted(STATE_WEIGHTS);
    instances.push(makeInstance(rng, volumeRng, location, state, now));
  }
  return { instances };
}
