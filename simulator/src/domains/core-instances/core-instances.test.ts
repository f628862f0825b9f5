import {
  GetWorkspaceInstanceCommand,
  ListTagsForResourceCommand,
  ListWorkspaceInstancesCommand,
  paginateListWorkspaceInstances,
  type WorkspaceInstance,
  WorkspacesInstancesClient,
} from '@aws-sdk/client-workspaces-instances';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { ALL_PROVISION_STATES } from './generate.js';

const OPTIONS = { seed: 41, desktops: 100, managedInstances: 60, regions: ['us-east-1'] } as const;
/** Every test here only reads, so they share one estate. */
const ESTATE = generateEstate(OPTIONS);

function client() {
  const sim = createSimulator(ESTATE);
  return { sim, core: simulatedClient(WorkspacesInstancesClient, sim, { region: 'us-east-1' }) };
}

describe('WorkSpaces Core managed instances in the simulated estate', () => {
  it('lists every instance through the paginator, 25 a page at most, in every provision state', async () => {
    const { sim, core } = client();
    const all: WorkspaceInstance[] = await collectPages(
      paginateListWorkspaceInstances({ client: core }, {}),
      (page) => page.WorkspaceInstances,
    );
    expect(all).toHaveLength(60);
    expect(sim.countsByAction()['workspaces-instances:ListWorkspaceInstances']).toBe(3);
    expect(new Set(all.map((i) => i.ProvisionState))).toEqual(new Set(ALL_PROVISION_STATES));
    // An instance EC2 never launched, or already terminated, has no EC2 instance behind it.
    for (const i of all.filter(
      (x) => x.ProvisionState === 'ERROR_ALLOCATING' || x.ProvisionState === 'DEALLOCATED',
    ))
      expect(i.EC2ManagedInstance).toBeUndefined();
    for (const i of all.filter((x) => x.ProvisionState === 'ALLOCATED'))
      expect(i.EC2ManagedInstance?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('filters by provision state and rejects MaxResults outside 1-25 and a foreign token', async () => {
    const { core } = client();
    const failed = await core.send(
      new ListWorkspaceInstancesCommand({ ProvisionStates: ['ERROR_ALLOCATING', 'ERROR_DEALLOCATING'] }),
    );
    expect(failed.WorkspaceInstances?.length).toBeGreaterThanOrEqual(2);
    expect(failed.WorkspaceInstances?.every((i) => i.ProvisionState?.startsWith('ERROR_'))).toBe(true);
    for (const MaxResults of [0, 26])
      await expect(core.send(new ListWorkspaceInstancesCommand({ MaxResults }))).rejects.toMatchObject({
        name: 'ValidationException',
      });
    await expect(
      core.send(new ListWorkspaceInstancesCommand({ NextToken: 'not-a-token' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('explains a failed launch with the EC2 error, and a stuck release with termination protection', async () => {
    const { core } = client();
    const failed = ESTATE.coreInstances.instances.find((i) => i.provisionState === 'ERROR_ALLOCATING');
    const stuck = ESTATE.coreInstances.instances.find((i) => i.provisionState === 'ERROR_DEALLOCATING');
    const launch = await core.send(
      new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: failed?.workspaceInstanceId }),
    );
    expect(launch.ProvisionState).toBe('ERROR_ALLOCATING');
    expect(launch.EC2InstanceErrors?.[0]?.EC2ErrorCode).toMatch(
      /^(InsufficientInstanceCapacity|VcpuLimitExceeded|InvalidSubnetID\.NotFound|UnauthorizedOperation)$/,
    );
    expect(launch.BillingConfiguration?.BillingMode).toMatch(/^(HOURLY|MONTHLY)$/);
    const release = await core.send(
      new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: stuck?.workspaceInstanceId }),
    );
    expect(release.EC2InstanceErrors?.[0]).toMatchObject({ EC2ErrorCode: 'OperationNotPermitted' });
    expect(release.EC2ManagedInstance?.InstanceId).toBe(stuck?.ec2InstanceId);
  });

  it('answers an unknown id with ResourceNotFoundException and a malformed one with ValidationException', async () => {
    const { core } = client();
    await expect(
      core.send(new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: 'wsinst-0000000000000000' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    await expect(
      core.send(new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: 'i-123' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('returns the tags of an instance', async () => {
    const { core } = client();
    const tagged = ESTATE.coreInstances.instances.find((i) => i.tags.length > 0);
    const { Tags } = await core.send(
      new ListTagsForResourceCommand({ WorkspaceInstanceId: tagged?.workspaceInstanceId }),
    );
    expect(Tags).toEqual(tagged?.tags);
  });

  it('spreads the asked-for count over every location, the same for the same seed', () => {
    const estate = generateEstate({
      seed: 41,
      desktops: 100,
      managedInstances: 9,
      accounts: ['111122223333', '444455556666'],
    });
    expect(estate.coreInstances.instances).toHaveLength(9);
    expect(new Set(estate.coreInstances.instances.map((i) => `${i.account}/${i.region}`)).size).toBe(4);
    const a = JSON.stringify(generateEstate(OPTIONS).coreInstances);
    expect(JSON.stringify(ESTATE.coreInstances)).toBe(a);
    expect(JSON.stringify(generateEstate({ ...OPTIONS, seed: 42 }).coreInstances)).not.toBe(a);
  });
});
