import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { LocateScopeInput, locateWorkspace } from '../aws/locate.js';
import { placeOf } from '../aws/scopes.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { checkWorkspaceId } from '../schemas.js';
import { IncludeRecentlyUsedInput } from '../writes/recent-use.js';
import { withSnapshots } from '../writes/snapshot-plan.js';
import { applyByScope, applyEach, legalTarget, standbyWarnings } from '../writes/writes.js';

const Input = Type.Object(
  { workspaceId: Type.String(), includeRecentlyUsed: IncludeRecentlyUsedInput, ...LocateScopeInput },
  { additionalProperties: false },
);

export const restoreWorkspace = defineWriteTool({
  name: 'restore_workspace',
  title: 'Restore WorkSpace',
  description:
    'Restores one WorkSpaces Personal desktop, in any configured region, to its last restore snapshot: both volumes roll back, losing later writes. For an ERROR or broken desktop, before a rebuild. Skips a desktop used in the last 14 days (includeRecentlyUsed keeps it); the plan shows the snapshot and if its user worked since.',
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
    checkWorkspaceId('workspaceId', input.workspaceId);
    const { scope, workspace } = await locateWorkspace(ctx, input, input.workspaceId);
    const target = legalTarget(workspace, 'restore', 'restore');
    const placed = { ...target, detail: { ...placeOf(ctx.aws, scope), ...target.detail } };
    const { targets, warnings } = await withSnapshots(
      ctx,
      scope,
      [placed],
      'restore',
      input.includeRecentlyUsed === true,
    );
    return {
      targets,
      warnings: [...warnings, ...standbyWarnings([workspace], 'restoring')],
      impact:
        'The desktop rolls back to the restore snapshot shown: files, applications and settings changed after that time are lost on both volumes.',
    };
  },
  async apply(targets, _input, ctx) {
    const { RestoreWorkspaceCommand } = await workspacesSdk();
    return applyByScope(targets, async (scope, group) => {
      const client = await workspacesClient(ctx, scope);
      return applyEach(ctx, group, (WorkspaceId) =>
        client.send(new RestoreWorkspaceCommand({ WorkspaceId })),
      );
    });
  },
});
