import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const startWorkspaces = lifecycleTool({
  name: 'start_workspaces',
  title: 'Start WorkSpaces',
  description:
    'Starts STOPPED AutoStop or Manual WorkSpaces Personal desktops, in any configured region. Others (AlwaysOn, not stopped, unknown) are skipped in the plan. An AutoStop desktop also starts when its user signs in.',
  action: 'start',
  iamAction: 'workspaces:StartWorkspaces',
  idempotent: true,
  send: async (client, ids) => {
    const { StartWorkspacesCommand } = await workspacesSdk();
    return (
      await client.send(
        new StartWorkspacesCommand({ StartWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })) }),
      )
    ).FailedRequests;
  },
});
