import { TerminateWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { describeWorkspacesByIds, whereOf, workspacesClient } from '../aws.js';
import { RegionInput } from '../schemas.js';
import {
  applyInBatches,
  legalTarget,
  MAX_PER_BATCH_REQUEST,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes.js';

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, region: RegionInput },
  { additionalProperties: false },
);

export const terminateWorkspaces = defineWriteTool({
  name: 'terminate_workspaces',
  title: 'Terminate WorkSpaces',
  description:
    'PERMANENTLY deletes desktops and both their volumes; no snapshot is kept and nothing can be recovered. Any state but SUSPENDED can be terminated; desktops already terminating, or unknown, are skipped. Standby (multi-region) pairs are called out. ' +
    'Needs confirm=true and acknowledge="TERMINATE". Terminating mid-month still bills the month for AlwaysOn desktops. ' +
    'Cost: DescribeWorkspaces (25 ids a call) to plan; TerminateWorkspaces 25 desktops a request to apply.',
  tier: 3,
  acknowledgement: 'TERMINATE',
  iam: ['workspaces:DescribeWorkspaces', 'workspaces:TerminateWorkspaces'],
  input: Input,
  async plan(input, ctx) {
    const where = whereOf(ctx, input.region);
    const found = await describeWorkspacesByIds(ctx, where, input.workspaceIds);
    const targets = input.workspaceIds.map((id) => {
      const ws = found.get(id);
      return ws
        ? legalTarget(ws, 'terminate', 'terminate')
        : { id, action: 'terminate', skip: `not found in ${where.region}.` };
    });
    return {
      targets,
      warnings: standbyWarnings(found.values(), 'terminating'),
      impact:
        'PERMANENT and IRREVERSIBLE: each desktop and its root and user volumes are deleted, with no snapshot to restore from. Users lose every file not stored elsewhere.',
    };
  },
  async apply(targets, input, ctx) {
    const client = workspacesClient(ctx, whereOf(ctx, input.region));
    return applyInBatches(
      ctx,
      targets,
      MAX_PER_BATCH_REQUEST,
      async (ids) =>
        (
          await client.send(
            new TerminateWorkspacesCommand({
              TerminateWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })),
            }),
          )
        ).FailedRequests,
    );
  },
});
