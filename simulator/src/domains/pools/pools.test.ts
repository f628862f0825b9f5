import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesPoolSessionsCommand,
  DescribeWorkspacesPoolsCommand,
  StartWorkspacesPoolCommand,
  StopWorkspacesPoolCommand,
  TerminateWorkspacesPoolSessionCommand,
  UpdateWorkspacesPoolCommand,
  WorkSpacesClient,
  type WorkspacesPool,
} from '@aws-sdk/client-workspaces';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../../__tests__/client.js';
import { createSimulator } from '../../engine.js';
import { type Estate, generateEstate } from '../../estate.js';
import { DAY_MS, HOUR_MS } from '../../model.js';
import type { PoolRole, SimPool } from './model.js';

const OPTIONS = { seed: 21, desktops: 200, pools: 12 } as const;

function setup(estate: Estate = generateEstate(OPTIONS), region = 'us-east-1') {
  const sim = createSimulator(estate);
  return {
    estate,
    sim,
    workspaces: simulatedClient(WorkSpacesClient, sim, { region }),
    cloudwatch: simulatedClient(CloudWatchClient, sim, { region }),
  };
}

function poolWith(estate: Estate, role: PoolRole, region?: string): SimPool {
  const pool = estate.pools.pools.find((p) => p.role === role && (!region || p.region === region));
  if (!pool) throw new Error(`no ${role} pool in the test estate`);
  return pool;
}

async function describeAll(client: WorkSpacesClient, limit: number): Promise<WorkspacesPool[]> {
  const pools: WorkspacesPool[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new DescribeWorkspacesPoolsCommand({ Limit: limit, NextToken: token }));
    pools.push(...(page.WorkspacesPools ?? []));
    token = page.NextToken;
  } while (token);
  return pools;
}

function metricQuery(
  id: string,
  poolId: string,
  metric: string,
  period: number,
  stat: string,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/WorkSpaces',
        MetricName: metric,
        Dimensions: [{ Name: 'WorkSpaces pool ID', Value: poolId }],
      },
      Period: period,
      Stat: stat,
    },
  };
}

