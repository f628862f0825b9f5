import type { DescribeWorkspaceDirectoriesCommandOutput } from '@aws-sdk/client-workspaces';
import { listOnce, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { workspacesSdk } from '../shared/sdk.js';

/**
 * Whether each directory of the scope starts its AutoStop desktops for the monthly maintenance
 * (`WorkspaceCreationProperties.EnableMaintenanceMode`; euc-admin-anchors §5.5): only then does
 * an AutoStop month carry the maintenance hour. Listed once per call through the host's `listOnce`
 * with the same input as the Personal plugin, so a report shares one directory scan.
 */
export async function maintenanceByDirectory(ctx: ToolContext, scope: Scope): Promise<Map<string, boolean>> {
  const input = { Limit: 25 };
  const directories = await listOnce(ctx, {
    action: 'workspaces:DescribeWorkspaceDirectories',
    where: scope,
    input,
    pages: async function* (): AsyncGenerator<DescribeWorkspaceDirectoriesCommandOutput> {
      const { paginateDescribeWorkspaceDirectories, WorkSpacesClient } = await workspacesSdk();
      yield* paginateDescribeWorkspaceDirectories(
        { client: ctx.aws.client(WorkSpacesClient, scope), pageSize: 25 },
        input,
      );
    },
    items: (page) => page.Directories,
  });
  const maintenance = new Map<string, boolean>();
  for (const d of directories)
    if (d.DirectoryId)
      // Absent means AWS did not say: assume the default (on), as Cost Optimizer for WorkSpaces does.
      maintenance.set(d.DirectoryId, d.WorkspaceCreationProperties?.EnableMaintenanceMode !== false);
  return maintenance;
}
