import {
  AppStreamClient,
  BatchAssociateUserStackCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeSessionsCommand,
  ExpireSessionCommand,
  StartFleetCommand,
  StartImageBuilderCommand,
  StopFleetCommand,
  StopImageBuilderCommand,
  UpdateFleetCommand,
} from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { type Estate, generateEstate } from '../../estate.js';
import type { AppFleetScenario } from './model.js';

function setup(fleets = 9) {
  const estate = generateEstate({ seed: 42, desktops: 40, fleets });
  const sim = createSimulator(estate);
  const east = simulatedClient(AppStreamClient, sim, { region: 'us-east-1' });
  const west = simulatedClient(AppStreamClient, sim, { region: 'eu-west-1' });
  const clientFor = (region: string) => (region === 'us-east-1' ? east : west);
  return { estate, sim, clientFor };
}

function fleetOf(estate: Estate, scenario: AppFleetScenario) {
  const fleet = estate.applications.fleets.find((f) => f.scenario === scenario);
  if (!fleet) throw new Error(`no ${scenario} fleet`);
  return fleet;
}

async function describeFleet(client: AppStreamClient, name: string) {
  const out = await client.send(new DescribeFleetsCommand({ Names: [name] }));
  return out.Fleets?.[0];
}

describe('simulated fleet lifecycle writes', () => {
  it('stops a running fleet: STOPPED, no capacity, no sessions; stopping it again is a no-op', async () => {
    const { estate, clientFor } = setup();
    const fleet = fleetOf(estate, 'exhausted');
    const name = fleet.fleet.Name ?? '';
    const client = clientFor(fleet.region);
    await client.send(new StopFleetCommand({ Name: name }));
    const after = await describeFleet(client, name);
    expect(after?.State).toBe('STOPPED');
    expect(after?.ComputeCapacityStatus).toMatchObject({ Running: 0, InUse: 0, Available: 0 });
    const sessions = await client.send(
      new DescribeSessionsCommand({
        StackName: `${name}-stack`,
        FleetName: name,
        AuthenticationType: 'SAML',
      }),
    );
    expect(sessions.Sessions).toEqual([]);
    await expect(client.send(new StopFleetCommand({ Name: name }))).resolves.toBeDefined();
  });

  it('refuses to start a running fleet, to stop a starting one, and to touch an unknown one', async () => {
    const { estate, clientFor } = setup();
    const running = fleetOf(estate, 'on-demand');
    await expect(
      clientFor(running.region).send(new StartFleetCommand({ Name: running.fleet.Name })),
    ).rejects.toMatchObject({ name: 'OperationNotPermittedException' });
    const starting = fleetOf(estate, 'starting');
    await expect(
      clientFor(starting.region).send(new StopFleetCommand({ Name: starting.fleet.Name })),
    ).rejects.toMatchObject({ name: 'ConcurrentModificationException' });
    await expect(
      clientFor('us-east-1').send(new StopFleetCommand({ Name: 'no-such-fleet' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('starts a stopped fleet; one that cannot join its domain runs with no instances', async () => {
    const { estate, clientFor } = setup();
    const stopped = fleetOf(estate, 'stopped');
    const client = clientFor(stopped.region);
    await client.send(new StartFleetCommand({ Name: stopped.fleet.Name }));
    const after = await describeFleet(client, stopped.fleet.Name ?? '');
    expect(after?.State).toBe('RUNNING');
    expect(after?.ComputeCapacityStatus).toMatchObject({ Desired: 6, Running: 0 });
    expect(after?.FleetErrors?.[0]?.ErrorCode).toBe('DOMAIN_JOIN_ERROR_ACCESS_DENIED');

    const exhausted = fleetOf(estate, 'exhausted');
    const east = clientFor(exhausted.region);
    await east.send(new StopFleetCommand({ Name: exhausted.fleet.Name }));
    await east.send(new StartFleetCommand({ Name: exhausted.fleet.Name }));
    expect((await describeFleet(east, exhausted.fleet.Name ?? ''))?.ComputeCapacityStatus).toMatchObject({
      Running: 10,
      InUse: 0,
      Available: 10,
    });
  });

  it('sets desired capacity with UpdateFleet, and refuses capacity beyond the instance quota', async () => {
    const { estate, clientFor } = setup();
    const onDemand = fleetOf(estate, 'on-demand');
    const client = clientFor(onDemand.region);
    const updated = await client.send(
      new UpdateFleetCommand({ Name: onDemand.fleet.Name, ComputeCapacity: { DesiredInstances: 12 } }),
    );
    expect(updated.Fleet?.ComputeCapacityStatus?.Desired).toBe(12);
    expect((await describeFleet(client, onDemand.fleet.Name ?? ''))?.ComputeCapacityStatus?.Desired).toBe(12);

    const exhausted = fleetOf(estate, 'exhausted');
    await expect(
      clientFor(exhausted.region).send(
        new UpdateFleetCommand({ Name: exhausted.fleet.Name, ComputeCapacity: { DesiredInstances: 22 } }),
      ),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: expect.stringContaining('stream.compute.large'),
    });
  });

  it('takes DesiredSessions only for multi-session fleets and no ComputeCapacity for Elastic ones', async () => {
    const { estate, clientFor } = setup();
    const multi = fleetOf(estate, 'multi-session');
    const mc = clientFor(multi.region);
    await expect(
      mc.send(new UpdateFleetCommand({ Name: multi.fleet.Name, ComputeCapacity: { DesiredInstances: 4 } })),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
    const updated = await mc.send(
      new UpdateFleetCommand({ Name: multi.fleet.Name, ComputeCapacity: { DesiredSessions: 90 } }),
    );
    expect(updated.Fleet?.ComputeCapacityStatus).toMatchObject({ DesiredUserSessions: 90, Desired: 9 });

    const single = fleetOf(estate, 'on-demand');
    await expect(
      clientFor(single.region).send(
        new UpdateFleetCommand({ Name: single.fleet.Name, ComputeCapacity: { DesiredSessions: 10 } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
    const elastic = fleetOf(estate, 'elastic');
    await expect(
      clientFor(elastic.region).send(
        new UpdateFleetCommand({ Name: elastic.fleet.Name, ComputeCapacity: { DesiredInstances: 10 } }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
  });

  it('refuses, while RUNNING, changes that need a stopped fleet', async () => {
    const { estate, clientFor } = setup();
    const fleet = fleetOf(estate, 'on-demand');
    const client = clientFor(fleet.region);
    await expect(
      client.send(new UpdateFleetCommand({ Name: fleet.fleet.Name, InstanceType: 'stream.standard.large' })),
    ).rejects.toMatchObject({
      name: 'OperationNotPermittedException',
      message: expect.stringContaining('InstanceType'),
    });
    await client.send(new StopFleetCommand({ Name: fleet.fleet.Name }));
    const changed = await client.send(
      new UpdateFleetCommand({ Name: fleet.fleet.Name, InstanceType: 'stream.standard.large' }),
    );
    expect(changed.Fleet?.InstanceType).toBe('stream.standard.large');
  });

  it('expires a session: it is gone and the fleet has one instance fewer in use', async () => {
    const { estate, clientFor } = setup();
    const fleet = fleetOf(estate, 'exhausted');
    const client = clientFor(fleet.region);
    const name = fleet.fleet.Name ?? '';
    const before = await client.send(
      new DescribeSessionsCommand({
        StackName: `${name}-stack`,
        FleetName: name,
        AuthenticationType: 'SAML',
      }),
    );
    const victim = before.Sessions?.find((s) => s.State === 'ACTIVE');
    await client.send(new ExpireSessionCommand({ SessionId: victim?.Id }));
    const after = await client.send(
      new DescribeSessionsCommand({
        StackName: `${name}-stack`,
        FleetName: name,
        AuthenticationType: 'SAML',
      }),
    );
    expect(after.Sessions?.map((s) => s.Id)).not.toContain(victim?.Id);
    expect((await describeFleet(client, name))?.ComputeCapacityStatus).toMatchObject({
      InUse: 9,
      Available: 1,
    });
  });
});

describe('simulated builder and entitlement writes', () => {
  it('stops a running image builder once; a FAILED one cannot be started', async () => {
    const { estate, clientFor } = setup();
    const client = clientFor('us-east-1');
    const running = estate.applications.imageBuilders.find(
      (b) => b.region === 'us-east-1' && b.builder.State === 'RUNNING',
    );
    const stopped = await client.send(new StopImageBuilderCommand({ Name: running?.builder.Name }));
    expect(stopped.ImageBuilder?.State).toBe('STOPPED');
    const described = await client.send(
      new DescribeImageBuildersCommand({ Names: [running?.builder.Name ?? ''] }),
    );
    expect(described.ImageBuilders?.[0]?.State).toBe('STOPPED');
    await expect(
      client.send(new StopImageBuilderCommand({ Name: running?.builder.Name })),
    ).rejects.toMatchObject({
      name: 'OperationNotPermittedException',
    });
    const failed = estate.applications.imageBuilders.find(
      (b) => b.region === 'us-east-1' && b.builder.State === 'FAILED',
    );
    await expect(
      client.send(new StartImageBuilderCommand({ Name: failed?.builder.Name })),
    ).rejects.toMatchObject({
      name: 'ResourceNotAvailableException',
    });
    const restarted = await client.send(
      new StartImageBuilderCommand({ Name: running?.builder.Name, AppstreamAgentVersion: '[LATEST]' }),
    );
    expect(restarted.ImageBuilder).toMatchObject({ State: 'RUNNING', AppstreamAgentVersion: 'LATEST' });
  });

  it('reports unknown stacks and users per association instead of failing the batch', async () => {
    const { estate, clientFor } = setup();
    const user = estate.applications.users.find((u) => u.region === 'us-east-1')?.user.UserName;
    const out = await clientFor('us-east-1').send(
      new BatchAssociateUserStackCommand({
        UserStackAssociations: [
          { StackName: 'pilot-portal-stack', UserName: user, AuthenticationType: 'USERPOOL' },
          { StackName: 'no-such-stack', UserName: user, AuthenticationType: 'USERPOOL' },
          { StackName: 'pilot-portal-stack', UserName: 'ghost@example.com', AuthenticationType: 'USERPOOL' },
        ],
      }),
    );
    expect(out.errors?.map((e) => e.ErrorCode)).toEqual(['STACK_NOT_FOUND', 'USER_NAME_NOT_FOUND']);
    const entitled = estate.applications.userStackAssociations.filter(
      (a) => a.association.StackName === 'pilot-portal-stack' && a.association.UserName === user,
    );
    expect(entitled).toHaveLength(1);
  });
});
