import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const stopWorkspaces = lifecycleTool({
  name: 'stop_workspaces',
  title: 'Stop WorkSpaces',
  description:
    'Stops AutoStop or Manual desktops that are AVAILABLE, IMPAIRED, UNHEALTHY or ERROR (AlwaysOn desktops cannot be stopped). Connected users are disconnected; GPU and GeneralPurpose.4xlarge/8xlarge AutoStop desktops do not hibernate, so unsaved work is lost. ' +
    'Without confirm it returns the plan with illegal or unknown targets skipped. Cost: DescribeWorkspaces (25 ids a call) to plan; StopWorkspaces 25 desktops a request to apply.',
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
