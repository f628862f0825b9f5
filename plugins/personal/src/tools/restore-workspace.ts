import { defineWriteTool, RegionInput, regionScope } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { WorkspaceIdSchema } from '../schemas.js';
import { withSnapshots } from '../writes/snapshot-plan.js';
import { applyEach, legalTarget, planTargets, standbyWarnings } from '../writes/writes.js';

const Input = Type.Object(
  { workspaceId: WorkspaceIdSchema, region: RegionInput },
  { additionalProperties: false },
);

export const restoreWorkspace = defineWriteTool({
  name: 'restore_workspace',
  title: 'Restore WorkSpace',
  description:
    'Restores one desktop to its last restore snapshot: both the root and user volumes roll back to that moment, and everything written since is lost. Use it for an ERROR desktop or a broken system before considering a rebuild. ' +
    'Legal from AVAILABLE, ERROR, UNHEALTHY or STOPPED, and only when a restore snapshot exists; the plan shows the snapshot time, its age, and whether the user worked after it (that work is lost). Standby pairs are called out. Needs confirm=true and acknowledge="RESTORE". ' +
    'Cost: DescribeWorkspaces, DescribeWorkspacesConnectionStatus and DescribeWorkspaceSnapshots to plan; one RestoreWorkspace request to apply.',
  tier: 3,
  acknowledgement: 'RESTORE',
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceSnapshots',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'workspaces:RestoreWorkspace',
  ],
  input: Input,
  async plan(input, ctx) {
    const scope = regionScope(ctx.aws, input.region);
    const planned = await planTargets(ctx, scope, [input.workspaceId], 'restore', (ws) =>
      legalTarget(ws, 'restore', 'restore'),
    );
    const { targets, warnings } = await withSnapshots(ctx, scope, planned.targets, 'restore');
    return {
      targets,
      warnings: [...warnings, ...standbyWarnings(planned.found.values(), 'restoring')],
      impact:
        'The desktop rolls back to the restore snapshot shown: files, applications and settings changed after that time are lost on both volumes.',
    };
  },
  async apply(targets, input, ctx) {
    const { RestoreWorkspaceCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, regionScope(ctx.aws, input.region));
    return applyEach(ctx, targets, (WorkspaceId) =>
      client.send(new RestoreWorkspaceCommand({ WorkspaceId })),
    );
  },
});
