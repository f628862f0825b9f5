import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { LocateScopeInput } from '../aws/locate.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { IncludeRecentlyUsedInput, recentUse, skipInUse } from '../writes/recent-use.js';
import {
  applyByScope,
  applyInBatches,
  legalTarget,
  MAX_PER_BATCH_REQUEST,
  planByScope,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, includeRecentlyUsed: IncludeRecentlyUsedInput, ...LocateScopeInput },
  { additionalProperties: false },
);

export const terminateWorkspaces = defineWriteTool({
  name: 'terminate_workspaces',
  title: 'Terminate WorkSpaces',
  description:
    'PERMANENTLY deletes WorkSpaces Personal desktops and both volumes, in any configured region; no snapshot is kept. Not SUSPENDED. Skips desktops used in the last 14 days (includeRecentlyUsed keeps them); the plan names standby pairs. AlwaysOn is billed monthly: terminating mid-month saves nothing.',
  tier: 3,
  acknowledgement: 'TERMINATE',
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'workspaces:TerminateWorkspaces',
  ],
  input: Input,
  async plan(input, ctx) {
    const resolved = await planTargets(ctx, input, input.workspaceIds, 'terminate', (ws) =>
      legalTarget(ws, 'terminate', 'terminate'),
    );
    const { found } = resolved;
    const used = await planByScope(resolved.targets, async (scope, group) => {
      const ids = group.filter((t) => t.skip === undefined).map((t) => t.id);
      const usage = await recentUse(ctx, scope, ids);
      const seen = group.map((target) => {
        const use = usage.byId.get(target.id);
        return target.skip === undefined && use
          ? { ...target, detail: { ...target.detail, ...use.detail } }
          : target;
      });
      const include = input.includeRecentlyUsed === true;
      const kept = skipInUse(seen, usage.inUse, include);
      // Who is connected matters only for desktops the plan keeps; a failed lookup always matters.
      const useWarnings = include || usage.lookupFailed ? usage.warnings : [];
      return { targets: kept.targets, warnings: [...useWarnings, ...kept.warnings] };
    });
    const targets = used.targets;
    const actionable = targets.filter((t) => t.skip === undefined).map((t) => t.id);
    const alwaysOn = actionable.filter(
      (id) => found.get(id)?.WorkspaceProperties?.RunningMode === 'ALWAYS_ON',
    ).length;
    return {
      targets,
      warnings: [
        ...resolved.warnings,
        ...used.warnings,
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
  async apply(targets, _input, ctx) {
    const { TerminateWorkspacesCommand } = await workspacesSdk();
    return applyByScope(targets, async (scope, group) => {
      const client = await workspacesClient(ctx, scope);
      return applyInBatches(
        ctx,
        group,
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
    });
  },
});
