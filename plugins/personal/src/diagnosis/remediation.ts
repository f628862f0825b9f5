import type { RunningMode, WorkspaceState } from '@aws-sdk/client-workspaces';
import { FREE_IPS_CRITICAL } from '../directories/subnets.js';
import type { SnapshotFacts } from '../facts.js';

/** One rung of a remediation ladder, tried in order. */
export interface RemediationStep {
  readonly step: string;
  /** The tool that performs it, when one does. */
  readonly tool?: string;
}

/**
 * What says whether the desktop was ever used, so whether its volumes may hold the user's data.
 * `undefined` = not read (a failed lookup proves nothing).
 */
export interface UseEvidence {
  /** LastKnownUserConnectionTimestamp; null = read, and AWS recorded no user connection. */
  readonly lastUserConnection: Date | null | undefined;
  /** Successful connections in the metrics lookback; null = read, no datapoints. */
  readonly recentConnections: number | null | undefined;
}

/**
 * Whether terminating provably loses nothing: AWS recorded no user connection, no connection in
 * the lookback, and there is no snapshot (so the volumes never held anything worth one). Anything
 * unread, or any sign of use, and the answer is no.
 */
export function provablyUnused(use: UseEvidence | undefined, snapshots: SnapshotFacts | undefined): boolean {
  return (
    use !== undefined &&
    use.lastUserConnection === null &&
    use.recentConnections !== undefined &&
    (use.recentConnections ?? 0) === 0 &&
    snapshots !== undefined &&
    snapshots.lastRestore === undefined &&
    snapshots.lastRebuild === undefined
  );
}

function usedText(use: UseEvidence | undefined): string {
  if (use?.lastUserConnection) return `its user last connected ${use.lastUserConnection.toISOString()}`;
  if (use?.recentConnections) return `it had ${use.recentConnections} user connection(s) in the lookback`;
  return 'nothing proves it was never used';
}

/**
 * The UNHEALTHY ladder from the admin guide ("Troubleshoot specific issues"): wait after a
 * start/reboot → reboot → check from another desktop in the directory → rebuild only as a last
 * resort, because a rebuild loses data written since the last snapshot.
 */
