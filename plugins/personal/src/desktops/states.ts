import type { RunningMode, WorkspaceState } from '@aws-sdk/client-workspaces';

/**
 * What each of the 17 WorkspaceState values means and which lifecycle actions it allows.
 * Sources: the WorkSpaces API reference (SDK 3.1048.0 doc comments for RebootWorkspaces,
 * RebuildWorkspaces, RestoreWorkspace, StartWorkspaces, StopWorkspaces, TerminateWorkspaces,
 * ModifyWorkspaceState, ModifyWorkspaceProperties) and the admin guide's troubleshooting pages.
 */

/** Every WorkspaceState, in the SDK's order. */
export const WORKSPACE_STATES = [
  'ADMIN_MAINTENANCE',
  'AVAILABLE',
  'ERROR',
  'IMPAIRED',
  'MAINTENANCE',
  'PENDING',
  'REBOOTING',
  'REBUILDING',
  'RESTORING',
  'STARTING',
  'STOPPED',
  'STOPPING',
  'SUSPENDED',
  'TERMINATED',
  'TERMINATING',
  'UNHEALTHY',
  'UPDATING',
] as const satisfies readonly WorkspaceState[];

/** A lifecycle action an admin (or a tool) can take on a desktop. */
export type WorkspaceAction =
  | 'start'
  | 'stop'
  | 'reboot'
  | 'rebuild'
  | 'restore'
  | 'terminate'
  | 'modify_properties'
  | 'enter_admin_maintenance'
  | 'leave_admin_maintenance';

export const WORKSPACE_ACTIONS: readonly WorkspaceAction[] = [
  'start',
  'stop',
  'reboot',
  'rebuild',
  'restore',
  'terminate',
  'modify_properties',
  'enter_admin_maintenance',
  'leave_admin_maintenance',
];

/** How a state reads to an admin: ready, on its way somewhere, stopped, in trouble, held, or gone. */
export type StateKind = 'ready' | 'transitional' | 'stopped' | 'problem' | 'maintenance' | 'gone';

export interface StateInfo {
  readonly kind: StateKind;
  /** One sentence for the admin. Inferences (AWS does not document the state) say so. */
  readonly meaning: string;
}

/** The meaning of a WorkspaceState. Exhaustive: a new SDK state fails the type check here. */
export function describeState(state: WorkspaceState): StateInfo {
  switch (state) {
    case 'AVAILABLE':
      return { kind: 'ready', meaning: 'Running and accepting user connections.' };
    case 'PENDING':
      return { kind: 'transitional', meaning: 'Being created; users cannot connect yet.' };
    case 'STARTING':
      return { kind: 'transitional', meaning: 'Starting; it becomes AVAILABLE within a few minutes.' };
    case 'REBOOTING':
      return { kind: 'transitional', meaning: 'Rebooting; it should be AVAILABLE again within minutes.' };
    case 'REBUILDING':
      return {
        kind: 'transitional',
        meaning: 'Being rebuilt: root volume from the bundle image, user volume from the last snapshot.',
      };
    case 'RESTORING':
      return { kind: 'transitional', meaning: 'Being restored to its last restore snapshot.' };
    case 'UPDATING':
      return {
        kind: 'transitional',
        meaning: 'A property change (compute type, volumes, protocol) is being applied.',
      };
    case 'STOPPING':
      return { kind: 'transitional', meaning: 'Stopping (AutoStop or Manual running mode).' };
    case 'STOPPED':
      return {
        kind: 'stopped',
        meaning:
          'Stopped. AutoStop desktops start when the user signs in from a client; Manual ones need an admin start.',
      };
    case 'UNHEALTHY':
      return {
        kind: 'problem',
        meaning:
          "The service's periodic health checks get no answer from the desktop (blocked ports, high CPU, a changed computer name, or the SkyLightWorkSpacesConfigService service not running).",
      };
    case 'IMPAIRED':
      return {
        kind: 'problem',
        meaning:
          'Impaired: AWS does not document this state in the admin guide; treat it as needing attention (stop/start or escalate). This reading is an inference.',
      };
    case 'ERROR':
      return {
        kind: 'problem',
        meaning: 'The desktop failed an operation and is in an error state; see its ErrorCode/ErrorMessage.',
      };
    case 'SUSPENDED':
      return {
        kind: 'problem',
        meaning:
          'Suspended: not explained in the admin guide; usually an account or billing hold. Contact AWS Support. This reading is an inference.',
      };
    case 'MAINTENANCE':
      return {
        kind: 'maintenance',
        meaning: 'In its scheduled maintenance window (updates being installed); connections may fail.',
      };
    case 'ADMIN_MAINTENANCE':
      return {
        kind: 'maintenance',
        meaning:
          'Put in admin maintenance by an administrator: users cannot sign in, and it will not be stopped, rebooted, rebuilt or restored.',
      };
    case 'TERMINATING':
      return { kind: 'gone', meaning: 'Being terminated; the desktop and its data are being deleted.' };
    case 'TERMINATED':
      return {
        kind: 'gone',
        meaning: 'Terminated; this state shows only briefly before the desktop disappears from the API.',
      };
  }
}

