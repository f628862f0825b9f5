import {
  AppStreamClient,
  DescribeAppBlockBuildersCommand,
  DescribeFleetsCommand,
  DescribeImagesCommand,
  DescribeSessionsCommand,
  DescribeStacksCommand,
  DescribeUsageReportSubscriptionsCommand,
  DescribeUserStackAssociationsCommand,
  DescribeUsersCommand,
  ListAssociatedFleetsCommand,
  ListAssociatedStacksCommand,
  ListTagsForResourceCommand,
  paginateDescribeAppBlockBuilders,
  paginateDescribeImagePermissions,
  paginateDescribeImages,
  type Session,
} from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { type Estate, generateEstate } from '../../estate.js';
import type { AppFleetScenario } from './model.js';

/** Reads never change the estate: one estate per size serves every test in this file. */
const estates = new Map<number, Estate>();

function setup(options: { fleets?: number; region?: string } = {}) {
  const fleets = options.fleets ?? 5;
  const estate = estates.get(fleets) ?? generateEstate({ seed: 42, desktops: 40, fleets });
  estates.set(fleets, estate);
  const sim = createSimulator(estate);
  return {
    estate,
    sim,
    client: simulatedClient(AppStreamClient, sim, { region: options.region ?? 'us-east-1' }),
  };
}

function fleetOf(estate: Estate, scenario: AppFleetScenario) {
  const fleet = estate.applications.fleets.find((f) => f.scenario === scenario);
  if (!fleet) throw new Error(`no ${scenario} fleet`);
  return fleet;
}

async function allSessions(
  client: AppStreamClient,
  input: {
    StackName: string;
    FleetName: string;
    AuthenticationType?: 'API' | 'SAML' | 'USERPOOL';
    Limit?: number;
  },
) {
  const sessions: Session[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new DescribeSessionsCommand({ ...input, NextToken: token }));
    sessions.push(...(page.Sessions ?? []));
    token = page.NextToken;
  } while (token);
  return sessions;
}

