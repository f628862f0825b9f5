/**
 * AWS/WorkSpaces metrics of WorkSpaces Pools, one datapoint a minute (WorkSpaces Pools admin
 * guide, "WorkSpaces Pools metrics and dimensions"). The dimension name is literally
 * `WorkSpaces pool ID`, with spaces. The guide writes the namespace `AWS/Workspaces`; CloudWatch
 * namespaces are case-sensitive and WorkSpaces publishes under `AWS/WorkSpaces`, as for desktops.
 */
import type { Estate, MetricProvider } from '../../estate-model.js';
import type { MetricKey, MetricSource } from '../../metric-source.js';
import { singleDimension } from '../../metric-source.js';
import { type CapacitySample, capacityAt } from './demand.js';
import type { SimPool } from './model.js';

export const POOL_DIMENSION = 'WorkSpaces pool ID';

const POOL_METRICS = new Set([
  'ActiveUserSessionCapacity',
  'ActualUserSessionCapacity',
  'AvailableUserSessionCapacity',
  'DesiredUserSessionCapacity',
  'PendingUserSessionCapacity',
  'UserSessionsCapacityUtilization',
  'InsufficientCapacityError',
]);

function metricValue(sample: CapacitySample, metricName: string): number | undefined {
  switch (metricName) {
    case 'ActiveUserSessionCapacity':
      return sample.active;
    case 'ActualUserSessionCapacity':
      return sample.actual;
    case 'AvailableUserSessionCapacity':
      return sample.available;
    case 'DesiredUserSessionCapacity':
      return sample.desired;
    case 'PendingUserSessionCapacity':
      return sample.pending;
    case 'UserSessionsCapacityUtilization':
      // (ActiveUserSessionCapacity / ActualUserSessionCapacity) * 100; nothing to divide by at 0.
      return sample.actual > 0 ? Math.round((sample.active / sample.actual) * 10_000) / 100 : 0;
    case 'InsufficientCapacityError':
      return sample.rejected;
  }
  return undefined;
}

const poolIndex = new WeakMap<SimPool[], Map<string, SimPool>>();

function findPool(estate: Estate, account: string, region: string, id: string): SimPool | undefined {
  const pools = estate.pools.pools;
  let index = poolIndex.get(pools);
  if (!index || index.size !== pools.length) {
    index = new Map(pools.map((p) => [`${p.account}|${p.region}|${p.pool.PoolId}`, p]));
    poolIndex.set(pools, index);
  }
  return index.get(`${account}|${region}|${id}`);
}

/** Serves the Pools capacity metrics with the `WorkSpaces pool ID` dimension. */
export const poolsMetrics: MetricProvider = (key: MetricKey, estate: Estate): MetricSource | undefined => {
  if (key.namespace !== 'AWS/WorkSpaces') return undefined;
  const id = singleDimension(key, POOL_DIMENSION);
  if (!id) return undefined;
  const pool = findPool(estate, key.account, key.region, id);
  if (!pool || !POOL_METRICS.has(key.metricName)) return undefined;
  const createdAt = pool.pool.CreatedAt?.getTime() ?? 0;
  return {
    resolutionSeconds: 60,
    sample: (t) => {
      const sample = capacityAt(id, pool.profile, createdAt, t);
      return sample ? metricValue(sample, key.metricName) : undefined;
    },
  };
};
