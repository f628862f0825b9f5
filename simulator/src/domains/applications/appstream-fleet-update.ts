/**
 * UpdateFleet. The SDK's doc comment gives the rules: a STOPPED fleet takes any attribute but
 * its name; a RUNNING Always-On or On-Demand fleet only DisplayName, ComputeCapacity,
 * ImageARN/ImageName and the two disconnect timeouts (Elastic: DisplayName, the timeouts,
 * MaxConcurrentSessions, SessionScriptS3Location, UsbDeviceFilterStrings); a STARTING or
 * STOPPING fleet nothing. ComputeCapacity is not allowed for Elastic fleets, DesiredSessions
 * only for multi-session and DesiredInstances only for single-session ones
 * (InvalidParameterCombinationException); more capacity than the instance quota is
 * LimitExceededException. Attributes changed while RUNNING that need a stopped fleet are
 * refused with OperationNotPermittedException.
 */
import type { Fleet } from '@aws-sdk/client-appstream';
import { notFound, SimulatedAwsError, validationError } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { OperationHandler, SimRequest } from '../../handlers.js';
import { requiredString } from '../../paging.js';
import { checkQuota, perInstance, resize, transitional } from './fleet-rules.js';
import { here, INVALID_COMBINATION, requireFleet } from './lookup.js';
import type { SimAppFleet } from './model.js';

const RUNNING_UPDATABLE: Readonly<Record<'instance' | 'elastic', readonly string[]>> = {
  instance: [
    'DisplayName',
    'ComputeCapacity',
    'ImageArn',
    'ImageName',
    'IdleDisconnectTimeoutInSeconds',
    'DisconnectTimeoutInSeconds',
  ],
  elastic: [
    'DisplayName',
    'IdleDisconnectTimeoutInSeconds',
    'DisconnectTimeoutInSeconds',
    'MaxConcurrentSessions',
    'SessionScriptS3Location',
    'UsbDeviceFilterStrings',
  ],
};

function seconds(
  input: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  allowZero = false,
): void {
  const value = input[field];
  if (value === undefined || value === null) return;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    ((value < min || value > max) && !(allowZero && value === 0))
  )
    throw validationError(
      field.charAt(0).toLowerCase() + field.slice(1),
      `Member must have value between ${min} and ${max}`,
    );
}

function applyCapacity(
  estate: Estate,
  request: SimRequest,
  fleet: SimAppFleet,
  capacity: Record<string, unknown>,
): void {
  const instances = capacity.DesiredInstances;
  const sessions = capacity.DesiredSessions;
  if (fleet.sessionModel === 'elastic')
    throw new SimulatedAwsError(INVALID_COMBINATION, 'ComputeCapacity is not allowed for Elastic fleets.');
  if (instances !== undefined && sessions !== undefined)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'Specify either DesiredInstances or DesiredSessions, not both.',
    );
  if (fleet.sessionModel === 'multi' && sessions === undefined)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'Multi-session fleets take DesiredSessions, not DesiredInstances.',
    );
  if (fleet.sessionModel === 'single' && sessions !== undefined)
    throw new SimulatedAwsError(
      INVALID_COMBINATION,
      'DesiredSessions is not allowed for single-session fleets.',
    );
  const value = fleet.sessionModel === 'multi' ? sessions : instances;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw validationError('computeCapacity', 'Desired capacity must be a whole number of at least 0');
  const desiredInstances = fleet.sessionModel === 'multi' ? Math.ceil(value / perInstance(fleet)) : value;
  if (fleet.fleet.State === 'RUNNING') checkQuota(estate, request, fleet, desiredInstances);
  fleet.fleet.ComputeCapacityStatus = resize(
    fleet,
    desiredInstances,
    fleet.sessionModel === 'multi' ? value : undefined,
  );
}

