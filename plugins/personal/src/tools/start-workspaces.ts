import { workspacesSdk } from '../aws/sdk.js';
import { lifecycleTool } from '../writes/lifecycle.js';

export const startWorkspaces = lifecycleTool({
  name: 'start_workspaces',
  title: 'Start WorkSpaces',
  description:
    'Starts stopped AutoStop or Manual desktops (AlwaysOn desktops never stop). Without confirm it returns the plan: each target with its current state, and targets that are not STOPPED, AlwaysOn or unknown marked skipped with the reason. ' +
    'Cost: DescribeWorkspaces (25 ids a call) to plan; StartWorkspaces 25 desktops a request to apply. An AutoStop desktop also starts by itself when its user signs in.',
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
