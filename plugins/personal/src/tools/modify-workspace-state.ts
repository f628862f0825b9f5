import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { LocateScopeInput } from '../aws/locate.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import {
  actionableOf,
  applyByScope,
  applyEach,
  legalTarget,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  {
    workspaceIds: WorkspaceIdsInput,
    state: Type.Enum(['ADMIN_MAINTENANCE', 'AVAILABLE']),
    ...LocateScopeInput,
  },
  { additionalProperties: false },
);

export const modifyWorkspaceState = defineWriteTool({
  name: 'modify_workspace_state',
  title: 'Modify WorkSpace state',
  description:
    'Puts AVAILABLE WorkSpaces Personal desktops into ADMIN_MAINTENANCE (users cannot sign in; not stopped, rebooted, rebuilt or restored) or returns them to AVAILABLE, in any configured region. The only transitions AWS allows; others are skipped in the plan.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:ModifyWorkspaceState'],
  input: Input,
  async plan(input, ctx) {
    const action =
      input.state === 'ADMIN_MAINTENANCE' ? 'enter_admin_maintenance' : 'leave_admin_maintenance';
    const label = input.state === 'ADMIN_MAINTENANCE' ? 'enter ADMIN_MAINTENANCE' : 'return to AVAILABLE';
    const resolved = await planTargets(ctx, input, input.workspaceIds, label, (ws) =>
      legalTarget(ws, action, label),
    );
    const { targets, found } = resolved;
    return {
      targets,
      warnings: [
        ...resolved.warnings,
        ...(input.state === 'ADMIN_MAINTENANCE'
          ? ['Users cannot sign in to these desktops until they are returned to AVAILABLE.']
          : []),
        ...standbyWarnings(actionableOf(targets, found), 'changing the state of'),
      ],
    };
  },
  async apply(targets, input, ctx) {
    const { ModifyWorkspaceStateCommand } = await workspacesSdk();
    return applyByScope(targets, async (scope, group) => {
      const client = await workspacesClient(ctx, scope);
      return applyEach(ctx, group, (WorkspaceId) =>
        client.send(new ModifyWorkspaceStateCommand({ WorkspaceId, WorkspaceState: input.state })),
      );
    });
  },
});
