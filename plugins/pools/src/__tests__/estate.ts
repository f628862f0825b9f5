import type { WorkspacesPool } from '@aws-sdk/client-workspaces';
import type { MetricProvider, SimDirectory, SimIpGroup, SimPool } from '@workspaces-euc-mcp/simulator';
import { type Estate, generateEstate } from '@workspaces-euc-mcp/testing';

/**
 * A small, hand-described simulated estate: a tiny generated estate whose Pools part is replaced
 * by the pools below, on three hand-made Pools directories, with every pool metric pinned. Every
 * id and number here is what the tests check against.
 */

export const NOW = new Date('2026-06-17T12:00:00Z');
export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
/** A second region with no pools at all. */
export const EMPTY_REGION = 'eu-west-1';
const where = { account: ACCOUNT, region: REGION };
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ago = (ms: number) => NOW.getTime() - ms;

export const CORP_DIR = 'wsd-poolscorp';
export const OPEN_DIR = 'wsd-poolsopen';
export const NOIP_DIR = 'wsd-poolsnoip';

/** The pools, by role. Ids follow the API pattern ^wspool-[0-9a-z]{9}$. */
export const POOL = {
  /** Busy and full; turned 60 users away from 09:00 to 10:00 UTC today. */
  callCentre: 'wspool-callctr01',
  /** ALWAYS_ON, 40 sessions of capacity, nobody for 200 days. */
  financeIdle: 'wspool-finidle01',
  /** AUTO_STOP, 10 sessions, nobody for 200 days; its directory has no IP access group. */
  labIdle: 'wspool-labidle01',
  stopped: 'wspool-stopped01',
  /** Its domain-join secret is gone: no instance at all. */
  secretError: 'wspool-secrerr01',
  /** Half its desired capacity (subnets out of IPs); never disconnects idle users. */
  subnetShort: 'wspool-subnetip1',
  updating: 'wspool-updating1',
  /** Used two days ago; its directory's IP group admits 0.0.0.0/0. */
  openIpGroup: 'wspool-openipg01',
  /** Started three days ago after a long stop: not idle for the whole window. */
  recentlyStarted: 'wspool-newstart1',
  /** Created five days ago. */
  brandNew: 'wspool-brandnew1',
  creating: 'wspool-creating1',
} as const;

type Capacity = [desired: number, actual: number, active: number];

function pool(
  id: string,
  name: string,
  state: WorkspacesPool['State'],
  mode: 'ALWAYS_ON' | 'AUTO_STOP',
  [desired, actual, active]: Capacity,
  directoryId: string,
  extra: Partial<WorkspacesPool> = {},
  createdAt = new Date(ago(200 * DAY_MS)),
): SimPool {
  return {
    ...where,
    pool: {
      PoolId: id,
      PoolArn: `arn:aws:workspaces:${REGION}:${ACCOUNT}:workspacespool/${id}`,
      PoolName: name,
      Description: `${name} pool`,
      State: state,
      CreatedAt: createdAt,
      BundleId: 'wsb-pools2022',
      DirectoryId: directoryId,
      RunningMode: mode,
      CapacityStatus: {
        DesiredUserSessions: desired,
        ActualUserSessions: actual,
        ActiveUserSessions: active,
        AvailableUserSessions: actual - active,
      },
      ApplicationSettings: { Status: 'DISABLED' },
      TimeoutSettings: {
        DisconnectTimeoutInSeconds: 900,
        IdleDisconnectTimeoutInSeconds: 900,
        MaxUserDurationInSeconds: 28_800,
      },
      ...extra,
    },
    // The role and profile drive generated metrics only; every metric here is pinned below.
    role: 'healthy',
    profile: { peakDemand: 0, desired, utcOffsetHours: 0, sevenDay: false, runningFrom: createdAt.getTime() },
    sessions: [],
    tags: [],
  };
}

