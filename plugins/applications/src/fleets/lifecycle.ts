/**
 * Which fleet writes are legal in which state, and what a capacity change does. From the SDK's
 * doc comments and the simulator's reading of them: StartFleet on a RUNNING fleet is
 * OperationNotPermittedException and on a STARTING/STOPPING one ConcurrentModificationException;
 * StopFleet on a STARTING fleet is ConcurrentModificationException; UpdateFleet is refused while
 * STARTING/STOPPING, takes no ComputeCapacity for Elastic fleets, DesiredSessions only for
 * multi-session and DesiredInstances only for single-session fleets
 * (InvalidParameterCombinationException). The plan skips each of these with the reason instead
 * of sending a request that fails.
 */
import type { ComputeCapacity, Fleet } from '@aws-sdk/client-appstream';
import { sessionModelOf } from './capacity.js';

const TRANSITION =
  'a transition takes minutes; wait until it ends (the API answers ConcurrentModificationException).';

/** Why StartFleet would not start the fleet now, or undefined when it would. */
export function startSkip(fleet: Fleet): string | undefined {
  switch (fleet.State) {
    case 'STOPPED':
      return undefined;
    case 'RUNNING':
      return 'already RUNNING: nothing to start.';
    case 'STARTING':
      return 'already STARTING: nothing to do.';
    case 'STOPPING':
      return `STOPPING: ${TRANSITION} Start it once it is STOPPED.`;
    case undefined:
      return 'state unknown: DescribeFleets returned none.';
  }
}

/** Why StopFleet would not stop the fleet now, or undefined when it would. */
export function stopSkip(fleet: Fleet): string | undefined {
  switch (fleet.State) {
    case 'RUNNING':
      return undefined;
    case 'STOPPED':
      return 'already STOPPED: nothing to stop.';
    case 'STOPPING':
      return 'already STOPPING: nothing to do.';
    case 'STARTING':
      return `STARTING: ${TRANSITION} Stop it once it is RUNNING.`;
    case undefined:
      return 'state unknown: DescribeFleets returned none.';
  }
}

/** Fleet errors that make StartFleet fail or leave the fleet without instances. */
export function startBlockers(fleet: Fleet): string[] {
  return (fleet.FleetErrors ?? [])
    .map((e) => e.ErrorCode ?? '')
    .filter(
      (code) =>
        code === 'IAM_SERVICE_ROLE_IS_MISSING' ||
        code === 'IMAGE_NOT_FOUND' ||
        code.startsWith('DOMAIN_JOIN'),
    );
}

/** A planned capacity change, in the fleet's unit and in instances. */
export interface CapacityChange {
  readonly unit: 'instances' | 'user sessions';
  readonly current: number;
  readonly next: number;
  readonly instancesNow: number;
  readonly instancesNext: number;
  /** Instances the change removes from desired (0 when it adds). */
  readonly instancesRemoved: number;
  readonly inUse: number;
  /** The UpdateFleet ComputeCapacity to send. */
  readonly request: ComputeCapacity;
  readonly skip?: string;
}

/**
 * The change to `desired` (instances; user sessions for multi-session fleets). The blast-radius
 * rule: on a fleet that is not STOPPED, a change that removes more instances from desired capacity
 * than `maxRemoved` (limits.maxBulkTargets, the cap every bulk write has) is refused, because each
 * removed instance is a user who may not find capacity; lower it in steps. Adding capacity is not
 * capped (it costs money, which the plan says, but cuts nobody off).
 */
export function capacityChange(
  fleet: Fleet,
  desired: number,
  maxRemoved: number,
): CapacityChange | { skip: string } {
  const model = sessionModelOf(fleet);
  if (model === 'elastic')
    return {
      skip: 'Elastic fleet: AWS provisions an instance per session, so it has no desired capacity (UpdateFleet refuses ComputeCapacity with InvalidParameterCombinationException). Change MaxConcurrentSessions instead.',
    };
  if (fleet.State === 'STARTING' || fleet.State === 'STOPPING')
    return { skip: `${fleet.State}: ${TRANSITION}` };
  const status = fleet.ComputeCapacityStatus;
  const per = model === 'multi' ? Math.max(1, fleet.MaxSessionsPerInstance ?? 1) : 1;
  const current = model === 'multi' ? (status?.DesiredUserSessions ?? 0) : (status?.Desired ?? 0);
  const instancesNow = status?.Desired ?? Math.ceil(current / per);
  const instancesNext = Math.ceil(desired / per);
  const instancesRemoved = Math.max(0, instancesNow - instancesNext);
  const inUse = model === 'multi' ? (status?.ActiveUserSessions ?? 0) : (status?.InUse ?? 0);
  const change: CapacityChange = {
    unit: model === 'multi' ? 'user sessions' : 'instances',
    current,
    next: desired,
    instancesNow,
    instancesNext,
    instancesRemoved,
    inUse,
    request: model === 'multi' ? { DesiredSessions: desired } : { DesiredInstances: desired },
  };
  if (desired === current)
    return { ...change, skip: `desired is already ${current} ${change.unit}: nothing to change.` };
  // A STOPPED fleet runs nothing: lowering its desired capacity takes no instance from anyone.
  if (instancesRemoved > maxRemoved && fleet.State !== 'STOPPED')
    return {
      ...change,
      skip: `would remove ${instancesRemoved} instances (${instancesNow} → ${instancesNext}), more than the blast-radius cap of ${maxRemoved} (limits.maxBulkTargets). Lower it in steps of at most ${maxRemoved} instances.`,
    };
  return change;
}
