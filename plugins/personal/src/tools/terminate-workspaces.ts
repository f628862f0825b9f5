import { defineWriteTool, RegionInput, regionScope } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { recentUse } from '../writes/recent-use.js';
import {
  applyInBatches,
  legalTarget,
  MAX_PER_BATCH_REQUEST,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, region: RegionInput },
  { additionalProperties: false },
);

export const terminateWorkspaces = defineWriteTool({
  name: 'terminate_workspaces',
  title: 'Terminate WorkSpaces',
  description:
    'PERMANENTLY deletes desktops and both their volumes; no snapshot is kept and nothing can be recovered. Any state but SUSPENDED can be terminated; desktops already terminating, or unknown, are skipped. ' +
    "The plan shows each target's live connection state and last user connection (and warns about desktops in use), and calls out standby (multi-region) pairs. " +
    'Needs confirm=true and acknowledge="TERMINATE". AlwaysOn desktops are billed by the month, so terminating mid-month saves nothing this month. ' +
    'Cost: DescribeWorkspaces and DescribeWorkspacesConnectionStatus (25 ids a call each) to plan; TerminateWorkspaces 25 desktops a request to apply.',
  tier: 3,
  acknowledgement: 'TERMINATE',
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'workspaces:TerminateWorkspaces',
  ],
  input: Input,
  async plan(input, ctx) {
    const scope = regionScope(ctx.aws, input.region);
    const { targets: legal, found } = await planTargets(ctx, scope, input.workspaceIds, 'terminate', (ws) =>
      legalTarget(ws, 'terminate', 'terminate'),
    );
    const actionable = legal.filter((t) => t.skip === undefined).map((t) => t.id);
    const usage = await recentUse(ctx, scope, actionable);
    const targets = legal.map((target) => {
      const seen = usage.byId.get(target.id);
      return target.skip === undefined && seen
        ? { ...target, detail: { ...target.detail, ...seen.detail } }
        : target;
    });
    const alwaysOn = actionable.filter(
      (id) => found.get(id)?.WorkspaceProperties?.RunningMode === 'ALWAYS_ON',
    ).length;
    return {
      targets,
      warnings: [
        ...usage.warnings,
        ...standbyWarnings(
          [...found.values()].filter((ws) => actionable.includes(ws.WorkspaceId ?? '')),
          'terminating',
        ),
        ...(alwaysOn > 0
          ? [
              `${alwaysOn} target(s) are ALWAYS_ON: their month is already billed, which is why AWS's Cost Optimizer for WorkSpaces terminates unused desktops only on the last day of the month.`,
            ]
          : []),
      ],
      impact:
        'PERMANENT and IRREVERSIBLE: each desktop and its root and user volumes are deleted, with no snapshot to restore from. Users lose every file not stored elsewhere.',
    };
  },
  async apply(targets, input, ctx) {
    const { TerminateWorkspacesCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, regionScope(ctx.aws, input.region));
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
