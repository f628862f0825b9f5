import { DescribeInstancesCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

const ESTATE = generateEstate({ seed: 41, desktops: 0, managedInstances: 40, regions: ['us-east-1'] });
const ec2 = () => simulatedClient(EC2Client, createSimulator(ESTATE), { region: 'us-east-1' });

describe('the EC2 instances and volumes behind managed instances', () => {
  it('every launched instance has a root volume deleted on termination; the rest have no volume', () => {
    for (const i of ESTATE.coreInstances.instances) {
      if (!i.ec2InstanceId) expect(i.volumes).toEqual([]);
      else expect(i.volumes[0]).toMatchObject({ deleteOnTermination: true });
    }
    expect(ESTATE.coreInstances.instances.some((i) => i.volumes.some((v) => !v.deleteOnTermination))).toBe(
      true,
    );
  });

  it('DescribeInstances by instance-id filter returns type, state and block devices, skipping unknown ids', async () => {
    const launched = ESTATE.coreInstances.instances.find((i) => i.provisionState === 'ALLOCATED');
    const id = launched?.ec2InstanceId ?? '';
    const out = await ec2().send(
      new DescribeInstancesCommand({
        Filters: [{ Name: 'instance-id', Values: [id, 'i-00000000000000000'] }],
      }),
    );
    const instances = out.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      InstanceId: id,
      InstanceType: launched?.instanceType,
      State: { Name: 'running' },
    });
    expect(instances[0]?.BlockDeviceMappings?.map((m) => m.Ebs?.VolumeId)).toEqual(
      launched?.volumes.map((v) => v.volumeId),
    );
  });

  it('an unknown id in InstanceIds or VolumeIds fails the call, as in EC2', async () => {
    await expect(
      ec2().send(new DescribeInstancesCommand({ InstanceIds: ['i-00000000000000000'] })),
    ).rejects.toMatchObject({ name: 'InvalidInstanceID.NotFound' });
    await expect(
      ec2().send(new DescribeVolumesCommand({ VolumeIds: ['vol-0000000000'] })),
    ).rejects.toMatchObject({
      name: 'InvalidVolume.NotFound',
    });
    await expect(
      ec2().send(new DescribeInstancesCommand({ InstanceIds: ['i-1'], MaxResults: 5 })),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombination' });
  });

  it('DescribeVolumes gives size, type, encryption and the attachment', async () => {
    const instance = ESTATE.coreInstances.instances.find((i) => i.volumes.length > 1);
    const volume = instance?.volumes[1];
    const out = await ec2().send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [volume?.volumeId ?? ''] }] }),
    );
    expect(out.Volumes?.[0]).toMatchObject({
      VolumeId: volume?.volumeId,
      Size: volume?.sizeGiB,
      VolumeType: volume?.volumeType,
      Encrypted: volume?.encrypted,
      Attachments: [
        { InstanceId: instance?.ec2InstanceId, DeleteOnTermination: volume?.deleteOnTermination },
      ],
    });
  });
});
