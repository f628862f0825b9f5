import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const rebootWorkspaces = lifecycleTool({
  name: 'reboot_workspaces',
  title: 'Reboot WorkSpaces',
  description:
    'Reboots desktops that are AVAILABLE or UNHEALTHY (the second rung of the UNHEALTHY ladder, after waiting a few minutes); a desktop already REBOOTING is accepted by AWS only once stuck for more than 20 minutes. Connected users are disconnected. ' +
    'Without confirm it returns the plan with illegal or unknown targets skipped. Cost: DescribeWorkspaces (25 ids a call) to plan; RebootWorkspaces 25 desktops a request to apply.',
  action: 'reboot',
  iamAction: 'workspaces:RebootWorkspaces',
  idempotent: false,
  send: async (client, ids) => {
    const { RebootWorkspacesCommand } = await workspacesSdk();
    return (
      await client.send(
        new RebootWorkspacesCommand({ RebootWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })) }),
      )
    ).FailedRequests;
  },
});
