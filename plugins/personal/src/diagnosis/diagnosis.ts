import { describeState } from '../desktops/states.js';
import { type DirectoryFacts, directoryFindings } from '../directories/directories.js';
import { capacityLevel } from '../directories/subnets.js';
import type { SnapshotFacts, WorkspaceFacts } from '../facts.js';
import {
  type ConnectionFacts,
  type ConnectionMetricFacts,
  connectionFindings,
} from './connection-findings.js';
import type { WeightedFinding } from './weighted-findings.js';

/** The first rung of the state's remediation ladder, in one line (the full ladder is in the result). */
function stateNextStep(ws: WorkspaceFacts): string | undefined {
  switch (ws.state) {
    case 'UNHEALTHY':
      return 'Wait a few minutes after a start or reboot; then reboot it; rebuild only as a last resort.';
    case 'IMPAIRED':
      return ws.runningMode === 'ALWAYS_ON'
        ? 'Open an AWS Support case if it stays IMPAIRED.'
        : 'Stop and start it; open an AWS Support case if it stays IMPAIRED.';
    case 'ERROR':
      return 'Read the error, then follow the remediation steps: restore if a snapshot exists; open a Support case if it was used and has none; relaunch only if it provably never held data.';
    case 'SUSPENDED':
      return 'Open an AWS Support case.';
    case 'ADMIN_MAINTENANCE':
      return 'Return it to AVAILABLE when maintenance is done (modify_workspace_state).';
    case 'STOPPED':
      return ws.runningMode === 'AUTO_STOP' ? undefined : 'Start it (start_workspaces).';
    case 'TERMINATING':
    case 'TERMINATED':
      return 'Launch a new desktop for the user if this was not intended.';
    default:
      return undefined;
  }
}

function stateFindings(ws: WorkspaceFacts): WeightedFinding[] {
  const findings = stateFindingsWithoutStep(ws);
  const nextStep = stateNextStep(ws);
  return nextStep ? findings.map((f) => ({ ...f, nextStep })) : findings;
}

function stateFindingsWithoutStep(ws: WorkspaceFacts): WeightedFinding[] {
  if (!ws.state)
    return [
      {
        id: 'state.unknown',
        severity: 'warning',
        title: 'State unknown',
        detail: 'AWS returned no state.',
        weight: 50,
      },
    ];
  const info = describeState(ws.state);
  const error = ws.errorCode ? ` ${ws.errorCode}: ${ws.errorMessage ?? ''}`.trimEnd() : '';
  switch (info.kind) {
    case 'ready':
      return [];
    case 'problem':
      return [
        {
          id: `state.${ws.state.toLowerCase()}`,
          severity: ws.state === 'SUSPENDED' ? 'warning' : 'critical',
          title: `Desktop is ${ws.state}`,
          detail: `${info.meaning}${error}`,
          weight: 90,
        },
      ];
    case 'gone':
      return [
        {
          id: 'state.terminating',
          severity: 'critical',
          title: `Desktop is ${ws.state}`,
          detail: info.meaning,
          weight: 95,
        },
      ];
    case 'maintenance':
      return [
        {
          id: `state.${ws.state.toLowerCase()}`,
          severity: ws.state === 'ADMIN_MAINTENANCE' ? 'warning' : 'info',
          title: `Desktop is in ${ws.state}`,
          detail: info.meaning,
          weight: 70,
        },
      ];
    case 'stopped':
      return [
        {
          id: 'state.stopped',
          severity: ws.runningMode === 'AUTO_STOP' ? 'info' : 'warning',
          title: 'Desktop is STOPPED',
          detail: info.meaning,
          weight: 60,
        },
      ];
    case 'transitional':
      return [
        {
          id: 'state.transitional',
          severity: 'info',
          title: `Desktop is ${ws.state}`,
          detail: info.meaning,
          weight: 40,
        },
      ];
  }
}

