import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const stopWorkspaces = lifecycleTool({
  name: 'stop_workspaces',
  title: 'Stop WorkSpaces',
  description:
    'Stops AutoStop or Manual WorkSpaces Personal desktops (AVAILABLE, IMPAIRED, UNHEALTHY, ERROR), in any configured region; others are skipped in the plan. Connected users are disconnected; GPU and 4xlarge/8xlarge desktops do not hibernate, so unsaved work is lost.',
  action: 'stop',
  iamAction: 'workspaces:StopWorkspaces',
  idempotent: true,
  send: async (client, ids) => {
    const { StopWorkspacesCommand } = await workspacesSdk();
    return (
      await client.send(
        new StopWorkspacesCommand({ StopWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })) }),
      )
    ).FailedRequests;
  },
});
