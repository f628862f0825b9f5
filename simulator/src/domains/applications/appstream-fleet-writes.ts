/**
 * StartFleet, StopFleet and ExpireSession. The SDK lists each operation's error codes but not
 * which case raises which; the mapping here is our reading of their descriptions: StartFleet
 * on a RUNNING fleet is OperationNotPermittedException, on a STARTING/STOPPING one
 * ConcurrentModificationException ("wait a few minutes and try again"), with a missing service
 * role InvalidRoleException, with a deleted image ResourceNotAvailableException, beyond the
 * instance quota LimitExceededException. StopFleet documents only ConcurrentModificationException
 * and ResourceNotFoundException, so stopping a stopped fleet is a no-op. Transitions complete at
 * once here; AWS spends minutes in STARTING/STOPPING.
 */
import { SimulatedAwsError } from '../../errors.js';
import type { OperationHandler } from '../../handlers.js';
import { at } from '../../model.js';
import { requiredString } from '../../paging.js';
import { appstreamFleetUpdate } from './appstream-fleet-update.js';
import { checkQuota, perInstance, resize, transitional } from './fleet-rules.js';
import { here, requireFleet } from './lookup.js';

const startFleet: OperationHandler = (request, estate) => {
  const fleet = requireFleet(estate, request, requiredString(request.input, 'Name'));
  const state = fleet.fleet.State;
  if (state === 'STARTING' || state === 'STOPPING') throw transitional(fleet, 'start');
  if (state === 'RUNNING')
    throw new SimulatedAwsError(
      'OperationNotPermittedException',
      `Fleet ${fleet.fleet.Name} is already RUNNING.`,
    );
  const codes = new Set((fleet.fleet.FleetErrors ?? []).map((e) => e.ErrorCode));
  if (codes.has('IAM_SERVICE_ROLE_IS_MISSING'))
    throw new SimulatedAwsError(
      'InvalidRoleException',
      'The AmazonAppStreamServiceAccess service role is missing or cannot be assumed.',
    );
  if (codes.has('IMAGE_NOT_FOUND'))
    throw new SimulatedAwsError(
      'ResourceNotAvailableException',
      `The image ${fleet.fleet.ImageName} of fleet ${fleet.fleet.Name} is not available.`,
    );
  const status = fleet.fleet.ComputeCapacityStatus ?? { Desired: 0 };
  const desired = status.Desired ?? 0;
  checkQuota(estate, request, fleet, desired);
  fleet.fleet.State = 'RUNNING';
  fleet.fleet.ComputeCapacityStatus = {
    ...status,
    InUse: 0,
    ...(fleet.sessionModel === 'multi' ? { ActiveUserSessions: 0 } : {}),
  };
  // A fleet that cannot join its domain runs with no instances until the directory config is fixed.
  const domainBroken = [...codes].some((c) => c?.startsWith('DOMAIN_JOIN'));
  fleet.fleet.ComputeCapacityStatus = domainBroken
    ? { ...fleet.fleet.ComputeCapacityStatus, Running: 0, Available: 0 }
    : resize(fleet, desired, status.DesiredUserSessions);
  return {};
};

const stopFleet: OperationHandler = (request, estate) => {
  const fleet = requireFleet(estate, request, requiredString(request.input, 'Name'));
  const state = fleet.fleet.State;
  if (state === 'STARTING') throw transitional(fleet, 'stop');
  if (state === 'STOPPED' || state === 'STOPPING') return {};
  fleet.fleet.State = 'STOPPED';
  const status = fleet.fleet.ComputeCapacityStatus ?? { Desired: 0 };
  fleet.fleet.ComputeCapacityStatus = {
    ...status,
    Running: 0,
    InUse: 0,
    Available: 0,
    ...(fleet.sessionModel === 'multi'
      ? { ActiveUserSessions: 0, ActualUserSessions: 0, AvailableUserSessions: 0 }
      : {}),
  };
  // Stopping a fleet ends every session on it.
  estate.applications.sessions = estate.applications.sessions.filter(
    (s) => !(at(s, request.account, request.region) && s.session.FleetName === fleet.fleet.Name),
  );
  return {};
};

const expireSession: OperationHandler = (request, estate) => {
  const sessionId = requiredString(request.input, 'SessionId');
  const apps = estate.applications;
  const found = apps.sessions.find(
    (s) => s.session.Id === sessionId && at(s, request.account, request.region),
  );
  // ExpireSession documents no not-found error: an unknown or already-ended session is a no-op.
  if (!found) return {};
  apps.sessions = apps.sessions.filter((s) => s !== found);
  if (found.session.State === 'EXPIRED') return {};
  const fleet = here(apps.fleets, request).find((f) => f.fleet.Name === found.session.FleetName);
  const status = fleet?.fleet.ComputeCapacityStatus;
  if (!fleet || !status) return {};
  if (fleet.sessionModel === 'multi') {
    const active = Math.max(0, (status.ActiveUserSessions ?? 0) - 1);
    const inUse = Math.ceil(active / perInstance(fleet));
    fleet.fleet.ComputeCapacityStatus = {
      ...status,
      ActiveUserSessions: active,
      AvailableUserSessions: (status.ActualUserSessions ?? 0) - active,
      InUse: inUse,
      Available: (status.Running ?? 0) - inUse,
    };
  } else if (fleet.sessionModel === 'elastic') {
    const sessions = Math.max(0, (status.InUse ?? 0) - 1);
    fleet.fleet.ComputeCapacityStatus = {
      ...status,
      Desired: sessions,
      Running: sessions,
      InUse: sessions,
      Available: 0,
    };
  } else {
    // The instance is replaced; the simulator has its replacement ready at once.
    const inUse = Math.max(0, (status.InUse ?? 0) - 1);
    fleet.fleet.ComputeCapacityStatus = { ...status, InUse: inUse, Available: (status.Running ?? 0) - inUse };
  }
  return {};
};

/** StartFleet, StopFleet, UpdateFleet and ExpireSession. */
export const appstreamFleetWriteOperations = {
  StartFleet: startFleet,
  StopFleet: stopFleet,
  UpdateFleet: appstreamFleetUpdate,
  ExpireSession: expireSession,
} satisfies Record<string, OperationHandler>;
