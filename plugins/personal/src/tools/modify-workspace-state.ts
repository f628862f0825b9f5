import { defineWriteTool, RegionInput, regionScope } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import {
  actionableOf,
  applyEach,
  legalTarget,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  {
    workspaceIds: WorkspaceIdsInput,
    state: Type.Union([Type.Literal('ADMIN_MAINTENANCE'), Type.Literal('AVAILABLE')], {
      description: 'ADMIN_MAINTENANCE to hold desktops for maintenance; AVAILABLE to release them.',
    }),
    region: RegionInput,
  },
  { additionalProperties: false },
);

export const modifyWorkspaceState = defineWriteTool({
  name: 'modify_workspace_state',
  title: 'Modify WorkSpace state',
  description:
    'Puts AVAILABLE desktops into ADMIN_MAINTENANCE (users cannot sign in; AutoStop desktops are not stopped; no reboot/rebuild/restore) or returns ADMIN_MAINTENANCE desktops to AVAILABLE. Those are the only transitions AWS allows (not from STOPPED); other targets are skipped in the plan. ' +
    'Cost: DescribeWorkspaces (25 ids a call) to plan; one ModifyWorkspaceState request per desktop to apply.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:ModifyWorkspaceState'],
  input: Input,
  async plan(input, ctx) {
    const action =
      input.state === 'ADMIN_MAINTENANCE' ? 'enter_admin_maintenance' : 'leave_admin_maintenance';
    const label = input.state === 'ADMIN_MAINTENANCE' ? 'enter ADMIN_MAINTENANCE' : 'return to AVAILABLE';
    const { targets, found } = await planTargets(
      ctx,
      regionScope(ctx.aws, input.region),
      input.workspaceIds,
      label,
      (ws) => legalTarget(ws, action, label),
    );
    return {
      targets,
      warnings: [
        ...(input.state === 'ADMIN_MAINTENANCE'
          ? ['Users cannot sign in to these desktops until they are returned to AVAILABLE.']
          : []),
        ...standbyWarnings(actionableOf(targets, found), 'changing the state of'),
      ],
    };
  },
  async apply(targets, input, ctx) {
    const { ModifyWorkspaceStateCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, regionScope(ctx.aws, input.region));
    return applyEach(ctx, targets, (WorkspaceId) =>
      client.send(new ModifyWorkspaceStateCommand({ WorkspaceId, WorkspaceState: input.state })),
    );
  },
});
