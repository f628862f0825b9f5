import {
  DeleteWorkspaceInstanceCommand,
  GetWorkspaceInstanceCommand,
  ListInstanceTypesCommand,
  ListRegionsCommand,
  paginateListRegions,
  WorkspacesInstancesClient,
} from '@aws-sdk/client-workspaces-instances';
import { collectPages } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';
import { SUPPORTED_REGIONS } from './catalogue.js';

function setup(region = 'us-east-1') {
  const estate = generateEstate({ seed: 41, desktops: 0, managedInstances: 12, regions: [region] });
  const sim = createSimulator(estate);
  return { estate, core: simulatedClient(WorkspacesInstancesClient, sim, { region }) };
}

describe('DeleteWorkspaceInstance in the simulated estate', () => {
  it('moves an instance in service, or a failed one, to DEALLOCATING and clears its errors', async () => {
    const { estate, core } = setup();
    for (const state of ['ALLOCATED', 'ERROR_ALLOCATING', 'ERROR_DEALLOCATING'] as const) {
      const instance = estate.coreInstances.instances.find((i) => i.provisionState === state);
      const id = instance?.workspaceInstanceId;
      await core.send(new DeleteWorkspaceInstanceCommand({ WorkspaceInstanceId: id }));
      const after = await core.send(new GetWorkspaceInstanceCommand({ WorkspaceInstanceId: id }));
      expect(after.ProvisionState).toBe('DEALLOCATING');
      expect(after.EC2InstanceErrors).toEqual([]);
    }
  });

  it('refuses a launch or release in progress and a released instance with ConflictException', async () => {
    const { estate, core } = setup();
    for (const state of ['ALLOCATING', 'DEALLOCATING', 'DEALLOCATED'] as const) {
      const id = estate.coreInstances.instances.find((i) => i.provisionState === state)?.workspaceInstanceId;
      await expect(
        core.send(new DeleteWorkspaceInstanceCommand({ WorkspaceInstanceId: id })),
      ).rejects.toMatchObject({
        name: 'ConflictException',
      });
    }
    await expect(
      core.send(new DeleteWorkspaceInstanceCommand({ WorkspaceInstanceId: 'wsinst-0000000000000000' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('ListRegions and ListInstanceTypes in the simulated estate', () => {
  it('pages the regions 25 at most and rejects MaxResults outside 1-25', async () => {
    const { core } = setup();
    const regions = await collectPages(
      paginateListRegions({ client: core, pageSize: 5 }, {}),
      (p) => p.Regions,
    );
    expect(regions.map((r) => r.RegionName)).toEqual(SUPPORTED_REGIONS);
    await expect(core.send(new ListRegionsCommand({ MaxResults: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('gives each type its configurations, filters on all three members, and refuses a partial filter', async () => {
    const { core } = setup();
    const all = await core.send(new ListInstanceTypesCommand({}));
    const g4dn = all.InstanceTypes?.find((t) => t.InstanceType === 'g4dn.xlarge');
    expect(g4dn?.SupportedInstanceConfigurations).toContainEqual({
      BillingMode: 'MONTHLY',
      PlatformType: 'Windows BYOL',
      Tenancy: 'DEDICATED',
    });
    const monthlyBring = await core.send(
      new ListInstanceTypesCommand({
        InstanceConfigurationFilter: {
          BillingMode: 'MONTHLY',
          PlatformType: 'Windows BYOL',
          Tenancy: 'DEDICATED',
        },
      }),
    );
    expect(monthlyBring.InstanceTypes?.some((t) => t.InstanceType?.startsWith('t3.'))).toBe(false);
    expect(monthlyBring.InstanceTypes?.length).toBeGreaterThan(0);
    await expect(
      core.send(
        new ListInstanceTypesCommand({
          InstanceConfigurationFilter: { BillingMode: 'HOURLY' } as never,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(core.send(new ListInstanceTypesCommand({ MaxResults: 601 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('offers some families in some regions only', async () => {
    const west2 = await setup('eu-west-2').core.send(new ListInstanceTypesCommand({}));
    const east1 = await setup('us-east-1').core.send(new ListInstanceTypesCommand({}));
    expect(west2.InstanceTypes?.some((t) => t.InstanceType === 'g6.xlarge')).toBe(false);
    expect(east1.InstanceTypes?.some((t) => t.InstanceType === 'g6.xlarge')).toBe(true);
  });
});
