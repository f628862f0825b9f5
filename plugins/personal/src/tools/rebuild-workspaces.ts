import { defineWriteTool, RegionInput, regionScope } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { workspacesSdk } from '../aws/sdk.js';
import { workspacesClient } from '../aws/workspaces.js';
import { addressWarnings } from '../writes/rebuild-addresses.js';
import { withSnapshots } from '../writes/snapshot-plan.js';
import {
  applyInBatches,
  legalTarget,
  planTargets,
  standbyWarnings,
  WorkspaceIdsInput,
} from '../writes/writes.js';

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
    'Legal from AVAILABLE, ERROR, UNHEALTHY, STOPPED or REBOOTING, and only once a rebuild snapshot exists; others are skipped. The plan shows each desktop\'s snapshot time, its age, what is lost and whether the user worked after it, standby pairs, and whether the subnets have the free IPs the rebuilt desktops need (each gets a new private IP). Needs confirm=true and acknowledge="REBUILD". ' +
    'Cost: DescribeWorkspaces and DescribeWorkspacesConnectionStatus (25 ids a call), one DescribeWorkspaceSnapshots per desktop (up to the blast-radius cap) and one ec2:DescribeSubnets to plan; one RebuildWorkspaces request per desktop to apply (the API takes one at a time).',
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
    const scope = regionScope(ctx.aws, input.region);
    const { targets: legal, found } = await planTargets(ctx, scope, input.workspaceIds, 'rebuild', (ws) =>
      legalTarget(ws, 'rebuild', 'rebuild'),
    );
    const snapshots = await withSnapshots(ctx, scope, legal, 'rebuild');
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
      warnings: [
        ...snapshots.warnings,
        ...addresses.warnings,
        ...standbyWarnings(
          [...found.values()].filter((ws) => ids.has(ws.WorkspaceId ?? '')),
          'rebuilding',
        ),
      ],
      impact:
        'Each desktop is unavailable for up to an hour and comes back with a new private IP address (allow-lists or DNS records pointing at the old one break). Root volume: recreated from the bundle image, so applications and settings installed since launch are gone. User volume: restored from the snapshot shown per target; anything saved after it is lost.',
    };
  },
  async apply(targets, input, ctx) {
    const { RebuildWorkspacesCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, regionScope(ctx.aws, input.region));
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