describe('simulated appstream fleet and stack reads', () => {
  it('pages DescribeFleets (no page-size parameter) and finds every fleet of the region', async () => {
    const { estate, sim, client } = setup({ fleets: 60 });
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeFleetsCommand({ NextToken: token }));
      names.push(...(page.Fleets ?? []).map((f) => f.Name ?? ''));
      token = page.NextToken;
    } while (token);
    const expected = estate.applications.fleets
      .filter((f) => f.region === 'us-east-1')
      .map((f) => f.fleet.Name);
    expect(names).toEqual(expected);
    expect(sim.countsByAction()['appstream:DescribeFleets']).toBe(Math.ceil(expected.length / 25));
  });

  it('refuses a fleet name that does not exist with ResourceNotFoundException', async () => {
    const { client } = setup();
    await expect(client.send(new DescribeFleetsCommand({ Names: ['no-such-fleet'] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(client.send(new DescribeStacksCommand({ Names: ['no-such-stack'] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('lists the fleets of a stack and the stacks of a fleet', async () => {
    const { estate, client } = setup();
    const exhausted = fleetOf(estate, 'exhausted').fleet.Name ?? '';
    const stacks = await client.send(new ListAssociatedStacksCommand({ FleetName: exhausted }));
    expect(stacks.Names).toEqual([`${exhausted}-stack`]);
    const fleets = await client.send(new ListAssociatedFleetsCommand({ StackName: `${exhausted}-stack` }));
    expect(fleets.Names?.length).toBe(2);
    const orphan = await client.send(new ListAssociatedFleetsCommand({ StackName: 'pilot-portal-stack' }));
    expect(orphan.Names).toEqual([]);
  });

  it('answers a fleet in the other region only there', async () => {
    const { estate, client } = setup();
    const elastic = fleetOf(estate, 'elastic');
    expect(elastic.region).toBe('eu-west-1');
    await expect(
      client.send(new DescribeFleetsCommand({ Names: [elastic.fleet.Name ?? ''] })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const there = setup({ region: 'eu-west-1' });
    const found = await there.client.send(new DescribeFleetsCommand({ Names: [elastic.fleet.Name ?? ''] }));
    expect(found.Fleets?.[0]?.FleetType).toBe('ELASTIC');
  });
});

describe('simulated DescribeSessions', () => {
  it('needs both StackName and FleetName, as the API reference says', async () => {
    const { estate, client } = setup();
    const fleet = fleetOf(estate, 'exhausted').fleet.Name ?? '';
    await expect(
      client.send(new DescribeSessionsCommand({ StackName: `${fleet}-stack` } as never)),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('fleetName'),
    });
  });

  it('refuses a Limit above 50 and a UserId without its AuthenticationType', async () => {
    const { estate, client } = setup();
    const fleet = fleetOf(estate, 'exhausted').fleet.Name ?? '';
    const base = { StackName: `${fleet}-stack`, FleetName: fleet };
    await expect(client.send(new DescribeSessionsCommand({ ...base, Limit: 51 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      client.send(new DescribeSessionsCommand({ ...base, UserId: 'someone@corp.example.com' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
  });

  it('lists only streaming-URL (API) sessions unless asked for another authentication type', async () => {
    const { estate, client } = setup();
    const exhausted = fleetOf(estate, 'exhausted');
    const base = { StackName: `${exhausted.fleet.Name}-stack`, FleetName: exhausted.fleet.Name ?? '' };
    const byType = await Promise.all(
      (['API', 'SAML', 'USERPOOL'] as const).map((type) =>
        allSessions(client, { ...base, AuthenticationType: type }),
      ),
    );
    const unspecified = await allSessions(client, base);
    expect(unspecified.map((s) => s.Id)).toEqual(byType[0]?.map((s) => s.Id));
    const all = byType.flat();
    expect(all.length).toBeGreaterThan(unspecified.length);
    // Live sessions on this stack and fleet, plus those from the fleet's other stacks, are its InUse.
    const live = estate.applications.sessions.filter(
      (s) => s.session.FleetName === exhausted.fleet.Name && s.session.State !== 'EXPIRED',
    );
    expect(live.length).toBe(exhausted.fleet.ComputeCapacityStatus?.InUse);
    for (const s of all)
      expect(s.MaxExpirationTime?.getTime() ?? 0).toBeGreaterThan(s.StartTime?.getTime() ?? 0);
  });

  it('pages sessions with Limit and NextToken', async () => {
    const { estate, sim, client } = setup();
    const fleet = fleetOf(estate, 'exhausted').fleet.Name ?? '';
    const saml = await allSessions(client, {
      StackName: `${fleet}-stack`,
      FleetName: fleet,
      AuthenticationType: 'SAML',
      Limit: 2,
    });
    expect(saml.length).toBeGreaterThan(2);
    expect(sim.countsByAction()['appstream:DescribeSessions']).toBe(Math.ceil(saml.length / 2));
  });
});

describe('simulated appstream image, user and subscription reads', () => {
  it('pages DescribeImages with the SDK paginator and refuses MaxResults above 25', async () => {
    const { estate, client } = setup();
    const images = [];
    for await (const page of paginateDescribeImages({ client, pageSize: 3 }, { Type: 'PRIVATE' }))
      images.push(...(page.Images ?? []));
    const expected = estate.applications.images.filter(
      (i) => i.region === 'us-east-1' && i.image.Visibility === 'PRIVATE',
    );
    expect(images.map((i) => i.Name)).toEqual(expected.map((i) => i.image.Name));
    await expect(client.send(new DescribeImagesCommand({ MaxResults: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      client.send(
        new DescribeImagesCommand({ Names: ['x'], Arns: ['arn:aws:appstream:us-east-1::image/x'] }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
  });

  it('lists the accounts a private image is shared with', async () => {
    const { estate, client } = setup();
    const golden = estate.applications.images.find(
      (i) => i.region === 'us-east-1' && i.sharedWith.length > 0,
    );
    const shares = [];
    for await (const page of paginateDescribeImagePermissions({ client }, { Name: golden?.image.Name ?? '' }))
      shares.push(...(page.SharedImagePermissionsList ?? []));
    expect(shares).toEqual([
      { sharedAccountId: '444455556666', imagePermissions: { allowFleet: true, allowImageBuilder: false } },
    ]);
  });

  it('pages app block builders and refuses MaxResults above 25', async () => {
    const { client } = setup();
    const builders = [];
    for await (const page of paginateDescribeAppBlockBuilders({ client, pageSize: 1 }, {}))
      builders.push(...(page.AppBlockBuilders ?? []));
    expect(builders.map((b) => b.State)).toEqual(['RUNNING', 'STOPPED']);
    await expect(client.send(new DescribeAppBlockBuildersCommand({ MaxResults: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('needs a stack, or a user name with its authentication type, to list user-stack associations', async () => {
    const { estate, client } = setup();
    await expect(client.send(new DescribeUserStackAssociationsCommand({}))).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
    const user = estate.applications.userStackAssociations.find((a) => a.region === 'us-east-1')?.association;
    await expect(
      client.send(new DescribeUserStackAssociationsCommand({ UserName: user?.UserName })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
    await expect(
      client.send(new DescribeUserStackAssociationsCommand({ StackName: user?.StackName, MaxResults: 501 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const mine = await client.send(
      new DescribeUserStackAssociationsCommand({ UserName: user?.UserName, AuthenticationType: 'USERPOOL' }),
    );
    expect(mine.UserStackAssociations?.map((a) => a.StackName)).toContain(user?.StackName);
  });

  it('describes user-pool users only, and has a disabled one', async () => {
    const { client } = setup();
    await expect(client.send(new DescribeUsersCommand({ AuthenticationType: 'SAML' }))).rejects.toMatchObject(
      {
        name: 'OperationNotPermittedException',
      },
    );
    const users = await client.send(new DescribeUsersCommand({ AuthenticationType: 'USERPOOL' }));
    expect(users.Users?.some((u) => u.Enabled === false)).toBe(true);
  });

  it('shows the failing usage-report subscription in one region and none in the other', async () => {
    const { client } = setup();
    const east = await client.send(new DescribeUsageReportSubscriptionsCommand({}));
    expect(east.UsageReportSubscriptions?.[0]?.SubscriptionErrors?.[0]?.ErrorCode).toBe('ACCESS_DENIED');
    const west = await setup({ region: 'eu-west-1' }).client.send(
      new DescribeUsageReportSubscriptionsCommand({}),
    );
    expect(west.UsageReportSubscriptions).toEqual([]);
  });

  it('lists tags of a fleet and refuses an unknown ARN', async () => {
    const { estate, client } = setup();
    const fleet = fleetOf(estate, 'exhausted');
    const tags = await client.send(new ListTagsForResourceCommand({ ResourceArn: fleet.fleet.Arn }));
    expect(tags.Tags).toEqual(fleet.tags);
    await expect(
      client.send(
        new ListTagsForResourceCommand({
          ResourceArn: 'arn:aws:appstream:us-east-1:111122223333:fleet/nope',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
