import type { Workspace } from '@aws-sdk/client-workspaces';
import { type InventoryContributor, type InventoryRow, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { listAllWorkspaces } from '../aws/workspaces.js';
import { tally } from '../schemas.js';

/** One inventory row per desktop: scalar attributes so the report exports to CSV. */
export function inventoryRow(ws: Workspace): InventoryRow {
  const props = ws.WorkspaceProperties;
  return {
    id: ws.WorkspaceId ?? '',
    ...(ws.ComputerName ? { name: ws.ComputerName } : {}),
    state: ws.State ?? 'UNKNOWN',
    attributes: {
      userName: ws.UserName ?? null,
      computerName: ws.ComputerName ?? null,
      ipAddress: ws.IpAddress ?? null,
      bundleId: ws.BundleId ?? null,
      directoryId: ws.DirectoryId ?? null,
      runningMode: props?.RunningMode ?? null,
      computeType: props?.ComputeTypeName ?? null,
      operatingSystem: props?.OperatingSystemName ?? null,
      protocols: props?.Protocols?.join('+') ?? null,
      rootVolumeGib: props?.RootVolumeSizeGib ?? null,
      userVolumeGib: props?.UserVolumeSizeGib ?? null,
      rootVolumeEncrypted: ws.RootVolumeEncryptionEnabled ?? false,
      userVolumeEncrypted: ws.UserVolumeEncryptionEnabled ?? false,
      // A standby desktop lists its primary as a related WorkSpace of type PRIMARY.
      isStandby: ws.RelatedWorkspaces?.some((r) => r.Type === 'PRIMARY') ?? false,
    },
  };
}

/**
 * Desktops for the cross-service inventory tools. Tags are not included: they need one
 * DescribeTags call per desktop (10,000 calls for 10,000 desktops), which an inventory cannot afford.
 */
export const personalInventory: InventoryContributor = {
  id: 'personal.workspaces',
  service: SERVICE_LABELS.personal,
  resourceType: 'WorkSpace',
  iam: ['workspaces:DescribeWorkspaces'],
  async collect(ctx, scope) {
    const workspaces = await listAllWorkspaces(ctx, scope);
    const byState: Record<string, number> = {};
    const runningMode: Record<string, number> = {};
    const computeType: Record<string, number> = {};
    const directory: Record<string, number> = {};
    for (const ws of workspaces) {
      tally(byState, ws.State ?? 'UNKNOWN');
      tally(runningMode, ws.WorkspaceProperties?.RunningMode ?? 'UNKNOWN');
      tally(computeType, ws.WorkspaceProperties?.ComputeTypeName ?? 'UNKNOWN');
      tally(directory, ws.DirectoryId ?? 'UNKNOWN');
    }
    return {
      byState,
      breakdowns: { runningMode, computeType, directory },
      rows: workspaces.map(inventoryRow),
    };
  },
};
