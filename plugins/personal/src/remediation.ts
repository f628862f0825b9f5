import type { RunningMode, WorkspaceState } from '@aws-sdk/client-workspaces';
import type { SnapshotFacts } from './diagnosis.js';

/** One rung of a remediation ladder, tried in order. */
export interface RemediationStep {
  readonly step: string;
  /** The tool that performs it, when one does. */
  readonly tool?: string;
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
): RemediationStep[] {
  const rebuildPoint = snapshots?.lastRebuild
    ? ` (user volume from ${snapshots.lastRebuild.toISOString()})`
    : '';
  const lastResortRebuild: RemediationStep = {
    step: `Only as a last resort, rebuild${rebuildPoint}: the root volume is recreated from the bundle and anything written since that snapshot is lost.`,
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
    case 'ERROR':
      return [
        {
          step: "Read the desktop's ErrorCode/ErrorMessage; a failed create or modify often names the cause.",
        },
        {
          step: `Restore it to its last restore snapshot${snapshots?.lastRestore ? ` (${snapshots.lastRestore.toISOString()})` : ''}.`,
          tool: 'restore_workspace',
        },
        lastResortRebuild,
      ];
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
    default:
      return [{ step: 'Wait for the current operation to finish, then diagnose again.' }];
  }
}
