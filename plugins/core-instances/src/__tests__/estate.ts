import type { EC2InstanceError, ProvisionStateEnum } from '@aws-sdk/client-workspaces-instances';
import type { SimManagedInstance, SimManagedVolume } from '@workspaces-euc-mcp/simulator';
import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

/**
 * A small, hand-described simulated estate: a tiny generated estate whose Core managed instances
 * are replaced by the ones below. Every id and message here is what the tests check against.
 */

export const NOW = new Date('2026-06-17T12:00:00Z');
export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
/** A second region with no managed instance. */
export const EMPTY_REGION = 'eu-west-1';

export const VCPU_ERROR: EC2InstanceError = {
  EC2ErrorCode: 'VcpuLimitExceeded',
  EC2ExceptionType: 'Client',
  EC2ErrorMessage: 'You have requested more vCPU capacity than your current vCPU limit of 64 allows.',
};
export const PROTECTED_ERROR: EC2InstanceError = {
  EC2ErrorCode: 'OperationNotPermitted',
  EC2ExceptionType: 'Client',
  EC2ErrorMessage: "The instance 'i-0bbbbbbbbbbbbbbbb' may not be terminated.",
};

/** The instances, by role. Ids follow the API pattern wsinst-[0-9a-zA-Z]{8,63}. */
export const INSTANCE = {
  inService: 'wsinst-alloc0001',
  inService2: 'wsinst-alloc0002',
  provisioning: 'wsinst-allocing1',
  /** Launch failed: vCPU quota. */
  vcpuFailed: 'wsinst-failvcpu1',
  /** Launch failed, and GetWorkspaceInstance returns no error detail. */
  silentFailed: 'wsinst-failsilnt',
  /** Release failed: termination protection kept i-0bbbbbbbbbbbbbbbb alive. */
  releaseFailed: 'wsinst-failrel01',
  released: 'wsinst-released1',
  releasing: 'wsinst-releasng1',
} as const;

/** The root volume of each launched instance: vol- plus the last 17 characters of its EC2 id. */
export function rootVolume(ec2InstanceId: string): SimManagedVolume {
  return {
    volumeId: `vol-${ec2InstanceId.slice(2)}`,
    device: '/dev/sda1',
    sizeGiB: 100,
    volumeType: 'gp3',
    encrypted: true,
    deleteOnTermination: true,
  };
}

/** The data volume attached to INSTANCE.inService later: it survives the instance. */
export const DATA_VOLUME: SimManagedVolume = {
  volumeId: 'vol-0ddddddddddddddd1',
  device: 'xvdf',
  sizeGiB: 200,
  volumeType: 'gp3',
  encrypted: false,
  deleteOnTermination: false,
};

/** The tags of INSTANCE.inService (the others have none). */
export const IN_SERVICE_TAGS = [
  { Key: 'Name', Value: 'core-alice' },
  { Key: 'CostCenter', Value: 'CC-1001' },
];

function instance(
  id: string,
  state: ProvisionStateEnum,
  ec2InstanceId: string | undefined,
  ec2InstanceErrors: EC2InstanceError[] = [],
): SimManagedInstance {
  return {
    account: ACCOUNT,
    region: REGION,
    workspaceInstanceId: id,
    provisionState: state,
    ...(ec2InstanceId ? { ec2InstanceId } : {}),
    billingMode: 'HOURLY',
    workspaceInstanceErrors: [],
    ec2InstanceErrors,
    instanceType: 'm6i.large',
    platform: 'Windows',
    availabilityZone: `${REGION}a`,
    subnetId: 'subnet-0123456789abcdef0',
    createdAt: new Date(NOW.getTime() - 90 * 86_400_000),
    tags: id === INSTANCE.inService ? IN_SERVICE_TAGS.map((t) => ({ ...t })) : [],
    volumes: ec2InstanceId
      ? [rootVolume(ec2InstanceId), ...(id === INSTANCE.inService ? [{ ...DATA_VOLUME }] : [])]
      : [],
  };
}

export function smallInstances(): SimManagedInstance[] {
  return [
    instance(INSTANCE.inService, 'ALLOCATED', 'i-0aaaaaaaaaaaaaaa1'),
    instance(INSTANCE.inService2, 'ALLOCATED', 'i-0aaaaaaaaaaaaaaa2'),
    instance(INSTANCE.provisioning, 'ALLOCATING', 'i-0aaaaaaaaaaaaaaa3'),
    instance(INSTANCE.vcpuFailed, 'ERROR_ALLOCATING', undefined, [VCPU_ERROR]),
    instance(INSTANCE.silentFailed, 'ERROR_ALLOCATING', undefined),
    instance(INSTANCE.releaseFailed, 'ERROR_DEALLOCATING', 'i-0bbbbbbbbbbbbbbbb', [PROTECTED_ERROR]),
    instance(INSTANCE.released, 'DEALLOCATED', undefined),
    instance(INSTANCE.releasing, 'DEALLOCATING', 'i-0aaaaaaaaaaaaaaa4'),
  ];
}

/** The small hand-described estate: instances in REGION, none in EMPTY_REGION. */
export function smallEstate(instances: SimManagedInstance[] = smallInstances()): Estate {
  const base = generateEstate({
    seed: 5,
    desktops: 0,
    accounts: [ACCOUNT],
    regions: [REGION, EMPTY_REGION],
    now: NOW,
    pools: 0,
    managedInstances: 0,
  });
  return { ...base, coreInstances: { instances } };
}
