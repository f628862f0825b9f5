import type { DescribeWorkspacesCommandOutput, Workspace } from '@aws-sdk/client-workspaces';
import { listOnce, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { workspacesSdk } from '../shared/sdk.js';

/** What the cost tools need to know about one WorkSpaces Personal desktop. */
export interface Desktop {
  readonly workspaceId: string;
  readonly userName?: string;
  readonly directoryId?: string;
  readonly state: string;
  /** ALWAYS_ON, AUTO_STOP or MANUAL (Core); undefined when AWS did not say. */
  readonly runningMode?: string;
  readonly autoStopTimeoutMinutes?: number;
  readonly computeType?: string;
  readonly operatingSystem?: string;
  readonly rootVolumeGib?: number;
  readonly userVolumeGib?: number;
  /** The standby of a primary (multi-region resilience): never "unused", priced separately. */
  readonly isStandby: boolean;
}

/** States in which a desktop no longer exists for billing or is not yet provisioned. */
const NOT_BILLED_STATES = new Set(['PENDING', 'TERMINATING', 'TERMINATED']);

/** True when the desktop exists and bills (anything but being created or terminated). */
export function isBilled(desktop: Desktop): boolean {
  return !NOT_BILLED_STATES.has(desktop.state);
}

/**
 * Reduces an SDK Workspace to a Desktop. A desktop whose RelatedWorkspaces lists a PRIMARY is
 * that primary's standby (Cost Optimizer for WorkSpaces v2.8.0 rule).
 */
export function toDesktop(workspace: Workspace): Desktop | undefined {
  if (!workspace.WorkspaceId) return undefined;
  const p = workspace.WorkspaceProperties;
  return {
    workspaceId: workspace.WorkspaceId,
    ...(workspace.UserName ? { userName: workspace.UserName } : {}),
    ...(workspace.DirectoryId ? { directoryId: workspace.DirectoryId } : {}),
    state: workspace.State ?? 'UNKNOWN',
    ...(p?.RunningMode ? { runningMode: p.RunningMode } : {}),
    ...(p?.RunningModeAutoStopTimeoutInMinutes !== undefined
      ? { autoStopTimeoutMinutes: p.RunningModeAutoStopTimeoutInMinutes }
      : {}),
    ...(p?.ComputeTypeName ? { computeType: p.ComputeTypeName } : {}),
    ...(p?.OperatingSystemName ? { operatingSystem: p.OperatingSystemName } : {}),
    ...(p?.RootVolumeSizeGib !== undefined ? { rootVolumeGib: p.RootVolumeSizeGib } : {}),
    ...(p?.UserVolumeSizeGib !== undefined ? { userVolumeGib: p.UserVolumeSizeGib } : {}),
    isStandby: (workspace.RelatedWorkspaces ?? []).some((related) => related.Type === 'PRIMARY'),
  };
}

/**
 * Every desktop in the region: DescribeWorkspaces at its maximum page size of 25, so 10,000
 * desktops are 400 requests. Listed once per client call and shared with any other plugin that
 * lists the same desktops (the host's `listOnce`), so a composite report scans the estate once.
 */
export async function listDesktops(ctx: ToolContext, scope: Scope): Promise<Desktop[]> {
  const input = { Limit: 25 };
  const workspaces = await listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaces',
    where: scope,
    input,
    pages: async function* (): AsyncGenerator<DescribeWorkspacesCommandOutput> {
      const { paginateDescribeWorkspaces, WorkSpacesClient } = await workspacesSdk();
      yield* paginateDescribeWorkspaces(
        { client: ctx.aws.client(WorkSpacesClient, scope), pageSize: 25 },
        input,
      );
    },
    items: (page) => page.Workspaces,
  });
  return workspaces.map(toDesktop).filter((d): d is Desktop => d !== undefined);
}
