/**
 * The diagnosis of one pool from plain data: its state, each reported error code (cause and fix
 * from pool-errors.ts), its capacity, its directory, its live sessions and what CloudWatch says of
 * the lookback window. Status is the worst finding: info → healthy, warning → degraded,
 * critical → unhealthy.
 */
import type { WorkspaceDirectory, WorkspacesPool, WorkspacesPoolState } from '@aws-sdk/client-workspaces';
import type { Severity } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { basisLabel, poolErrorHint } from './audit/pool-errors.js';
import { capacityOf, judgeCapacity } from './capacity.js';
import type { SessionCounts } from './sessions.js';

/** One finding of a diagnosis. */
export const DiagnosisFinding = Type.Object({
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
  title: Type.String(),
  detail: Type.Optional(Type.String()),
  fix: Type.Optional(Type.String()),
});
export type DiagnosisFinding = Static<typeof DiagnosisFinding>;

/** The overall verdict. */
export type DiagnosisStatus = 'healthy' | 'degraded' | 'unhealthy';

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

export function statusOf(findings: readonly DiagnosisFinding[]): DiagnosisStatus {
  const worst = Math.max(0, ...findings.map((f) => RANK[f.severity]));
  return worst === 2 ? 'unhealthy' : worst === 1 ? 'degraded' : 'healthy';
}

/** What one pool's state means for its users. */
export function stateFinding(state: WorkspacesPoolState | undefined): DiagnosisFinding {
  switch (state) {
    case 'RUNNING':
      return { severity: 'info', title: 'Pool is RUNNING' };
    case 'UPDATING':
      return {
        severity: 'info',
        title: 'Pool is UPDATING',
        detail:
          'It keeps serving sessions while instances are replaced; other changes wait until it is RUNNING.',
      };
    case 'STARTING':
    case 'CREATING':
      return {
        severity: 'info',
        title: `Pool is ${state}`,
        detail: 'Instances are launching; users get sessions once capacity is up (minutes).',
      };
    case 'STOPPING':
      return {
        severity: 'info',
        title: 'Pool is STOPPING',
        detail: 'Sessions are ending; it will have no capacity.',
      };
    case 'STOPPED':
      return {
        severity: 'warning',
        title: 'Pool is STOPPED: no user can get a session',
        fix: 'Start it (start_workspaces_pool) if users need it.',
      };
    case 'DELETING':
      return {
        severity: 'warning',
        title: 'Pool is being DELETED',
        detail: 'It will not serve sessions again.',
      };
    case undefined:
      return { severity: 'warning', title: 'Pool state unknown' };
  }
}

/** One critical finding per reported error code, with cause and fix and where the fix comes from. */
export function errorFindings(pool: WorkspacesPool): DiagnosisFinding[] {
  return (pool.Errors ?? []).map((error) => {
    const hint = poolErrorHint(error.ErrorCode);
    return {
      severity: 'critical',
      title: `Pool error ${error.ErrorCode ?? 'UNKNOWN'}`,
      detail: `${hint.cause}${error.ErrorMessage ? ` AWS: ${error.ErrorMessage}` : ''}`,
      fix: `${hint.fix} (${basisLabel(hint.basis)})`,
    };
  });
}

/** Exhausted (critical) and below desired (warning), from CapacityStatus. */
export function capacityFindings(
  pool: WorkspacesPool,
  sessions: SessionCounts | undefined,
): DiagnosisFinding[] {
  const verdict = judgeCapacity(pool);
  const { desired, actual, active } = capacityOf(pool);
  const findings: DiagnosisFinding[] = [];
  if (verdict.noCapacity)
    findings.push({
      severity: 'critical',
      title: `No session capacity (0 of ${desired} desired)`,
      detail: 'No instance is running: every user is turned away.',
      fix: 'Fix the pool errors; if there are none, the pool may still be scaling up.',
    });
  // Exhausted means users hold every session; with no instance at all it is the finding above.
  else if (verdict.exhausted && active > 0) {
    const held =
      sessions && sessions.notConnected > 0
        ? ` ${sessions.notConnected} of the sessions are NOT_CONNECTED and hold an instance until DisconnectTimeout (${pool.TimeoutSettings?.DisconnectTimeoutInSeconds ?? '?'} s).`
        : '';
    findings.push({
      severity: 'critical',
      title: 'Session capacity exhausted',
      detail: `All ${actual} session(s) are in use (Active ${active}); the next user is turned away.${held}`,
      fix: 'Raise DesiredUserSessions (update_workspaces_pool_capacity; see analyze_pool_capacity) or shorten the disconnect/idle timeouts.',
    });
  }
  if (verdict.belowDesired)
    findings.push({
      severity: 'warning',
      title: `Capacity below desired (${actual}/${desired})`,
      detail:
        (pool.Errors ?? []).length > 0
          ? 'The pool errors above hold capacity down.'
          : 'No error reported: a scale-up may still be in progress.',
      fix: 'Fix the reported errors; raising DesiredUserSessions does not help while they last.',
    });
  return findings;
}

/** The pool's directory: missing, not registered, not a Pools directory, or reporting an error. */
export function directoryFindings(
  directoryId: string | undefined,
  directory: WorkspaceDirectory | undefined,
): DiagnosisFinding[] {
  if (!directoryId) return [{ severity: 'warning', title: 'Pool names no directory' }];
  if (!directory)
    return [
      {
        severity: 'critical',
        title: `Directory ${directoryId} not found`,
        detail: poolErrorHint('DIRECTORY_NOT_FOUND').cause,
        fix: poolErrorHint('DIRECTORY_NOT_FOUND').fix,
      },
    ];
  const findings: DiagnosisFinding[] = [];
  if (directory.State !== 'REGISTERED')
    findings.push({
      severity: 'critical',
      title: `Directory ${directoryId} is ${directory.State ?? 'UNKNOWN'}, not REGISTERED`,
      fix: 'Register the directory for WorkSpaces Pools again.',
    });
  if (directory.WorkspaceType && directory.WorkspaceType !== 'POOLS')
    findings.push({
      severity: 'critical',
      title: `Directory ${directoryId} is a ${directory.WorkspaceType} directory, not POOLS`,
      fix: 'Point the pool at a directory registered for Pools.',
    });
  if (directory.ErrorMessage)
    findings.push({
      severity: 'warning',
      title: `Directory ${directoryId} reports an error`,
      detail: directory.ErrorMessage,
    });
  if (findings.length === 0)
    findings.push({ severity: 'info', title: `Directory ${directoryId} is REGISTERED` });
  return findings;
}

/** Sessions turned away (InsufficientCapacityError) in the window. */
export function rejectionFinding(rejected: number, hours: number): DiagnosisFinding | undefined {
  if (rejected <= 0) return undefined;
  return {
    severity: 'critical',
    title: `${rejected} session request(s) turned away in ${hours} h (InsufficientCapacityError)`,
    detail: 'Retries count again, so fewer users than requests may be affected.',
    fix: 'Raise DesiredUserSessions for the busy hours (analyze_pool_capacity) and alarm on InsufficientCapacityError.',
  };
}

/** Idle sessions are never disconnected. */
export function timeoutFindings(pool: WorkspacesPool): DiagnosisFinding[] {
  return pool.TimeoutSettings?.IdleDisconnectTimeoutInSeconds === 0
    ? [
        {
          severity: 'info',
          title: 'Idle sessions are never disconnected (IdleDisconnectTimeoutInSeconds 0)',
          fix: 'Set an idle disconnect timeout (e.g. 900 s) so unattended sessions free capacity.',
        },
      ]
    : [];
}