/** Whether an action is legal now; a legal action may still carry a caution. */
export type Legality =
  | { readonly legal: true; readonly caution?: string }
  | { readonly legal: false; readonly reason: string };

const REBOOTABLE: readonly WorkspaceState[] = ['AVAILABLE', 'UNHEALTHY', 'REBOOTING'];
const REBUILDABLE: readonly WorkspaceState[] = ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED', 'REBOOTING'];
const RESTORABLE: readonly WorkspaceState[] = ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED'];
const STOPPABLE: readonly WorkspaceState[] = ['AVAILABLE', 'IMPAIRED', 'UNHEALTHY', 'ERROR'];
const MODIFIABLE: readonly WorkspaceState[] = ['AVAILABLE', 'STOPPED'];

function among(states: readonly WorkspaceState[]): string {
  return states.join(', ');
}

/** What the admin can do instead, for the states that have a clear way out. */
function wayOut(state: WorkspaceState): string {
  switch (state) {
    case 'ADMIN_MAINTENANCE':
      return ' Return it to AVAILABLE first (modify_workspace_state).';
    case 'SUSPENDED':
      return ' A SUSPENDED desktop needs AWS Support.';
    default:
      return '';
  }
}

function refuse(action: string, state: WorkspaceState, allowed: readonly WorkspaceState[]): Legality {
  return {
    legal: false,
    reason: `cannot ${action} a desktop in ${state}; AWS allows it only from ${among(allowed)}.${wayOut(state)}`,
  };
}

/**
 * Whether `action` is legal for a desktop in `state` with `runningMode`. Mirrors the API's own
 * rules so a plan can skip a target instead of sending a request AWS would reject.
 */
export function actionLegality(
  action: WorkspaceAction,
  state: WorkspaceState,
  runningMode: RunningMode | undefined,
): Legality {
  switch (action) {
    case 'reboot':
      if (!REBOOTABLE.includes(state)) return refuse('reboot', state, REBOOTABLE);
      if (state === 'REBOOTING')
        return {
          legal: true,
          caution:
            'Already REBOOTING: AWS accepts another reboot only once it has been stuck for more than 20 minutes.',
        };
      return { legal: true };
    case 'rebuild':
      return REBUILDABLE.includes(state) ? { legal: true } : refuse('rebuild', state, REBUILDABLE);
    case 'restore':
      return RESTORABLE.includes(state) ? { legal: true } : refuse('restore', state, RESTORABLE);
    case 'start':
    case 'stop': {
      if (runningMode === 'ALWAYS_ON')
        return {
          legal: false,
          reason: `cannot ${action} an ALWAYS_ON desktop; only AUTO_STOP and MANUAL desktops can be started and stopped.`,
        };
      if (action === 'start')
        return state === 'STOPPED'
          ? { legal: true }
          : { legal: false, reason: `cannot start a desktop in ${state}; only STOPPED desktops start.` };
      return STOPPABLE.includes(state) ? { legal: true } : refuse('stop', state, STOPPABLE);
    }
    case 'terminate':
      if (state === 'SUSPENDED')
        return { legal: false, reason: 'cannot terminate a SUSPENDED desktop; AWS refuses it.' };
      if (state === 'TERMINATING' || state === 'TERMINATED')
        return { legal: false, reason: `already ${state}; nothing to do.` };
      return { legal: true };
    case 'modify_properties':
      return MODIFIABLE.includes(state)
        ? { legal: true }
        : refuse('modify the properties of', state, MODIFIABLE);
    case 'enter_admin_maintenance':
      if (state === 'ADMIN_MAINTENANCE') return { legal: false, reason: 'already in ADMIN_MAINTENANCE.' };
      return state === 'AVAILABLE'
        ? { legal: true }
        : refuse('put into ADMIN_MAINTENANCE', state, ['AVAILABLE']);
    case 'leave_admin_maintenance':
      if (state === 'AVAILABLE') return { legal: false, reason: 'already AVAILABLE.' };
      return state === 'ADMIN_MAINTENANCE'
        ? { legal: true }
        : refuse('return to AVAILABLE', state, ['ADMIN_MAINTENANCE']);
  }
}

/** The actions legal now, in the order an admin would consider them. */
export function allowedActions(
  state: WorkspaceState,
  runningMode: RunningMode | undefined,
): WorkspaceAction[] {
  return WORKSPACE_ACTIONS.filter((action) => actionLegality(action, state, runningMode).legal);
}

/** Narrows an SDK string to a known WorkspaceState (the SDK types it, but old data may not). */
export function isWorkspaceState(value: string | undefined): value is WorkspaceState {
  return value !== undefined && (WORKSPACE_STATES as readonly string[]).includes(value);
}
