import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const rebootWorkspaces = lifecycleTool({
  name: 'reboot_workspaces',
  title: 'Reboot WorkSpaces',
  description:
    'Reboots AVAILABLE or UNHEALTHY WorkSpaces Personal desktops, in any configured region (the rung after waiting, before rebuild); others are skipped in the plan. Connected users are disconnected. One already REBOOTING is accepted only after 20 minutes.',
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
