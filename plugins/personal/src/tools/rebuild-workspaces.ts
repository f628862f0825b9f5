import { defineWriteTool } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { LocateScopeInput } from '../aws/locate.js';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { addressWarnings } from '../writes/rebuild-addresses.js';
import { IncludeRecentlyUsedInput } from '../writes/recent-use.js';
import { withSnapshots } from '../writes/snapshot-plan.js';
import {
  applyByScope,
  applyInBatches,
  legalTarget,
  planByScope,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

const Input = Type.Object(
  { workspaceIds: WorkspaceIdsInput, includeRecentlyUsed: IncludeRecentlyUsedInput, ...LocateScopeInput },
  { additionalProperties: false },
);

/** RebuildWorkspaces accepts exactly one WorkSpace per request (API reference). */
const REBUILDS_PER_REQUEST = 1;

export const rebuildWorkspaces = defineWriteTool({
  name: 'rebuild_workspaces',
  title: 'Rebuild WorkSpaces',
  description:
    'Rebuilds WorkSpaces Personal desktops, in any configured region: C: from the bundle, D: from the rebuild snapshot; each gets a new IP. Reboot UNHEALTHY ones first. Skips desktops used in the last 14 days (includeRecentlyUsed keeps them); the plan shows snapshots, loss, standby pairs, free IPs.',
  tier: 3,
  acknowledgement: 'REBUILD',
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspaceSnapshots',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'ec2:DescribeSubnets',
    'workspaces:RebuildWorkspaces',
  ],
  input: Input,
  async plan(input, ctx) {
    const resolved = await planTargets(ctx, input, input.workspaceIds, 'rebuild', (ws) =>
      legalTarget(ws, 'rebuild', 'rebuild'),
    );
    const { found } = resolved;
    // Snapshots, recent use and each subnet's free IPs are read in the scope that holds the desktops.
    const planned = await planByScope(resolved.targets, async (scope, group) => {
      const snapshots = await withSnapshots(ctx, scope, group, 'rebuild', input.includeRecentlyUsed === true);
      const actionable = snapshots.targets.filter((t) => t.skip === undefined);
      const addresses = await addressWarnings(
        ctx,
        scope,
        actionable.flatMap((t) => {
          const subnetId = found.get(t.id)?.SubnetId;
          return subnetId ? [{ workspaceId: t.id, subnetId }] : [];
        }),
      );
      const ids = new Set(actionable.map((t) => t.id));
      return {
        targets: snapshots.targets.map((t) => {
          const free = addresses.freeBySubnet.get(found.get(t.id)?.SubnetId ?? '');
          return ids.has(t.id) && free !== undefined
            ? { ...t, detail: { ...t.detail, subnetFreeIps: free } }
            : t;
        }),
        warnings: [...snapshots.warnings, ...addresses.warnings],
      };
    });
    const ids = new Set(planned.targets.filter((t) => t.skip === undefined).map((t) => t.id));
    return {
      targets: planned.targets,
      warnings: [
        ...resolved.warnings,
        ...planned.warnings,
        ...standbyWarnings(
          [...found.values()].filter((ws) => ids.has(ws.WorkspaceId ?? '')),
          'rebuilding',
        ),
      ],
      impact:
        'Each desktop is unavailable for up to an hour and comes back with a new private IP address (allow-lists or DNS records pointing at the old one break). Root volume: recreated from the bundle image, so applications and settings installed since launch are gone. User volume: restored from the snapshot shown per target; anything saved after it is lost.',
    };
  },
  async apply(targets, _input, ctx) {
    const { RebuildWorkspacesCommand } = await workspacesSdk();
    return applyByScope(targets, async (scope, group) => {
      const client = await workspacesClient(ctx, scope);
      return applyInBatches(
        ctx,
        group,
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
    });
  },
});