export function remediationLadder(
  state: WorkspaceState | undefined,
  runningMode: RunningMode | undefined,
  snapshots: SnapshotFacts | undefined,
  options: { readonly freeIps?: number; readonly use?: UseEvidence } = {},
): RemediationStep[] {
  const rebuildPoint = snapshots?.lastRebuild
    ? ` (user volume from ${snapshots.lastRebuild.toISOString()})`
    : '';
  // A rebuild re-creates the network interface, so it needs a free address in a directory subnet.
  const noAddress =
    options.freeIps !== undefined && options.freeIps < FREE_IPS_CRITICAL
      ? ` It also needs a free IP address, and the directory's subnets have only ${options.freeIps}: free addresses first.`
      : '';
  // Snapshots known to be missing: a rebuild needs the user-volume snapshot, a restore both.
  const noRebuildSnapshot = snapshots !== undefined && snapshots.lastRebuild === undefined;
  const noRestoreSnapshot = snapshots !== undefined && snapshots.lastRestore === undefined;
  const lastResortRebuild: RemediationStep = noRebuildSnapshot
    ? {
        step: 'A rebuild is not possible yet: it recreates the user volume from a snapshot and none exists (the first is taken within about 12 hours of launch).',
      }
    : {
        step: `Only as a last resort, rebuild${rebuildPoint}: the root volume is recreated from the bundle (applications and settings installed on C: are lost), the user volume from that snapshot (files written since are lost), and the desktop gets a new private IP.${noAddress}`,
        tool: 'rebuild_workspaces',
      };
  switch (state) {
    case 'UNHEALTHY':
      return [
        { step: 'If it was started or rebooted in the last few minutes, wait 5–10 minutes and check again.' },
        { step: 'Reboot it.', tool: 'reboot_workspaces' },
        {
          step: 'From another WorkSpace in the same directory, RDP/SSH to its IP and check: the SkyLightWorkSpacesConfigService service is running and automatic, antivirus or firewall rules are not blocking the management ports (4172, 4489, 8200, 8201–8250), CPU is not pegged, and the computer name was not changed.',
        },
        lastResortRebuild,
      ];
    case 'IMPAIRED':
      return [
        ...(runningMode === 'ALWAYS_ON'
          ? []
          : [{ step: 'Stop it, then start it again.', tool: 'stop_workspaces' } satisfies RemediationStep]),
        {
          step: 'If it stays IMPAIRED, open an AWS Support case (AWS does not document a self-service fix).',
        },
      ];
    case 'ERROR': {
      const read: RemediationStep = {
        step: "Read the desktop's ErrorCode/ErrorMessage; a failed create or modify often names the cause.",
      };
      // Terminating deletes both volumes for good: offered only when nothing was ever on them.
      if (provablyUnused(options.use, snapshots))
        return [
          read,
          {
            step: 'AWS recorded no user connection and it has no snapshot, so it never held user data: fix the cause, then terminate it and launch the desktop again.',
            tool: 'terminate_workspaces',
          },
        ];
      const restore: RemediationStep[] = noRestoreSnapshot
        ? []
        : [
            {
              step: `Restore it to its last restore snapshot${snapshots?.lastRestore ? ` (${snapshots.lastRestore.toISOString()})` : ''}: both volumes return to that moment, and anything written since is lost.`,
              tool: 'restore_workspace',
            },
          ];
      const support: RemediationStep = {
        step: `Open an AWS Support case before anything else: ${usedText(options.use)}, so its volumes may hold the user's data, and ${noRestoreSnapshot && noRebuildSnapshot ? 'there is no snapshot to restore or rebuild from' : 'restore and rebuild lose part of it'}. Do not terminate it: that deletes the root and user volumes permanently.`,
      };
      if (noRestoreSnapshot && noRebuildSnapshot) return [read, support];
      return [read, ...restore, lastResortRebuild, support];
    }
    case 'STOPPED':
      return runningMode === 'AUTO_STOP'
        ? [{ step: 'Have the user sign in from a WorkSpaces client: an AutoStop desktop starts on sign-in.' }]
        : [{ step: 'Start it.', tool: 'start_workspaces' }];
    case 'ADMIN_MAINTENANCE':
      return [{ step: 'Return it to AVAILABLE when maintenance is done.', tool: 'modify_workspace_state' }];
    case 'AVAILABLE':
      return [
        {
          step: "Check the user's network: outbound TCP 443, TCP+UDP 4172 (PCoIP) or 4195 (DCV/WSP), and the client's Network health check page.",
        },
        { step: 'Check the directory IP access groups admit the user’s public IP.' },
        { step: 'Reboot it if connections keep failing.', tool: 'reboot_workspaces' },
      ];
    case 'REBOOTING':
      return [
        { step: 'Wait a few minutes for the reboot to finish, then diagnose again.' },
        {
          step: 'If it has been REBOOTING for more than 20 minutes, reboot it again (AWS accepts a second reboot only then).',
          tool: 'reboot_workspaces',
        },
      ];
    case 'MAINTENANCE':
      return [
        {
          step: 'It is installing updates in its maintenance window; wait for it to finish (the window closes by about 05:00 in the region) and have the user retry.',
        },
      ];
    case 'SUSPENDED':
      return [
        {
          step: 'Open an AWS Support case: a SUSPENDED desktop cannot be started, stopped, rebooted or terminated by an admin (usually an account or billing hold; an inference, AWS does not document it).',
        },
      ];
    case 'TERMINATING':
    case 'TERMINATED':
      return [
        {
          step: 'It is being deleted and cannot be saved; if that was not intended, launch a new desktop for the user.',
        },
      ];
    case 'PENDING':
    case 'STARTING':
    case 'STOPPING':
    case 'UPDATING':
    case 'REBUILDING':
    case 'RESTORING':
      return [
        {
          step: 'Wait for the current operation to finish (a rebuild or restore can take up to an hour), then diagnose again.',
        },
      ];
    case undefined:
      return [{ step: 'Its state is unknown: diagnose again in a few minutes.' }];
  }
}
