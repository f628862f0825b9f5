import type { WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import {
  chunk,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  PageInput,
  RegionInput,
  readCursor,
  regionScope,
  type Scope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { describeDsStatuses } from '../aws/directory-service.js';
import { describeSubnetsByIds } from '../aws/ec2.js';
import { workspacesSdk } from '../aws/sdk.js';
import {
  describeDirectoriesByIds,
  listDirectories,
  listIpGroups,
  workspacesClient,
} from '../aws/workspaces.js';
import { type IpGroupFacts, ipGroupFacts, isWorkSpacesManaged } from '../directories/directories.js';
import { byHealth, DirectoryRowSchema, directoryRow } from '../directories/directory-report.js';
import { directoryCapacity, FREE_IPS_CRITICAL, FREE_IPS_WARNING_FRACTION } from '../directories/subnets.js';
import type { DsStatus } from '../facts.js';
import { DirectoryIdSchema } from '../schemas.js';

const Input = Type.Object(
  {
    directoryId: Type.Optional(DirectoryIdSchema),
    ...PageInput(100),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  counts: Type.Object({
    directories: Type.Integer(),
    healthy: Type.Integer(),
    degraded: Type.Integer(),
    unhealthy: Type.Integer(),
    lowOnIps: Type.Integer({ description: 'Directories whose subnets are low on (or out of) free IPs.' }),
  }),
  directories: Type.Array(DirectoryRowSchema),
  nextCursor: Type.Optional(Type.String()),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** DescribeIpGroups takes at most 25 GroupIds and pages 25 at a time; it has no SDK paginator. */
async function ipGroupsByIds(ctx: ToolContext, scope: Scope, groupIds: readonly string[]) {
  const { DescribeIpGroupsCommand } = await workspacesSdk();
  const client = await workspacesClient(ctx, scope);
  const groups: WorkspacesIpGroup[] = [];
  for (const batch of chunk([...new Set(groupIds)], 25)) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new DescribeIpGroupsCommand({ GroupIds: batch, NextToken: nextToken }));
      groups.push(...(page.Result ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return groups;
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  // Read before any request (a bad cursor costs none), bound to the directory and resolved region.
  const position = readCursor(input.cursor, { directoryId: input.directoryId ?? null, region: scope.region });
  const errors: ErrorEntry[] = [];
  const directories = input.directoryId
    ? await describeDirectoriesByIds(ctx, scope, [input.directoryId])
    : await listDirectories(ctx, scope);
  const adIds = directories.flatMap((d) =>
    d.DirectoryId && !isWorkSpacesManaged(d.DirectoryId) ? [d.DirectoryId] : [],
  );
  const groupIds = directories.flatMap((d) => d.ipGroupIds ?? []);
  const subnetIds = directories.flatMap((d) => d.SubnetIds ?? []);
  const failed =
    (service: string) =>
    (error: unknown): undefined => {
      errors.push(errorEntry(service, scope, error));
      return undefined;
    };
  const [dsStatuses, groups, subnets] = await Promise.all([
    describeDsStatuses(ctx, scope, adIds).catch(failed(SERVICE_LABELS.directoryService)),
    groupIds.length === 0
      ? Promise.resolve([])
      : (input.directoryId ? ipGroupsByIds(ctx, scope, groupIds) : listIpGroups(ctx, scope)).catch(
          failed(SERVICE_LABELS.personal),
        ),
    // One request for every directory's subnets (200 ids a call), not one per directory.
    describeSubnetsByIds(ctx, scope, subnetIds).catch(failed(SERVICE_LABELS.ec2)),
  ]);
  const groupFacts = groups
    ? new Map<string, IpGroupFacts>(groups.map((g) => [g.groupId ?? '', ipGroupFacts(g)]))
    : undefined;
  const rows = directories
    .map((d) => {
      const id = d.DirectoryId ?? '';
      const ds: DsStatus = isWorkSpacesManaged(id)
        ? { kind: 'not-applicable' }
        : (dsStatuses?.get(id) ?? { kind: 'unknown' });
      return directoryRow(d, {
        ds,
        ipGroups: groupFacts,
        capacity: subnets ? directoryCapacity(d.SubnetIds ?? [], subnets) : undefined,
      });
    })
    .sort(byHealth);
  const counts = {
    directories: rows.length,
    healthy: rows.filter((r) => r.status === 'healthy').length,
    degraded: rows.filter((r) => r.status === 'degraded').length,
    unhealthy: rows.filter((r) => r.status === 'unhealthy').length,
    lowOnIps: rows.filter((r) => r.freeIps.level === 'low' || r.freeIps.level === 'critical').length,
  };
  const { offset } = position;
  const { page, nextCursor: next } = position.page(rows, input.limit ?? ctx.limits.pageSize);
  const worst = rows.find((r) => r.status !== 'healthy');
  const tightest = rows
    .filter((r) => r.freeIps.level === 'critical' || r.freeIps.level === 'low')
    .sort((a, b) => (a.freeIps.free ?? 0) - (b.freeIps.free ?? 0))[0];
  const summary =
    rows.length === 0
      ? input.directoryId
        ? `Directory ${input.directoryId} is not registered with WorkSpaces in ${scope.region} (or does not exist).`
        : `No WorkSpaces directories in ${scope.region}.`
      : `${rows.length} directories in ${scope.region}: ${counts.unhealthy} unhealthy, ${counts.degraded} degraded, ${counts.healthy} healthy; ${counts.lowOnIps} low on free IPs.` +
        (worst ? ` Worst: ${worst.directoryId} — ${worst.findings[0]?.title ?? worst.status}.` : '') +
        (tightest && tightest !== worst
          ? ` Fewest free IPs: ${tightest.directoryId} (${tightest.freeIps.free ?? 0}).`
          : '') +
        (next ? ` Showing ${offset + 1}–${offset + page.length}; pass nextCursor for more.` : '');
  return {
    summary,
    region: scope.region,
    counts,
    directories: page,
    ...(next ? { nextCursor: next } : {}),
    notes: [
      `Free IPs: every new desktop and every rebuild takes one address in a directory subnet. A directory is critical under ${FREE_IPS_CRITICAL} free (one CreateWorkspaces batch) and low under ${FREE_IPS_WARNING_FRACTION * 100}% of its subnets' usable addresses.`,
      ...(errors.length > 0
        ? ['Some lookups failed (see errors); findings that depend on them are missing.']
        : []),
    ],
    errors,
  };
}

export const checkDirectoryHealth = defineTool({
  name: 'check_directory_health',
  title: 'Check WorkSpaces directory health',
  description:
    'Are my WorkSpaces directories healthy, locked down and not running out of IP addresses? For one directory (directoryId) or every directory in the region (worst first, limit + cursor): WorkSpaces registration state, Directory Service stage for AD-backed d- directories (WorkSpaces-managed wsd- ones have none), free IPs in the directory subnets (each launch or rebuild takes one; flagged under 25 free or under 10%), IP access groups with any 0.0.0.0/0 rule flagged, directories with no IP group flagged, users as local administrators, web access, maintenance mode, internet access, default OU. ' +
    'Each directory gets findings and a status (unhealthy/degraded/healthy). Use diagnose_workspace_connectivity for one desktop. ' +
    'Cost: DescribeWorkspaceDirectories (1 call per 25 directories), ds:DescribeDirectories (1 call per 25 AD-backed directories), DescribeIpGroups (1 call per 25 groups), ec2:DescribeSubnets (1 call for up to 200 subnets: every directory at once).',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaceDirectories',
    'ds:DescribeDirectories',
    'workspaces:DescribeIpGroups',
    'ec2:DescribeSubnets',
  ],
  input: Input,
  output: Output,
  run,
});
