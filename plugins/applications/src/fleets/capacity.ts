import type { Fleet } from '@aws-sdk/client-appstream';

/**
 * How a fleet streams: one user per instance, several (multi-session: MaxSessionsPerInstance is
 * set, capacity is counted in user sessions), or Elastic (AWS-managed pool, no provisioned
 * capacity: ComputeCapacityStatus says nothing about headroom).
 */
export type SessionModel = 'single' | 'multi' | 'elastic';

export function sessionModelOf(fleet: Fleet): SessionModel {
  if (fleet.FleetType === 'ELASTIC') return 'elastic';
  if ((fleet.MaxSessionsPerInstance ?? 0) > 1) return 'multi';
  return 'single';
}

/** The capacity numbers an admin reads, in the unit the fleet is sized in. */
export interface CapacityView {
  readonly model: SessionModel;
  /** `instances` for single-session fleets, `user sessions` for multi-session ones. */
  readonly unit: 'instances' | 'user sessions';
  readonly desired: number;
  /** Instances running (single), or user-session slots on running instances (multi: Actual). */
  readonly actual: number;
  readonly inUse: number;
  readonly available: number;
}

/** The capacity of a fleet as DescribeFleets reports it; undefined for Elastic fleets. */
export function capacityView(fleet: Fleet): CapacityView | undefined {
  const status = fleet.ComputeCapacityStatus;
  const model = sessionModelOf(fleet);
  switch (model) {
    case 'elastic':
      return undefined;
    case 'multi':
      return {
        model,
        unit: 'user sessions',
        desired: status?.DesiredUserSessions ?? 0,
        actual: status?.ActualUserSessions ?? 0,
        inUse: status?.ActiveUserSessions ?? 0,
        available: status?.AvailableUserSessions ?? 0,
      };
    case 'single':
      return {
        model,
        unit: 'instances',
        desired: status?.Desired ?? 0,
        actual: status?.Running ?? 0,
        inUse: status?.InUse ?? 0,
        available: status?.Available ?? 0,
      };
  }
}

/** What the capacity says right now. */
export type CapacityVerdict =
  | { readonly kind: 'exhausted'; readonly view: CapacityView }
  | { readonly kind: 'below-desired'; readonly view: CapacityView }
  | { readonly kind: 'ok' };

/**
 * Exhausted: nothing available and every running slot in use (the next user gets "no streaming
 * resources available"). Below desired: fewer running than desired. Only a RUNNING fleet is
 * judged (a STARTING fleet is still filling up; a STOPPED one has no capacity by design), and
 * never an Elastic fleet, which has no pooled capacity to exhaust.
 */
export function capacityVerdict(fleet: Fleet): CapacityVerdict {
  if (fleet.State !== 'RUNNING') return { kind: 'ok' };
  const view = capacityView(fleet);
  if (!view) return { kind: 'ok' };
  if (view.actual > 0 && view.available === 0 && view.inUse >= view.actual)
    return { kind: 'exhausted', view };
  if (view.actual < view.desired) return { kind: 'below-desired', view };
  return { kind: 'ok' };
}

/** "10 of 10 instances in use, 0 available (desired 22)". */
export function describeCapacity(view: CapacityView): string {
  return `${view.inUse} of ${view.actual} ${view.unit} in use, ${view.available} available (desired ${view.desired})`;
}
