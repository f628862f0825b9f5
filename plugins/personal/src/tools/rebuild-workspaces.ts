import { RebuildWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { describeWorkspacesByIds, whereOf, workspacesClient } from '../aws.js';
import { RegionInput } from '../schemas.js';
import { applyInBatches, legalTarget, standbyWarnings, WorkspaceIdsInput, withSnapshots } from '../writes.js';

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, region: RegionInput },
  { additionalProperties: false },
);

/** RebuildWorkspaces accepts exactly one WorkSpace per request (API reference). */
const REBUILDS_PER_REQUEST = 1;

export const rebuildWorkspaces = defineWriteTool({
  name: 'rebuild_workspaces',
  title: 'Rebuild WorkSpaces',
  description:
    'Rebuilds desktops: the root volume (C:) is recreated from the bundle image (installed apps and settings are lost) and the user volume (D:) is restored from the last rebuild snapshot, losing anything written after it. The last rung of the UNHEALTHY ladder — reboot first. ' +
    'Legal from AVAILABLE, ERROR, UNHEALTHY, STOPPED or REBOOTING; others are skipped. The plan shows each desktop\'s snapshot time and what is lost, and standby pairs. Needs confirm=true and acknowledge="REBUILD". ' +
    'Cost: DescribeWorkspaces (25 ids a call) and one DescribeWorkspaceSnapshots per desktop to plan; one RebuildWorkspaces request per desktop to apply (the API takes one at a time).',
  tier: 3,
  acknowledgement: 'REBUILD',
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceSnapshots',
    'workspaces:RebuildWorkspaces',
  ],
  input: Input,
  async plan(input, ctx) {
    const where = whereOf(ctx, input.region);
    const found = await describeWorkspacesByIds(ctx, where, input.workspaceIds);
    const legal = input.workspaceIds.map((id) => {
      const ws = found.get(id);
      return ws
        ? legalTarget(ws, 'rebuild', 'rebuild')
        : { id, action: 'rebuild', skip: `not found in ${where.region}.` };
    });
    const { targets, warnings } = await withSnapshots(ctx, where, legal, 'rebuild');
    return {
      targets,
      warnings: [...warnings, ...standbyWarnings(found.values(), 'rebuilding')],
      impact:
        'Each desktop is unavailable for up to an hour. Root volume: recreated from the bundle image, so applications and settings installed since launch are gone. User volume: restored from the snapshot shown per target; anything saved after it is lost.',
    };
  },
  async apply(targets, input, ctx) {
    const client = workspacesClient(ctx, whereOf(ctx, input.region));
    return applyInBatches(
      ctx,
      targets,
      REBUILDS_PER_REQUEST,
      async (ids) =>
        (
          await client.send(
            new RebuildWorkspacesCommand({
              RebuildWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })),
            }),
          )
        ).FailedRequests,
    );
  },
});