function applyImage(
  estate: Estate,
  request: SimRequest,
  fleet: SimAppFleet,
  input: Record<string, unknown>,
): void {
  if (input.ImageName !== undefined && input.ImageArn !== undefined)
    throw new SimulatedAwsError(INVALID_COMBINATION, 'Specify either ImageName or ImageArn, not both.');
  const wanted = input.ImageName ?? input.ImageArn;
  if (wanted === undefined) return;
  const image = here(estate.applications.images, request).find(
    (i) => i.image.Name === wanted || i.image.Arn === wanted,
  );
  const available = image?.image.State === 'AVAILABLE' ? image.image : undefined;
  if (!available) throw notFound(`The image ${String(wanted)}`);
  fleet.fleet.ImageName = available.Name;
  fleet.fleet.ImageArn = available.Arn;
  fleet.fleet.FleetErrors = (fleet.fleet.FleetErrors ?? []).filter((e) => e.ErrorCode !== 'IMAGE_NOT_FOUND');
}

const SIMPLE_FIELDS = [
  'DisplayName',
  'Description',
  'InstanceType',
  'VpcConfig',
  'MaxUserDurationInSeconds',
  'DisconnectTimeoutInSeconds',
  'IdleDisconnectTimeoutInSeconds',
  'EnableDefaultInternetAccess',
  'DomainJoinInfo',
  'IamRoleArn',
  'StreamView',
  'Platform',
  'MaxConcurrentSessions',
  'UsbDeviceFilterStrings',
  'SessionScriptS3Location',
  'MaxSessionsPerInstance',
  'RootVolumeConfig',
  'DisableIMDSV1',
] as const;

type DeletableField =
  | 'DomainJoinInfo'
  | 'IamRoleArn'
  | 'VpcConfig'
  | 'SessionScriptS3Location'
  | 'UsbDeviceFilterStrings'
  | 'MaxSessionsPerInstance';

/** FleetAttribute values UpdateFleet's AttributesToDelete may name, and the field each clears. */
const DELETABLE: Readonly<Record<string, DeletableField>> = {
  DOMAIN_JOIN_INFO: 'DomainJoinInfo',
  IAM_ROLE_ARN: 'IamRoleArn',
  VPC_CONFIGURATION: 'VpcConfig',
  SESSION_SCRIPT_S3_LOCATION: 'SessionScriptS3Location',
  USB_DEVICE_FILTER_STRINGS: 'UsbDeviceFilterStrings',
  MAX_SESSIONS_PER_INSTANCE: 'MaxSessionsPerInstance',
};

export const appstreamFleetUpdate: OperationHandler = (request, estate) => {
  const input = request.input;
  const fleet = requireFleet(estate, request, requiredString(input, 'Name'));
  const state = fleet.fleet.State;
  if (state === 'STARTING' || state === 'STOPPING') throw transitional(fleet, 'update');
  const changing = Object.keys(input).filter((k) => k !== 'Name' && input[k] !== undefined);
  // Parameter combinations are checked before the fleet's state.
  if (fleet.sessionModel === 'elastic' && input.ComputeCapacity !== undefined)
    throw new SimulatedAwsError(INVALID_COMBINATION, 'ComputeCapacity is not allowed for Elastic fleets.');
  if (state === 'RUNNING') {
    const allowed = RUNNING_UPDATABLE[fleet.sessionModel === 'elastic' ? 'elastic' : 'instance'];
    const refused = changing.filter((k) => !allowed.includes(k));
    if (refused.length > 0)
      throw new SimulatedAwsError(
        'OperationNotPermittedException',
        `Fleet ${fleet.fleet.Name} is RUNNING: ${refused.join(', ')} can only be changed while it is STOPPED.`,
      );
  }
  seconds(input, 'MaxUserDurationInSeconds', 600, 432_000);
  seconds(input, 'DisconnectTimeoutInSeconds', 60, 36_000);
  seconds(input, 'IdleDisconnectTimeoutInSeconds', 60, 36_000, true);
  if (input.ComputeCapacity !== undefined)
    applyCapacity(estate, request, fleet, (input.ComputeCapacity ?? {}) as Record<string, unknown>);
  applyImage(estate, request, fleet, input);
  const changes = Object.fromEntries(
    SIMPLE_FIELDS.filter((field) => input[field] !== undefined).map((field) => [
      field,
      structuredClone(input[field]),
    ]),
  ) as Partial<Fleet>;
  Object.assign(fleet.fleet, changes);
  for (const attribute of (input.AttributesToDelete as string[] | undefined) ?? []) {
    const field = DELETABLE[attribute];
    if (field) delete fleet.fleet[field];
  }
  return { Fleet: structuredClone(fleet.fleet) };
};
