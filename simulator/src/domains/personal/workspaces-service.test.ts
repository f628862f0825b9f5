import { DescribeDirectoriesCommand, DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeWorkspaceSnapshotsCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  ModifyWorkspacePropertiesCommand,
  ModifyWorkspaceStateCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  TerminateWorkspacesCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { generateEstate } from '../../estate.js';

function setup(desktops = 120) {
  const estate = generateEstate({ seed: 21, desktops });
  const sim = createSimulator(estate);
  return { estate, sim, client: simulatedClient(WorkSpacesClient, sim) };
}

const idsIn = (estate: ReturnType<typeof generateEstate>, region = 'us-east-1') =>
  estate.personal.desktops.filter((d) => d.region === region).map((d) => d.workspace.WorkspaceId ?? '');

describe('simulated WorkSpaces Personal API limits', () => {
  it('refuses more than 25 WorkspaceIds and a Limit above 25, as the API does', async () => {
    const { estate, client } = setup();
    const ids = idsIn(estate).slice(0, 26);
    await expect(client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('25'),
    });
    await expect(client.send(new DescribeWorkspacesCommand({ Limit: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const ok = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids.slice(0, 25) }));
    expect(ok.Workspaces).toHaveLength(25);
  });

  it('refuses WorkspaceIds combined with DirectoryId, and UserName without DirectoryId', async () => {
    const { estate, client } = setup();
    const [first] = estate.personal.desktops;
    await expect(
      client.send(
        new DescribeWorkspacesCommand({
          WorkspaceIds: [first?.workspace.WorkspaceId ?? ''],
          DirectoryId: 'd-1234567890',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValuesException' });
    await expect(client.send(new DescribeWorkspacesCommand({ UserName: 'someone' }))).rejects.toMatchObject({
      name: 'InvalidParameterValuesException',
    });
  });

  it('pages the connection status 25 at a time and caps ids at 25', async () => {
    const { estate, sim, client } = setup();
    // The SDK has no paginator for this operation: follow NextToken by hand.
    const statuses = [];
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeWorkspacesConnectionStatusCommand({ NextToken: token }));
      statuses.push(...(page.WorkspacesConnectionStatus ?? []));
      token = page.NextToken;
    } while (token);
    expect(statuses).toHaveLength(idsIn(estate).length);
    expect(sim.countsByAction()['workspaces:DescribeWorkspacesConnectionStatus']).toBe(
      Math.ceil(statuses.length / 25),
    );
    await expect(
      client.send(
        new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: idsIn(estate).slice(0, 26) }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('rebuilds exactly one desktop per request', async () => {
    const { estate, client } = setup();
    const available = estate.personal.desktops.filter(
      (d) => d.region === 'us-east-1' && d.workspace.State === 'AVAILABLE',
    );
    const [a, b] = available.map((d) => ({ WorkspaceId: d.workspace.WorkspaceId ?? '' }));
    await expect(
      client.send(
        new RebuildWorkspacesCommand({
          RebuildWorkspaceRequests: [a ?? { WorkspaceId: '' }, b ?? { WorkspaceId: '' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const one = await client.send(
      new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [a ?? { WorkspaceId: '' }] }),
    );
    expect(one.FailedRequests).toEqual([]);
  });

  it('reports an illegal action per desktop in FailedRequests and changes nothing for it', async () => {
    const { estate, client } = setup();
    const alwaysOn = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' &&
        d.workspace.State === 'AVAILABLE',
    );
    const stopped = estate.personal.desktops.find(
      (d) => d.region === 'us-east-1' && d.workspace.State === 'STOPPED',
    );
    const result = await client.send(
      new StartWorkspacesCommand({
        StartWorkspaceRequests: [
          { WorkspaceId: alwaysOn?.workspace.WorkspaceId },
          { WorkspaceId: stopped?.workspace.WorkspaceId },
          { WorkspaceId: 'ws-doesnotexist' },
        ],
      }),
    );
    expect(result.FailedRequests?.map((f) => [f.WorkspaceId, f.ErrorCode])).toEqual([
      [alwaysOn?.workspace.WorkspaceId, 'InvalidResourceState.Workspace'],
      ['ws-doesnotexist', 'ResourceNotFound.Workspace'],
    ]);
    expect(stopped?.workspace.State).toBe('AVAILABLE');
    expect(alwaysOn?.workspace.State).toBe('AVAILABLE');
  });

  it('terminates: the desktop is gone from the next describe; a SUSPENDED one refuses', async () => {
    const { estate, client } = setup();
    const victim = estate.personal.desktops.find(
      (d) => d.region === 'us-east-1' && d.workspace.State === 'AVAILABLE',
    );
    const suspended = estate.personal.desktops.find((d) => d.workspace.State === 'SUSPENDED');
    const id = victim?.workspace.WorkspaceId ?? '';
    const result = await client.send(
      new TerminateWorkspacesCommand({
        TerminateWorkspaceRequests: [{ WorkspaceId: id }, { WorkspaceId: suspended?.workspace.WorkspaceId }],
      }),
    );
    expect(result.FailedRequests?.map((f) => f.WorkspaceId)).toEqual([suspended?.workspace.WorkspaceId]);
    const after = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id] }));
    expect(after.Workspaces).toEqual([]);
  });

  it('moves AVAILABLE ↔ ADMIN_MAINTENANCE only, and modifies the running mode of AVAILABLE/STOPPED desktops', async () => {
    const { estate, client } = setup();
    const stopped = estate.personal.desktops.find(
      (d) => d.region === 'us-east-1' && d.workspace.State === 'STOPPED',
    );
    const available = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.workspace.State === 'AVAILABLE' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'AUTO_STOP',
    );
    await expect(
      client.send(
        new ModifyWorkspaceStateCommand({
          WorkspaceId: stopped?.workspace.WorkspaceId,
          WorkspaceState: 'ADMIN_MAINTENANCE',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidResourceStateException' });
    await client.send(
      new ModifyWorkspaceStateCommand({
        WorkspaceId: available?.workspace.WorkspaceId,
        WorkspaceState: 'ADMIN_MAINTENANCE',
      }),
    );
    expect(available?.workspace.State).toBe('ADMIN_MAINTENANCE');
    await client.send(
      new ModifyWorkspacePropertiesCommand({
        WorkspaceId: stopped?.workspace.WorkspaceId,
        WorkspaceProperties: { RunningMode: 'ALWAYS_ON' },
      }),
    );
    expect(stopped?.workspace.WorkspaceProperties?.RunningMode).toBe('ALWAYS_ON');
    await expect(
      client.send(
        new ModifyWorkspacePropertiesCommand({
          WorkspaceId: stopped?.workspace.WorkspaceId,
          WorkspaceProperties: { ComputeTypeName: 'POWER', RootVolumeSizeGib: 175 },
        }),
      ),
    ).rejects.toMatchObject({ name: 'OperationNotSupportedException' });
  });

  it('returns snapshots for a desktop and a not-found error for an unknown one', async () => {
    const { estate, client } = setup();
    const desktop = estate.personal.desktops.find(
      (d) => d.region === 'us-east-1' && d.snapshots.restore.length > 0,
    );
    const snapshots = await client.send(
      new DescribeWorkspaceSnapshotsCommand({ WorkspaceId: desktop?.workspace.WorkspaceId }),
    );
    expect(snapshots.RestoreSnapshots?.length).toBe(2);
    expect(snapshots.RebuildSnapshots?.length).toBe(1);
    await expect(
      client.send(new DescribeWorkspaceSnapshotsCommand({ WorkspaceId: 'ws-nope' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('answers Directory Service for AD-backed directories and fails the call for an unknown id', async () => {
    const { estate, sim } = setup();
    const ds = simulatedClient(DirectoryServiceClient, sim);
    const adIds = estate.personal.directories
      .filter((d) => d.region === 'us-east-1' && d.ds)
      .map((d) => d.directory.DirectoryId ?? '');
    const found = await ds.send(new DescribeDirectoriesCommand({ DirectoryIds: adIds }));
    expect(found.DirectoryDescriptions?.map((d) => d.DirectoryId).sort()).toEqual([...adIds].sort());
    await expect(
      ds.send(new DescribeDirectoriesCommand({ DirectoryIds: ['d-0000000000'] })),
    ).rejects.toMatchObject({
      name: 'EntityDoesNotExistException',
    });
  });

  it('reports free IPs per directory subnet through ec2:DescribeSubnets', async () => {
    const { estate, sim } = setup();
    const ec2 = simulatedClient(EC2Client, sim);
    const directory = estate.personal.directories.find(
      (d) => d.region === 'us-east-1' && d.directory.State === 'REGISTERED',
    );
    const subnetIds = directory?.directory.SubnetIds ?? [];
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }));
    const desktopsThere = estate.personal.desktops.filter((d) =>
      subnetIds.includes(d.workspace.SubnetId ?? ''),
    ).length;
    const free = (Subnets ?? []).reduce((sum, s) => sum + (s.AvailableIpAddressCount ?? 0), 0);
    expect(free).toBe(2 * 251 - desktopsThere);
  });

  it('filters subnets by VPC and refuses an unknown filter name', async () => {
    const { estate, sim } = setup();
    const ec2 = simulatedClient(EC2Client, sim);
    const vpcId = estate.personal.subnets.find((s) => s.region === 'us-east-1')?.vpcId ?? '';
    const { Subnets } = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    const expected = [...estate.personal.subnets, ...estate.applications.subnets].filter(
      (s) => s.region === 'us-east-1' && s.vpcId === vpcId,
    );
    expect(Subnets?.map((s) => s.SubnetId).sort()).toEqual(expected.map((s) => s.subnetId).sort());
    await expect(
      ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
    });
  });
});