/** The pools of `smallEstate()`. */
export function smallPools(): SimPool[] {
  return [
    pool(POOL.callCentre, 'call-centre', 'RUNNING', 'AUTO_STOP', [20, 20, 20], CORP_DIR),
    pool(POOL.financeIdle, 'finance-idle', 'RUNNING', 'ALWAYS_ON', [40, 40, 0], CORP_DIR),
    pool(POOL.labIdle, 'lab-idle', 'RUNNING', 'AUTO_STOP', [10, 10, 0], NOIP_DIR),
    pool(POOL.stopped, 'contractors', 'STOPPED', 'AUTO_STOP', [100, 0, 0], CORP_DIR),
    pool(POOL.secretError, 'claims', 'RUNNING', 'AUTO_STOP', [10, 0, 0], CORP_DIR, {
      Errors: [
        {
          ErrorCode: 'DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND',
          ErrorMessage: 'The domain-join secret does not exist.',
        },
      ],
    }),
    pool(POOL.subnetShort, 'training', 'RUNNING', 'ALWAYS_ON', [10, 5, 1], CORP_DIR, {
      Errors: [{ ErrorCode: 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES', ErrorMessage: 'Not enough free IPs.' }],
      TimeoutSettings: {
        DisconnectTimeoutInSeconds: 900,
        IdleDisconnectTimeoutInSeconds: 0,
        MaxUserDurationInSeconds: 28_800,
      },
    }),
    pool(POOL.updating, 'kiosk', 'UPDATING', 'AUTO_STOP', [25, 25, 2], CORP_DIR),
    pool(POOL.openIpGroup, 'partners', 'RUNNING', 'AUTO_STOP', [5, 5, 0], OPEN_DIR),
    pool(POOL.recentlyStarted, 'seasonal', 'RUNNING', 'AUTO_STOP', [5, 5, 0], CORP_DIR),
    pool(POOL.brandNew, 'pilot', 'RUNNING', 'ALWAYS_ON', [5, 5, 0], CORP_DIR, {}, new Date(ago(5 * DAY_MS))),
    pool(
      POOL.creating,
      'new-team',
      'CREATING',
      'AUTO_STOP',
      [10, 0, 0],
      CORP_DIR,
      {},
      new Date(ago(8 * MINUTE_MS)),
    ),
  ];
}

function poolsDirectory(directoryId: string, ipGroupIds: string[]): SimDirectory {
  return {
    ...where,
    directory: {
      DirectoryId: directoryId,
      DirectoryName: directoryId,
      DirectoryType: 'CUSTOMER_MANAGED',
      WorkspaceType: 'POOLS',
      State: 'REGISTERED',
      ipGroupIds,
    },
    clientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'DISABLED' },
  };
}

const IP_GROUPS: SimIpGroup[] = [
  { ...where, group: { groupId: 'wsipg-poolcorp1', userRules: [{ ipRule: '198.51.100.0/24' }] } },
  {
    ...where,
    group: { groupId: 'wsipg-poolopen1', userRules: [{ ipRule: '0.0.0.0/0' }, { ipRule: '203.0.113.0/24' }] },
  },
];

/** A pinned series: a value at each minute, undefined when the pool published nothing. */
type Series = (t: number) => number | undefined;
const always =
  (value: number): Series =>
  () =>
    value;
const since =
  (from: number, value: number): Series =>
  (t) =>
    t >= from ? value : undefined;
const inHour =
  (from: number, value: number): Series =>
  (t) =>
    t >= from && t < from + HOUR_MS ? value : 0;

/** Metric name → series, per pool; pools and metrics not listed publish nothing. */
export const SMALL_METRICS: Readonly<Record<string, Readonly<Record<string, Series>>>> = {
  [POOL.callCentre]: {
    UserSessionsCapacityUtilization: always(100),
    ActiveUserSessionCapacity: always(20),
    // One rejection a minute for the hour from 09:00 UTC today, and one 26 h ago (outside 24 h).
    InsufficientCapacityError: (t) => inHour(ago(3 * HOUR_MS), 1)(t) || inHour(ago(26 * HOUR_MS), 1)(t),
  },
  [POOL.financeIdle]: {
    UserSessionsCapacityUtilization: always(0),
    InsufficientCapacityError: always(0),
    ActiveUserSessionCapacity: always(0),
  },
  [POOL.labIdle]: { UserSessionsCapacityUtilization: always(0) },
  [POOL.subnetShort]: { UserSessionsCapacityUtilization: always(20), InsufficientCapacityError: always(0) },
  [POOL.updating]: { UserSessionsCapacityUtilization: always(8) },
  [POOL.openIpGroup]: { UserSessionsCapacityUtilization: inHour(ago(2 * DAY_MS), 40) },
  [POOL.recentlyStarted]: { UserSessionsCapacityUtilization: since(ago(3 * DAY_MS), 0) },
  [POOL.brandNew]: { UserSessionsCapacityUtilization: since(ago(5 * DAY_MS), 0) },
};

/** Serves `metrics` for the pools of the estate, and nothing for any other pool metric. */
export function pinPoolMetrics(metrics: typeof SMALL_METRICS): MetricProvider {
  return (key) => {
    const poolId = key.dimensions['WorkSpaces pool ID'];
    if (key.namespace !== 'AWS/WorkSpaces' || poolId === undefined) return undefined;
    const series = metrics[poolId]?.[key.metricName];
    return { resolutionSeconds: 60, sample: (t) => series?.(t) };
  };
}

/** The small hand-described estate most tests use: pools in REGION, none in EMPTY_REGION. */
export function smallEstate(pools: SimPool[] = smallPools()): Estate {
  const base = generateEstate({
    seed: 5,
    desktops: 0,
    accounts: [ACCOUNT],
    regions: [REGION, EMPTY_REGION],
    now: NOW,
    pools: 0,
    managedInstances: 0,
  });
  return {
    ...base,
    personal: {
      ...base.personal,
      directories: [
        ...base.personal.directories,
        poolsDirectory(CORP_DIR, ['wsipg-poolcorp1']),
        poolsDirectory(OPEN_DIR, ['wsipg-poolopen1']),
        poolsDirectory(NOIP_DIR, []),
      ],
      ipGroups: [...base.personal.ipGroups, ...IP_GROUPS],
    },
    pools: { pools },
    metricOverride: pinPoolMetrics(SMALL_METRICS),
  };
}

/** The pool with this id in the estate (tests edit it before serving). */
export function poolIn(estate: Estate, poolId: string): SimPool {
  const found = estate.pools.pools.find((p) => p.pool.PoolId === poolId);
  if (!found) throw new Error(`No pool ${poolId} in the test estate.`);
  return found;
}

/** Pools in the states smallPools() lacks, so every WorkspacesPoolState is covered. */
export const EXTRA_STATE_POOL = {
  starting: 'wspool-starting1',
  stopping: 'wspool-stopping1',
  deleting: 'wspool-deleting1',
} as const;

export function extraStatePools(): SimPool[] {
  return [
    pool(EXTRA_STATE_POOL.starting, 'night-shift', 'STARTING', 'AUTO_STOP', [10, 0, 0], CORP_DIR),
    pool(EXTRA_STATE_POOL.stopping, 'weekend', 'STOPPING', 'AUTO_STOP', [10, 3, 0], CORP_DIR),
    pool(EXTRA_STATE_POOL.deleting, 'retired', 'DELETING', 'ALWAYS_ON', [5, 0, 0], CORP_DIR),
  ];
}

/**
 * Gives `pool` `count` live sessions (and makes its CapacityStatus say so): users user01… of
 * example.com, every fifth NOT_CONNECTED, ENI IPs 10.20.<n>.<i>, started i × 7 minutes ago.
 * Session ids are uuid-shaped and unique per (n, i).
 */
export function giveSessions(target: SimPool, count: number, n = 1): string[] {
  const sessions = Array.from({ length: count }, (_, i) => ({
    SessionId: `0000000${n}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    PoolId: target.pool.PoolId,
    UserId: `user${String(i + 1).padStart(2, '0')}@example.com`,
    ConnectionState: i % 5 === 4 ? ('NOT_CONNECTED' as const) : ('CONNECTED' as const),
    InstanceId: `i-0${String(n).padStart(4, '0')}${String(i).padStart(12, '0')}`,
    StartTime: new Date(ago((i + 1) * 7 * MINUTE_MS)),
    ExpirationTime: new Date(ago((i + 1) * 7 * MINUTE_MS) + 8 * HOUR_MS),
    AuthenticationType: 'SAML' as const,
    NetworkAccessConfiguration: {
      EniPrivateIpAddress: `10.20.${n}.${i + 10}`,
      EniId: `eni-0${String(i).padStart(16, '0')}`,
    },
  }));
  target.sessions = sessions;
  const status = target.pool.CapacityStatus;
  if (status) {
    const actual = Math.max(status.ActualUserSessions ?? 0, count);
    target.pool.CapacityStatus = {
      ...status,
      ActualUserSessions: actual,
      ActiveUserSessions: count,
      AvailableUserSessions: actual - count,
    };
  }
  return sessions.map((s) => s.SessionId);
}

/** Actions that change something (everything but Describe*, Get*, List*). */
export const mutating = (requests: readonly { action: string }[]) =>
  requests.map((r) => r.action).filter((action) => !/:(Describe|Get|List)/.test(action));
