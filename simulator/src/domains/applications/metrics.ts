/**
 * AWS/AppStream fleet metrics (dimension `Fleet`) at 60-second resolution, read from the
 * capacity model. Names and formulas from the administration guide's "Fleet Usage Metrics":
 * single-session fleets publish Actual/Available/Desired/InUse/Pending capacity,
 * CapacityUtilization = InUse / Actual × 100, RunningCapacity (Always-On fleets only) and
 * InsufficientCapacityError (session requests refused; read it with Sum); multi-session fleets
 * publish CapacityUtilization = ActiveUserSessionCapacity / ActualUserSessionCapacity × 100 and
 * the Actual/Available/Active/Desired/PendingUserSessionCapacity series. A stopped fleet, or one
 * not yet created, publishes nothing.
 */
import type { Estate, MetricProvider } from '../../estate-model.js';
import type { MetricKey, MetricSource } from '../../metric-source.js';
import { singleDimension } from '../../metric-source.js';
import { type AppFleetCapacity, capacityAt } from './capacity.js';
import type { SimAppFleet } from './model.js';

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0;
}

/** One metric of one fleet from its capacity in that minute; undefined = not published. */
export function fleetMetric(fleet: SimAppFleet, metricName: string, c: AppFleetCapacity): number | undefined {
  if (metricName === 'InsufficientCapacityError') return c.rejected;
  const sessions = c.userSessions;
  if (sessions) {
    switch (metricName) {
      case 'CapacityUtilization':
        return percent(sessions.active, sessions.actual);
      case 'ActualUserSessionCapacity':
        return sessions.actual;
      case 'AvailableUserSessionCapacity':
        return sessions.available;
      case 'ActiveUserSessionCapacity':
        return sessions.active;
      case 'DesiredUserSessionCapacity':
        return sessions.desired;
      case 'PendingUserSessionCapacity':
        return sessions.pending;
    }
    return undefined;
  }
  switch (metricName) {
    case 'ActualCapacity':
      return c.running;
    case 'AvailableCapacity':
      return c.available;
    case 'CapacityUtilization':
      return percent(c.inUse, c.running);
    case 'DesiredCapacity':
      return c.desired;
    case 'InUseCapacity':
      return c.inUse;
    case 'PendingCapacity':
      return c.pending;
    case 'RunningCapacity':
      return fleet.fleet.FleetType === 'ALWAYS_ON' ? c.running : undefined;
  }
  return undefined;
}

/** An index of fleets by (account, region, name), rebuilt when the fleet list changes. */
const fleetIndex = new WeakMap<SimAppFleet[], Map<string, SimAppFleet>>();

export function findFleetByName(
  estate: Estate,
  account: string,
  region: string,
  name: string,
): SimAppFleet | undefined {
  const fleets = estate.applications.fleets;
  let index = fleetIndex.get(fleets);
  if (!index || index.size !== fleets.length) {
    index = new Map(fleets.map((f) => [`${f.account}|${f.region}|${f.fleet.Name}`, f]));
    fleetIndex.set(fleets, index);
  }
  return index.get(`${account}|${region}|${name}`);
}

/** Serves AWS/AppStream metrics with the Fleet dimension. */
export const applicationsMetrics: MetricProvider = (
  key: MetricKey,
  estate: Estate,
): MetricSource | undefined => {
  if (key.namespace !== 'AWS/AppStream') return undefined;
  const name = singleDimension(key, 'Fleet');
  if (!name) return undefined;
  const fleet = findFleetByName(estate, key.account, key.region, name);
  if (!fleet) return undefined;
  return {
    resolutionSeconds: 60,
    sample: (t) => {
      const capacity = capacityAt(fleet, t);
      return capacity ? fleetMetric(fleet, key.metricName, capacity) : undefined;
    },
  };
};
