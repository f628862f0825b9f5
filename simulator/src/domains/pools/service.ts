/**
 * The WorkSpaces Pools operations of the `workspaces` API (the Personal part answers the rest),
 * with the limits of the API reference: PoolIds and Filters 1-25 entries, Limit 1-25 for pools
 * and 1-50 (default 20) for sessions, pool ids matching ^wspool-[0-9a-z]{9}$, start only from
 * STOPPED, stop only from RUNNING, running mode changed only while STOPPED.
 */
import type {
  DescribeWorkspacesPoolsFilter,
  PoolsRunningMode,
  TimeoutSettings,
  WorkspacesPoolState,
} from '@aws-sdk/client-workspaces';
import { notFound, SimulatedAwsError, validationError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { at } from '../../model.js';
import { intInRange, listOf, pageOf, requiredString } from '../../paging.js';
import type { SimPool } from './model.js';

const POOL_ID = /^wspool-[0-9a-z]{9}$/;
/** States in which the pool is already changing: another change has to wait. */
const IN_PROGRESS: readonly WorkspacesPoolState[] = [
  'CREATING',
  'DELETING',
  'STARTING',
  'STOPPING',
  'UPDATING',
];

function poolsAt(estate: Estate, request: SimRequest): SimPool[] {
  return estate.pools.pools.filter((p) => at(p, request.account, request.region));
}

const POOL_ID_CONSTRAINT = 'Member must satisfy regular expression pattern: ^wspool-[0-9a-z]{9}$';

function poolId(input: Record<string, unknown>): string {
  const id = requiredString(input, 'PoolId');
  if (!POOL_ID.test(id)) throw validationError('poolId', POOL_ID_CONSTRAINT);
  return id;
}

function requirePool(estate: Estate, request: SimRequest, id: string): SimPool {
  const pool = poolsAt(estate, request).find((p) => p.pool.PoolId === id);
  if (!pool) throw notFound(`The pool ${id}`);
  return pool;
}

function notWhileChanging(pool: SimPool, action: string): void {
  const state = pool.pool.State ?? 'RUNNING';
  if (IN_PROGRESS.includes(state))
    throw new SimulatedAwsError(
      'OperationInProgressException',
      `The pool ${pool.pool.PoolId} is ${state}; ${action} it again when the change has finished.`,
    );
}

function matchesFilter(pool: SimPool, filter: DescribeWorkspacesPoolsFilter): boolean {
  const name = pool.pool.PoolName ?? '';
  const values = filter.Values ?? [];
  switch (filter.Operator) {
    case 'EQUALS':
      return values.includes(name);
    case 'NOTEQUALS':
      return !values.includes(name);
    case 'CONTAINS':
      return values.some((v) => name.includes(v));
    case 'NOTCONTAINS':
      return values.every((v) => !name.includes(v));
    case undefined:
      return true;
  }
}

function checkFilters(filters: readonly DescribeWorkspacesPoolsFilter[]): void {
  for (const filter of filters) {
    if (filter.Name !== 'PoolName')
      throw validationError('filters.member.name', 'Member must satisfy enum value set: [PoolName]');
    if (!['EQUALS', 'NOTEQUALS', 'CONTAINS', 'NOTCONTAINS'].includes(filter.Operator ?? ''))
      throw validationError(
        'filters.member.operator',
        'Member must satisfy enum value set: [EQUALS, NOTEQUALS, CONTAINS, NOTCONTAINS]',
      );
    listOf<string>({ Values: filter.Values }, 'Values', 25, { required: true });
  }
}

const describeWorkspacesPools: OperationHandler = (request, estate) => {
  const input = request.input;
  const ids = listOf<string>(input, 'PoolIds', 25);
  const filters = listOf<DescribeWorkspacesPoolsFilter>(input, 'Filters', 25) ?? [];
  const limit = intInRange(input, 'Limit', 1, 25, 25);
  checkFilters(filters);
  let pools = poolsAt(estate, request);
  if (ids) {
    if (ids.some((id) => typeof id !== 'string' || !POOL_ID.test(id)))
      throw validationError('poolIds.member', POOL_ID_CONSTRAINT);
    // Like the AppStream fleets Pools are built on, naming a pool that does not exist fails the call.
    const missing = ids.find((id) => !pools.some((p) => p.pool.PoolId === id));
    if (missing) throw notFound(`The pool ${missing}`);
    pools = pools.filter((p) => ids.includes(p.pool.PoolId ?? ''));
  }
  pools = pools.filter((p) => filters.every((f) => matchesFilter(p, f)));
  const page = pageOf('DescribeWorkspacesPools', pools, input.NextToken, limit);
  return { WorkspacesPools: page.items.map((p) => structuredClone(p.pool)), NextToken: page.nextToken };
};

const describeWorkspacesPoolSessions: OperationHandler = (request, estate) => {
  const input = request.input;
  const pool = requirePool(estate, request, poolId(input));
  const limit = intInRange(input, 'Limit', 1, 50, 20);
  let sessions = pool.sessions;
  if (typeof input.UserId === 'string') sessions = sessions.filter((s) => s.UserId === input.UserId);
  const page = pageOf('DescribeWorkspacesPoolSessions', sessions, input.NextToken, limit);
  return { Sessions: page.items.map((s) => structuredClone(s)), NextToken: page.nextToken };
};

function setCapacity(pool: SimPool, running: boolean): void {
  const status = pool.pool.CapacityStatus;
  const desired = status?.DesiredUserSessions ?? 0;
  const active = running ? pool.sessions.length : 0;
  // Scaling in never ends a session: instances with users stay until the users leave.
  const actual = running ? Math.max(Math.min(desired, pool.ceiling ?? desired), active) : 0;
  pool.pool.CapacityStatus = {
    DesiredUserSessions: desired,
    ActualUserSessions: actual,
    ActiveUserSessions: active,
    AvailableUserSessions: actual - active,
  };
}

const startWorkspacesPool: OperationHandler = (request, estate) => {
  const pool = requirePool(estate, request, poolId(request.input));
  notWhileChanging(pool, 'start');
  // The API page says AutoStop only, but a stopped AlwaysOn pool must start again (the running
  // mode can only be changed while stopped), so any STOPPED pool may start.
  if (pool.pool.State !== 'STOPPED')
    throw new SimulatedAwsError(
      'InvalidResourceStateException',
      `The pool ${pool.pool.PoolId} is ${pool.pool.State}; only a STOPPED pool can be started.`,
    );
  pool.pool.State = 'RUNNING';
  setCapacity(pool, true);
  return {};
};

const stopWorkspacesPool: OperationHandler = (request, estate) => {
  const pool = requirePool(estate, request, poolId(request.input));
  notWhileChanging(pool, 'stop');
  if (pool.pool.State !== 'RUNNING')
    throw new SimulatedAwsError(
      'InvalidResourceStateException',
      `The pool ${pool.pool.PoolId} is ${pool.pool.State}; only a RUNNING pool can be stopped.`,
    );
  // Stopping ends every session and releases every instance.
  pool.pool.State = 'STOPPED';
  pool.sessions = [];
  setCapacity(pool, false);
  return {};
};

/** TimeoutSettings ranges of the API reference (seconds). */
const TIMEOUT_RANGES: readonly (readonly [keyof TimeoutSettings, number, number])[] = [
  ['DisconnectTimeoutInSeconds', 60, 36_000],
  ['IdleDisconnectTimeoutInSeconds', 0, 36_000],
  ['MaxUserDurationInSeconds', 600, 432_000],
];

const updateWorkspacesPool: OperationHandler = (request, estate) => {
  const input = request.input;
  const pool = requirePool(estate, request, poolId(input));
  notWhileChanging(pool, 'update');
  const capacity = input.Capacity as { DesiredUserSessions?: unknown } | undefined;
  const desired = capacity?.DesiredUserSessions;
  if (capacity !== undefined && (typeof desired !== 'number' || !Number.isInteger(desired) || desired < 0))
    throw validationError(
      'capacity.desiredUserSessions',
      'Member must have value greater than or equal to 0',
    );
  const mode = input.RunningMode as PoolsRunningMode | undefined;
  if (mode !== undefined && mode !== 'ALWAYS_ON' && mode !== 'AUTO_STOP')
    throw validationError('runningMode', 'Member must satisfy enum value set: [ALWAYS_ON, AUTO_STOP]');
  if (mode !== undefined && mode !== pool.pool.RunningMode && pool.pool.State !== 'STOPPED')
    throw new SimulatedAwsError(
      'InvalidResourceStateException',
      `The running mode of pool ${pool.pool.PoolId} can only be changed while it is STOPPED; it is ${pool.pool.State}.`,
    );
  const timeouts = (input.TimeoutSettings ?? {}) as Record<string, unknown>;
  for (const [field, min, max] of TIMEOUT_RANGES) intInRange(timeouts, field, min, max, 0);
  if (
    typeof input.BundleId === 'string' &&
    !estate.personal.bundles.some(
      (b) => b.bundle.BundleId === input.BundleId && at(b, request.account, request.region),
    )
  )
    throw notFound(`The bundle ${input.BundleId}`);
  if (typeof input.DirectoryId === 'string') {
    const directory = estate.personal.directories.find(
      (d) => d.directory.DirectoryId === input.DirectoryId && at(d, request.account, request.region),
    );
    if (!directory) throw notFound(`The directory ${input.DirectoryId}`);
    if (directory.directory.WorkspaceType !== 'POOLS')
      throw new SimulatedAwsError(
        'InvalidParameterValuesException',
        `The directory ${input.DirectoryId} is not registered for WorkSpaces Pools.`,
      );
    pool.pool.DirectoryId = input.DirectoryId;
  }
  if (typeof input.BundleId === 'string') pool.pool.BundleId = input.BundleId;
  if (typeof input.Description === 'string') pool.pool.Description = input.Description;
  if (mode !== undefined) pool.pool.RunningMode = mode;
  if (input.TimeoutSettings)
    pool.pool.TimeoutSettings = { ...pool.pool.TimeoutSettings, ...(timeouts as TimeoutSettings) };
  const settings = input.ApplicationSettings as
    | { Status?: 'ENABLED' | 'DISABLED'; SettingsGroup?: string }
    | undefined;
  if (settings?.Status)
    pool.pool.ApplicationSettings = {
      ...pool.pool.ApplicationSettings,
      ...settings,
      Status: settings.Status,
    };
  if (typeof desired === 'number' && pool.pool.CapacityStatus) {
    pool.pool.CapacityStatus.DesiredUserSessions = desired;
    setCapacity(pool, pool.pool.State === 'RUNNING');
  }
  return { WorkspacesPool: structuredClone(pool.pool) };
};

const terminateWorkspacesPoolSession: OperationHandler = (request, estate) => {
  const sessionId = requiredString(request.input, 'SessionId');
  for (const pool of poolsAt(estate, request)) {
    const session = pool.sessions.find((s) => s.SessionId === sessionId);
    if (!session) continue;
    pool.sessions = pool.sessions.filter((s) => s !== session);
    setCapacity(pool, pool.pool.State === 'RUNNING' || pool.pool.State === 'UPDATING');
    return {};
  }
  throw notFound(`The pool session ${sessionId}`);
};

/** The Pools operations of the `workspaces` service. */
export const poolsWorkspacesOperations: Readonly<Record<string, OperationHandler>> = {
  DescribeWorkspacesPools: describeWorkspacesPools,
  DescribeWorkspacesPoolSessions: describeWorkspacesPoolSessions,
  StartWorkspacesPool: startWorkspacesPool,
  StopWorkspacesPool: stopWorkspacesPool,
  UpdateWorkspacesPool: updateWorkspacesPool,
  TerminateWorkspacesPoolSession: terminateWorkspacesPoolSession,
};
