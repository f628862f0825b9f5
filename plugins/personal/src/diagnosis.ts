import type { RunningMode, WorkspaceState } from '@aws-sdk/client-workspaces';
import { type DirectoryFacts, directoryFindings } from './directories.js';
import type { WeightedFinding } from './findings.js';
import { describeState } from './states.js';

/** The desktop as DescribeWorkspaces returned it, reduced to what the diagnosis reads. */
export interface WorkspaceFacts {
  readonly workspaceId: string;
  readonly state: WorkspaceState | undefined;
  readonly runningMode: RunningMode | undefined;
  readonly protocols: readonly string[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly modifications: readonly { readonly resource: string; readonly state: string }[];
  readonly related: readonly {
    readonly workspaceId: string;
    readonly type: string;
    readonly region: string;
  }[];
}

/** DescribeWorkspacesConnectionStatus for the desktop. */
export interface ConnectionFacts {
  readonly state: string | undefined;
  readonly lastUserConnection: Date | undefined;
}

/** DescribeWorkspaceSnapshots: the newest restore and rebuild points. */
export interface SnapshotFacts {
  readonly lastRestore: Date | undefined;
  readonly lastRebuild: Date | undefined;
}

/** Connection metrics over the lookback; counts are Sums, times are Averages; null = no data. */
export interface ConnectionMetricFacts {
  readonly lookbackHours: number;
  readonly attempts: number | null;
  readonly failures: number | null;
  readonly latencyMs: number | null;
  readonly launchSeconds: number | null;
}

// Thresholds for connection-quality findings. AWS recommends under 100 ms round trip for a good
// streaming experience (WorkSpaces client "Network health check" guidance); above ~250 ms users
// notice lag on every keystroke.
export const LATENCY_WARN_MS = 250;
export const LAUNCH_WARN_SECONDS = 60;
const STALE_CONNECTION_DAYS = 30;
const DAY_MS = 86_400_000;

function stateFindings(ws: WorkspaceFacts): WeightedFinding[] {
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

function connectionFindings(
  connection: ConnectionFacts | undefined,
  metrics: ConnectionMetricFacts | undefined,
  ws: WorkspaceFacts,
  now: Date,
): WeightedFinding[] {
  const findings: WeightedFinding[] = [];
  if (connection?.state === 'CONNECTED')
    findings.push({
      id: 'connection.connected',
      severity: 'info',
      title: 'A user is connected now',
      detail: 'ConnectionState is CONNECTED.',
      weight: 10,
    });
  if (connection && connection.lastUserConnection === undefined)
    findings.push({
      id: 'connection.never',
      severity: 'info',
      title: 'No recorded user connection',
      detail: 'AWS has no last-known user connection for this desktop.',
      weight: 15,
    });
  else if (connection?.lastUserConnection) {
    const days = Math.floor((now.getTime() - connection.lastUserConnection.getTime()) / DAY_MS);
    if (days >= STALE_CONNECTION_DAYS)
      findings.push({
        id: 'connection.stale',
        severity: 'info',
        title: `Last user connection ${days} days ago`,
        detail: `Last known user connection: ${connection.lastUserConnection.toISOString()}.`,
        weight: 15,
      });
  }
  if (!metrics) return findings;
  const { attempts, failures, lookbackHours } = metrics;
  if (failures !== null && failures > 0) {
    const of = attempts !== null ? `${failures} of ${attempts}` : `${failures}`;
    const allFailed = attempts !== null && attempts >= 3 && failures >= attempts;
    findings.push({
      id: 'connection.failures',
      severity: allFailed ? 'critical' : 'warning',
      title: `${of} connection attempts failed in the last ${lookbackHours} h`,
      detail: allFailed
        ? 'Every connection attempt failed: the user cannot get in.'
        : 'Some connection attempts failed (authentication, network or capacity at connect time).',
      nextStep: "Check the user's network ports and the directory's IP access groups; then reboot.",
      weight: 80,
    });
  } else if (attempts === null && ws.protocols.length > 0 && !ws.protocols.includes('PCOIP'))
    findings.push({
      id: 'metrics.wsp-no-connection-metrics',
      severity: 'info',
      title: 'No connection-attempt metrics',
      detail: 'ConnectionAttempt/Failure are documented for PCoIP; a DCV (WSP) desktop may publish none.',
      weight: 5,
    });
  if (metrics.latencyMs !== null && metrics.latencyMs >= LATENCY_WARN_MS)
    findings.push({
      id: 'connection.latency',
      severity: 'warning',
      title: `High in-session latency (${Math.round(metrics.latencyMs)} ms average)`,
      detail: `Round trip above ${LATENCY_WARN_MS} ms makes typing and the mouse lag; AWS recommends under 100 ms.`,
      nextStep: 'Check the user’s distance to the region and their network; consider a closer region.',
      weight: 30,
    });
  if (metrics.launchSeconds !== null && metrics.launchSeconds >= LAUNCH_WARN_SECONDS)
    findings.push({
      id: 'connection.slow-launch',
      severity: 'warning',
      title: `Slow session launch (${Math.round(metrics.launchSeconds)} s average)`,
      detail:
        'Sessions take over a minute to launch: large profiles, slow logon scripts or GPOs, or a starting AutoStop desktop.',
      weight: 25,
    });
  return findings;
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

/** All findings for one desktop, unranked (rank them with `rankFindings`). */
export function diagnoseWorkspace(input: DiagnosisInput): WeightedFinding[] {
  const { workspace } = input;
  return [
    ...stateFindings(workspace),
    ...(input.directory ? directoryFindings(input.directory) : []),
    ...modificationFindings(workspace),
    ...connectionFindings(input.connection, input.metrics, workspace, input.now),
    ...snapshotFindings(input.snapshots, workspace),
    ...standbyFindings(workspace),
  ];
}
