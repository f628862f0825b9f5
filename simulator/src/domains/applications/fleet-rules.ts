/**
 * Rules the fleet writes share: the per-instance-type quota ("instance type and size quotas are
 * per AWS account per AWS Region", summed over every fleet of that type) and how running
 * capacity follows a new desired capacity.
 */
import type { ComputeCapacityStatus } from '@aws-sdk/client-appstream';
import { SimulatedAwsError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { SimRequest } from '../../handlers.js';
import { here } from './lookup.js';
import type { SimAppFleet } from './model.js';

export const perInstance = (fleet: SimAppFleet) => Math.max(1, fleet.fleet.MaxSessionsPerInstance ?? 1);
export const launchCap = (fleet: SimAppFleet) => fleet.plan.launchCap ?? Number.POSITIVE_INFINITY;

/** Refuses capacity beyond the instance quota of the fleet's type in its (account, region). */
export function checkQuota(estate: Estate, request: SimRequest, fleet: SimAppFleet, instances: number): void {
  if (fleet.sessionModel === 'elastic') return;
  const quota = here(estate.applications.instanceQuotas, request).find(
    (q) => q.instanceType === fleet.fleet.InstanceType,
  );
  if (!quota) return;
  const others = here(estate.applications.fleets, request)
    .filter(
      (f) => f !== fleet && f.fleet.InstanceType === fleet.fleet.InstanceType && f.fleet.State !== 'STOPPED',
    )
    .reduce((sum, f) => sum + (f.fleet.ComputeCapacityStatus?.Desired ?? 0), 0);
  if (others + instances > quota.limit)
    throw new SimulatedAwsError(
      'LimitExceededException',
      `The requested capacity of ${instances} ${fleet.fleet.InstanceType} instances for fleet ${fleet.fleet.Name} exceeds the account's quota of ${quota.limit} for that instance type in ${fleet.region} (${others} already in use by other fleets).`,
    );
}

/** The running counts after desired capacity changes; in-use instances are never taken away. */
export function resize(
  fleet: SimAppFleet,
  desiredInstances: number,
  desiredSessions: number | undefined,
): ComputeCapacityStatus {
  const status = fleet.fleet.ComputeCapacityStatus ?? { Desired: 0 };
  const inUse = status.InUse ?? 0;
  const running =
    fleet.fleet.State === 'RUNNING' ? Math.max(inUse, Math.min(desiredInstances, launchCap(fleet))) : 0;
  const next: ComputeCapacityStatus = {
    ...status,
    Desired: desiredInstances,
    Running: running,
    Available: running - inUse,
  };
  if (fleet.sessionModel !== 'multi' || desiredSessions === undefined) return next;
  const active = status.ActiveUserSessions ?? 0;
  const actual =
    running === 0 ? 0 : Math.max(active, Math.min(desiredSessions, running * perInstance(fleet)));
  return {
    ...next,
    DesiredUserSessions: desiredSessions,
    ActualUserSessions: actual,
    AvailableUserSessions: actual - active,
  };
}

export function transitional(fleet: SimAppFleet, action: string): SimulatedAwsError {
  return new SimulatedAwsError(
    'ConcurrentModificationException',
    `Fleet ${fleet.fleet.Name} is ${fleet.fleet.State}; wait until the transition finishes before you ${action} it.`,
  );
}