describe('WorkSpaces Pools in the simulated estate', () => {
  it('spreads the asked-for pools over every location, on that location’s POOLS directory', async () => {
    const { estate, workspaces } = setup();
    expect(estate.pools.pools).toHaveLength(12);
    const virginia = await describeAll(workspaces, 25);
    expect(virginia).toHaveLength(estate.pools.pools.filter((p) => p.region === 'us-east-1').length);
    const directories = await workspaces.send(new DescribeWorkspaceDirectoriesCommand({}));
    const poolsDirectories = new Set(
      directories.Directories?.filter((d) => d.WorkspaceType === 'POOLS').map((d) => d.DirectoryId),
    );
    for (const pool of virginia) expect(poolsDirectories).toContain(pool.DirectoryId);
    // Pools run the Windows Server bundles the Personal part publishes in the same location.
    for (const pool of estate.pools.pools) {
      const bundle = estate.personal.bundles.find(
        (b) =>
          b.bundle.BundleId === pool.pool.BundleId && b.account === pool.account && b.region === pool.region,
      );
      expect(bundle?.bundle.Name).toMatch(/WINDOWS SERVER 20(19|22)/);
    }
  });

  it('shows an exhausted pool, one below desired with a real error code, an idle one and a stopped one', () => {
    const { estate } = setup();
    const exhausted = poolWith(estate, 'exhausted').pool.CapacityStatus;
    expect(exhausted?.AvailableUserSessions).toBe(0);
    expect(exhausted?.ActiveUserSessions).toBeGreaterThan(0);
    expect(exhausted?.ActiveUserSessions).toBeGreaterThanOrEqual(exhausted?.ActualUserSessions ?? 0);

    const below = poolWith(estate, 'below-desired').pool;
    expect(below.CapacityStatus?.ActualUserSessions).toBeLessThan(
      below.CapacityStatus?.DesiredUserSessions ?? 0,
    );
    expect(below.Errors?.[0]?.ErrorCode).toMatch(
      /^(SUBNET_|IAM_SERVICE_ROLE|DOMAIN_JOIN_ERROR_SECRET_|NETWORK_)/,
    );

    const idle = poolWith(estate, 'idle');
    expect(idle.pool.State).toBe('RUNNING');
    expect(idle.pool.CapacityStatus?.ActiveUserSessions).toBe(0);
    expect(idle.sessions).toHaveLength(0);

    const stopped = poolWith(estate, 'stopped').pool;
    expect(stopped.State).toBe('STOPPED');
    expect(stopped.CapacityStatus?.ActualUserSessions).toBe(0);
  });

  it('pages pools by Limit with working tokens and rejects more than 25 PoolIds or a Limit over 25', async () => {
    const { workspaces } = setup(generateEstate({ ...OPTIONS, pools: 20 }));
    const byTwo = await describeAll(workspaces, 2);
    const byAll = await describeAll(workspaces, 25);
    expect(byTwo.map((p) => p.PoolId)).toEqual(byAll.map((p) => p.PoolId));
    expect(byAll.length).toBe(10);
    const ids = Array.from({ length: 26 }, (_, i) => `wspool-${String(i).padStart(9, '0')}`);
    await expect(workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: ids }))).rejects.toMatchObject(
      {
        name: 'ValidationException',
      },
    );
    await expect(workspaces.send(new DescribeWorkspacesPoolsCommand({ Limit: 26 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: ['wspool-000000000'] })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('filters pools by name with the PoolName operators', async () => {
    const { estate, workspaces } = setup();
    const name = estate.pools.pools.find((p) => p.region === 'us-east-1')?.pool.PoolName ?? '';
    const equals = await workspaces.send(
      new DescribeWorkspacesPoolsCommand({
        Filters: [{ Name: 'PoolName', Operator: 'EQUALS', Values: [name] }],
      }),
    );
    expect(equals.WorkspacesPools?.map((p) => p.PoolName)).toEqual([name]);
    const notEquals = await workspaces.send(
      new DescribeWorkspacesPoolsCommand({
        Filters: [{ Name: 'PoolName', Operator: 'NOTEQUALS', Values: [name] }],
      }),
    );
    expect(notEquals.WorkspacesPools?.some((p) => p.PoolName === name)).toBe(false);
  });

  it('lists one session per active user, 20 a page by default, up to 50, with the ENI address', async () => {
    const estate = generateEstate({ ...OPTIONS, seed: 4 });
    const busiest = [...estate.pools.pools].sort((a, b) => b.sessions.length - a.sessions.length)[0];
    if (!busiest) throw new Error('no pools');
    const { workspaces } = setup(estate, busiest.region);
    const poolId = busiest.pool.PoolId;
    const first = await workspaces.send(new DescribeWorkspacesPoolSessionsCommand({ PoolId: poolId }));
    expect(first.Sessions?.length).toBe(Math.min(20, busiest.sessions.length));
    expect(busiest.sessions.length).toBe(busiest.pool.CapacityStatus?.ActiveUserSessions);
    const session = first.Sessions?.[0];
    expect(session?.NetworkAccessConfiguration?.EniPrivateIpAddress).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(session?.AuthenticationType).toBe('SAML');
    const mine = await workspaces.send(
      new DescribeWorkspacesPoolSessionsCommand({ PoolId: poolId, UserId: session?.UserId }),
    );
    expect(mine.Sessions?.map((s) => s.SessionId)).toEqual([session?.SessionId]);
    await expect(
      workspaces.send(new DescribeWorkspacesPoolSessionsCommand({ PoolId: poolId, Limit: 51 })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      workspaces.send(new DescribeWorkspacesPoolSessionsCommand({ PoolId: 'wspool-000000000' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('stops a running pool, refuses to stop it twice, and starts it again', async () => {
    const { estate, workspaces } = setup();
    const exhausted = poolWith(estate, 'exhausted', 'us-east-1').pool;
    const PoolId = exhausted.PoolId;
    await workspaces.send(new StopWorkspacesPoolCommand({ PoolId }));
    const [stopped] =
      (await workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: [PoolId ?? ''] })))
        .WorkspacesPools ?? [];
    expect(stopped?.State).toBe('STOPPED');
    expect(stopped?.CapacityStatus).toMatchObject({ ActualUserSessions: 0, ActiveUserSessions: 0 });
    const sessions = await workspaces.send(new DescribeWorkspacesPoolSessionsCommand({ PoolId }));
    expect(sessions.Sessions).toEqual([]);
    await expect(workspaces.send(new StopWorkspacesPoolCommand({ PoolId }))).rejects.toMatchObject({
      name: 'InvalidResourceStateException',
    });
    await workspaces.send(new StartWorkspacesPoolCommand({ PoolId }));
    const [started] =
      (await workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: [PoolId ?? ''] })))
        .WorkspacesPools ?? [];
    expect(started?.State).toBe('RUNNING');
    expect(started?.CapacityStatus?.AvailableUserSessions).toBe(started?.CapacityStatus?.DesiredUserSessions);
    await expect(workspaces.send(new StartWorkspacesPoolCommand({ PoolId }))).rejects.toMatchObject({
      name: 'InvalidResourceStateException',
    });
  });

  it('refuses any change to a pool that is still starting, and a malformed pool id', async () => {
    const estate = generateEstate(OPTIONS);
    const starting = poolWith(estate, 'starting');
    const { workspaces } = setup(estate, starting.region);
    const PoolId = starting.pool.PoolId;
    await expect(workspaces.send(new StopWorkspacesPoolCommand({ PoolId }))).rejects.toMatchObject({
      name: 'OperationInProgressException',
    });
    await expect(
      workspaces.send(new UpdateWorkspacesPoolCommand({ PoolId, Capacity: { DesiredUserSessions: 5 } })),
    ).rejects.toMatchObject({ name: 'OperationInProgressException' });
    await expect(
      workspaces.send(new StopWorkspacesPoolCommand({ PoolId: 'not-a-pool' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('changes desired capacity at once and the running mode only while stopped', async () => {
    const { estate, workspaces } = setup();
    const healthy = estate.pools.pools.find(
      (p) => p.region === 'us-east-1' && p.pool.State === 'RUNNING' && !p.pool.Errors,
    );
    const PoolId = healthy?.pool.PoolId;
    const updated = await workspaces.send(
      new UpdateWorkspacesPoolCommand({ PoolId, Capacity: { DesiredUserSessions: 60 } }),
    );
    expect(updated.WorkspacesPool?.CapacityStatus?.DesiredUserSessions).toBe(60);
    const [described] =
      (await workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: [PoolId ?? ''] })))
        .WorkspacesPools ?? [];
    expect(described?.CapacityStatus).toMatchObject({ DesiredUserSessions: 60, ActualUserSessions: 60 });
    const other = described?.RunningMode === 'ALWAYS_ON' ? 'AUTO_STOP' : 'ALWAYS_ON';
    await expect(
      workspaces.send(new UpdateWorkspacesPoolCommand({ PoolId, RunningMode: other })),
    ).rejects.toMatchObject({ name: 'InvalidResourceStateException' });
    await workspaces.send(new StopWorkspacesPoolCommand({ PoolId }));
    const switched = await workspaces.send(new UpdateWorkspacesPoolCommand({ PoolId, RunningMode: other }));
    expect(switched.WorkspacesPool?.RunningMode).toBe(other);
    await expect(
      workspaces.send(new UpdateWorkspacesPoolCommand({ PoolId, Capacity: { DesiredUserSessions: -1 } })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('terminates one session: it disappears and the pool frees a slot', async () => {
    const { estate, workspaces } = setup();
    const pool = poolWith(estate, 'exhausted', 'us-east-1');
    const before = pool.pool.CapacityStatus?.ActiveUserSessions ?? 0;
    const SessionId = pool.sessions[0]?.SessionId;
    await workspaces.send(new TerminateWorkspacesPoolSessionCommand({ SessionId }));
    const [after] =
      (await workspaces.send(new DescribeWorkspacesPoolsCommand({ PoolIds: [pool.pool.PoolId ?? ''] })))
        .WorkspacesPools ?? [];
    expect(after?.CapacityStatus?.ActiveUserSessions).toBe(before - 1);
    expect(after?.CapacityStatus?.AvailableUserSessions).toBe(1);
    await expect(
      workspaces.send(new TerminateWorkspacesPoolSessionCommand({ SessionId })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('is the same for the same seed and different for another', () => {
    const a = JSON.stringify(generateEstate(OPTIONS).pools);
    expect(JSON.stringify(generateEstate(OPTIONS).pools)).toBe(a);
    expect(JSON.stringify(generateEstate({ ...OPTIONS, seed: 22 }).pools)).not.toBe(a);
  });
});

describe('WorkSpaces Pools metrics through GetMetricData', () => {
  it('counts rejected sessions on an exhausted pool and none on an idle one', async () => {
    const estate = generateEstate(OPTIONS);
    const now = estate.settings.now;
    const rejectedSum = async (pool: SimPool) => {
      const cloudwatch = simulatedClient(CloudWatchClient, createSimulator(estate), { region: pool.region });
      const result = await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(now.getTime() - DAY_MS),
          EndTime: now,
          MetricDataQueries: [
            metricQuery('r', pool.pool.PoolId ?? '', 'InsufficientCapacityError', 3600, 'Sum'),
          ],
        }),
      );
      return (result.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
    };
    expect(await rejectedSum(poolWith(estate, 'exhausted'))).toBeGreaterThan(0);
    expect(await rejectedSum(poolWith(estate, 'idle'))).toBe(0);
  });

  it('publishes a datapoint a minute where Actual = Active + Available', async () => {
    const { estate, cloudwatch } = setup();
    const pool = poolWith(estate, 'exhausted', 'us-east-1');
    const end = estate.settings.now;
    const start = new Date(end.getTime() - HOUR_MS);
    const id = pool.pool.PoolId ?? '';
    const result = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          metricQuery('actual', id, 'ActualUserSessionCapacity', 60, 'Average'),
          metricQuery('active', id, 'ActiveUserSessionCapacity', 60, 'Average'),
          metricQuery('available', id, 'AvailableUserSessionCapacity', 60, 'Average'),
        ],
      }),
    );
    const values = (name: string) => result.MetricDataResults?.find((r) => r.Id === name)?.Values ?? [];
    expect(values('actual')).toHaveLength(60);
    values('actual').forEach((actual, i) => {
      expect(actual).toBe((values('active')[i] ?? 0) + (values('available')[i] ?? 0));
    });
  });

  it('follows working hours: an office pool is far busier at 11:00 local than at 03:00', async () => {
    const { estate, cloudwatch } = setup(generateEstate({ ...OPTIONS, pools: 30 }), 'eu-west-1');
    const office = poolWith(estate, 'healthy', 'eu-west-1');
    const offset = office.profile.utcOffsetHours;
    const now = estate.settings.now.getTime();
    // Monday 2026-11-16 is "now"; the previous Thursday is a full working day.
    const thursday = Math.floor(now / DAY_MS) * DAY_MS - 4 * DAY_MS;
    const hourlyAt = async (localHour: number) => {
      const start = thursday + (localHour - offset) * HOUR_MS;
      const result = await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(start),
          EndTime: new Date(start + HOUR_MS),
          MetricDataQueries: [
            metricQuery('u', office.pool.PoolId ?? '', 'UserSessionsCapacityUtilization', 3600, 'Average'),
          ],
        }),
      );
      return result.MetricDataResults?.[0]?.Values?.[0] ?? Number.NaN;
    };
    const late = await hourlyAt(11);
    const night = await hourlyAt(3);
    expect(late).toBeGreaterThan(30);
    expect(night).toBe(0);
  });

  it('publishes nothing for a stopped pool after it stopped', async () => {
    const estate = generateEstate(OPTIONS);
    const stopped = poolWith(estate, 'stopped');
    const { cloudwatch } = setup(estate, stopped.region);
    const stoppedAt = stopped.profile.runningUntil ?? 0;
    const result = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(stoppedAt - DAY_MS),
        EndTime: estate.settings.now,
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          metricQuery('a', stopped.pool.PoolId ?? '', 'ActualUserSessionCapacity', 3600, 'Maximum'),
        ],
      }),
    );
    const timestamps = result.MetricDataResults?.[0]?.Timestamps ?? [];
    expect(timestamps.length).toBeGreaterThan(0);
    for (const t of timestamps) expect(t.getTime()).toBeLessThan(stoppedAt);
  });
});