function modificationFindings(ws: WorkspaceFacts): WeightedFinding[] {
  return ws.modifications.map((m) =>
    m.state === 'UPDATE_FAILED'
      ? {
          id: 'modification.failed',
          severity: 'warning',
          title: `${m.resource} change failed`,
          detail: `A pending ${m.resource} modification is in UPDATE_FAILED; the desktop keeps its old setting.`,
          nextStep: 'Retry the change when the desktop is AVAILABLE or STOPPED, or revert the request.',
          weight: 55,
        }
      : {
          id: 'modification.pending',
          severity: 'info',
          title: `${m.resource} change in progress`,
          detail: `${m.resource} is ${m.state}; users may be disconnected until it completes.`,
          weight: 45,
        },
  );
}

function snapshotFindings(snapshots: SnapshotFacts | undefined, ws: WorkspaceFacts): WeightedFinding[] {
  if (!snapshots || snapshots.lastRestore || ws.state === 'PENDING') return [];
  return [
    {
      id: 'snapshot.none',
      severity: 'info',
      title: 'No restore snapshot',
      detail:
        'A restore would have no point to go back to; snapshots are taken about every 12 hours once the desktop is healthy.',
      weight: 20,
    },
  ];
}

function standbyFindings(ws: WorkspaceFacts): WeightedFinding[] {
  return ws.related.map((r) => ({
    id: 'standby.related',
    severity: 'info' as const,
    title: r.type === 'STANDBY' ? 'Has a standby desktop' : 'Is a standby desktop',
    detail: `${r.type === 'STANDBY' ? 'Standby' : 'Primary'} ${r.workspaceId} in ${r.region}${r.type === 'STANDBY' ? ' can take over during a regional outage.' : '.'}`,
    weight: 5,
  }));
}

/** Everything the connectivity diagnosis looks at; undefined parts could not be read. */
export interface DiagnosisInput {
  readonly workspace: WorkspaceFacts;
  readonly connection: ConnectionFacts | undefined;
  readonly directory: DirectoryFacts | undefined;
  readonly snapshots: SnapshotFacts | undefined;
  readonly metrics: ConnectionMetricFacts | undefined;
  readonly now: Date;
}

const CAPACITY_FINDINGS = new Set([
  'directory.ips-exhausted',
  'directory.ips-low',
  'directory.subnet-full',
  'directory.subnet-missing',
]);

/** An error that names subnet address exhaustion (AWS's wording varies: capacity, IP addresses). */
const ADDRESS_ERROR = /subnet|ip address|insufficient capacity/i;

/** All findings for one desktop, unranked (rank them with `rankFindings`). */
export function diagnoseWorkspace(input: DiagnosisInput): WeightedFinding[] {
  const { workspace } = input;
  // When the desktop's own error names the subnet, the directory's free IPs are the cause: rank
  // them above the state they explain.
  const addressError = ADDRESS_ERROR.test(`${workspace.errorCode ?? ''} ${workspace.errorMessage ?? ''}`);
  // Otherwise they do not stop this user connecting: they are context for the rebuild rung.
  const directory = input.directory
    ? directoryFindings(input.directory, { context: 'desktop', capacityWeight: addressError ? 95 : 75 }).map(
        (finding): WeightedFinding =>
          CAPACITY_FINDINGS.has(finding.id) && !addressError ? { ...finding, severity: 'info' } : finding,
      )
    : [];
  const capacity = input.directory?.capacity;
  if (addressError && capacity && capacity.subnets.length > 0 && capacityLevel(capacity) === 'ok')
    directory.push({
      id: 'directory.ips-recovered',
      severity: 'info',
      title: `The error names subnet capacity, but the directory's subnets now have ${capacity.free} free IPs`,
      detail: 'The shortage that failed this desktop has passed; the desktop itself still needs fixing.',
      weight: 60,
    });
  return [
    ...stateFindings(workspace),
    ...directory,
    ...modificationFindings(workspace),
    ...connectionFindings(input.connection, input.metrics, workspace, input.now),
    ...snapshotFindings(input.snapshots, workspace),
    ...standbyFindings(workspace),
  ];
}
