import type { WorkspacesIpGroup } from '@aws-sdk/client-workspaces';
import {
  chunk,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  pageNote,
  readCursor,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { describeDsStatuses } from '../aws/directory-service.js';
import { describeSubnetsByIds } from '../aws/ec2.js';
import { acrossScopes, PlaceFields, partialNote, placeOf, placesText } from '../aws/scopes.js';
import { workspacesSdk } from '../aws/sdk.js';
import {
  describeDirectoriesByIds,
  listDirectories,
  listIpGroups,
  workspacesClient,
} from '../aws/workspaces.js';
import { type IpGroupFacts, ipGroupFacts, isWorkSpacesManaged } from '../directories/directories.js';
import {
  AdviceSchema,
  byHealth,
  DirectoryRowSchema,
  directoryRow,
  PagedFindingSchema,
  shareAdvice,
} from '../directories/directory-report.js';
import { directoryCapacity, FREE_IPS_CRITICAL, FREE_IPS_WARNING_FRACTION } from '../directories/subnets.js';
import type { DsStatus } from '../facts.js';
import { BarePage, checkDirectoryId, checkInteger, Str } from '../schemas.js';

const Input = Type.Object(
  { directoryId: Str(), ...BarePage, ...ScopeInput },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

/** Rows per page at most; a directory row with its subnets and findings is ~1 KB. */
const MAX_LIMIT = 100;
/**
 * Directories per page by default (worst first): a row is ~1.2 KB of JSON and the answer is sent
 * twice on the wire (structured and as text), so 5 rows keep the default answer within 20 KB.
 */
const DEFAULT_ROWS = 5;

const Row = Type.Object({ ...DirectoryRowSchema.properties, ...PlaceFields });
type Row = Static<typeof Row>;
const PagedRow = Type.Object({
  ...DirectoryRowSchema.properties,
  ...PlaceFields,
  findings: Type.Array(PagedFindingSchema),
});

const Output = Type.Object({
  summary: Type.String(),
  counts: Type.Object({
    directories: Type.Integer(),
    healthy: Type.Integer(),
    degraded: Type.Integer(),
    unhealthy: Type.Integer(),
    lowOnIps: Type.Integer({ description: 'Directories whose subnets are low on (or out of) free IPs.' }),
  }),
  directories: Type.Array(PagedRow),
  advice: AdviceSchema,
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

/** One scope's directories judged; a failed secondary lookup is an error entry, the rest stands. */
async function scopeHealth(
  ctx: ToolContext,
  scope: Scope,
  directoryId: string | undefined,
): Promise<{ rows: Row[]; errors: ErrorEntry[] }> {
  const errors: ErrorEntry[] = [];
  const directories = directoryId
    ? await describeDirectoriesByIds(ctx, scope, [directoryId])
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
      : (directoryId ? ipGroupsByIds(ctx, scope, groupIds) : listIpGroups(ctx, scope)).catch(
          failed(SERVICE_LABELS.personal),
        ),
    // One request for every directory's subnets (200 ids a call), not one per directory.
    describeSubnetsByIds(ctx, scope, subnetIds).catch(failed(SERVICE_LABELS.ec2)),
  ]);
  const groupFacts = groups
    ? new Map<string, IpGroupFacts>(groups.map((g) => [g.groupId ?? '', ipGroupFacts(g)]))
    : undefined;
  const place = placeOf(ctx.aws, scope);
  const rows = directories.map((d) => {
    const id = d.DirectoryId ?? '';
    const ds: DsStatus = isWorkSpacesManaged(id)
      ? { kind: 'not-applicable' }
      : (dsStatuses?.get(id) ?? { kind: 'unknown' });
    const row = directoryRow(d, {
      ds,
      ipGroups: groupFacts,
      capacity: subnets ? directoryCapacity(d.SubnetIds ?? [], subnets) : undefined,
    });
    return { ...row, ...place };
  });
  return { rows, errors };
}

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkDirectoryId('directoryId', input.directoryId);
  checkInteger('limit', input.limit, 1, MAX_LIMIT);
  const { limit, cursor, fresh: _fresh, ...filters } = input;
  // Read before any request (a bad cursor costs none), bound to the directory and the scopes.
  const position = readCursor(cursor, filters);
  const fan = await acrossScopes(ctx, input, (scope) => scopeHealth(ctx, scope, input.directoryId));
  const errors = [...fan.errors, ...fan.answered.flatMap((a) => a.value.errors)];
  const rows = fan.answered.flatMap((a) => a.value.rows).sort(byHealth);
  const counts = {
    directories: rows.length,
    healthy: rows.filter((r) => r.status === 'healthy').length,
    degraded: rows.filter((r) => r.status === 'degraded').length,
    unhealthy: rows.filter((r) => r.status === 'unhealthy').length,
    lowOnIps: rows.filter((r) => r.freeIps.level === 'low' || r.freeIps.level === 'critical').length,
  };
  const { offset } = position;
  const { page, nextCursor } = position.page(rows, limit ?? Math.min(ctx.limits.pageSize, DEFAULT_ROWS));
  const where = placesText(
    ctx.aws,
    fan.answered.map((a) => a.scope),
  );
  const worst = rows.find((r) => r.status !== 'healthy');
  const tightest = rows
    .filter((r) => r.freeIps.level === 'critical' || r.freeIps.level === 'low')
    .sort((a, b) => (a.freeIps.free ?? 0) - (b.freeIps.free ?? 0))[0];
  const summary =
    (rows.length === 0
      ? input.directoryId
        ? `Directory ${input.directoryId} is not registered with WorkSpaces in ${where || 'any readable scope'} (or does not exist).`
        : `No WorkSpaces directories in ${where || 'any readable scope'}.`
      : `${rows.length} directories in ${where}: ${counts.unhealthy} unhealthy, ${counts.degraded} degraded, ${counts.healthy} healthy; ${counts.lowOnIps} low on free IPs.` +
        (worst
          ? ` Worst: ${worst.directoryId} (${worst.region}) — ${worst.findings[0]?.title ?? worst.status}.`
          : '') +
        (tightest && tightest !== worst
          ? ` Fewest free IPs: ${tightest.directoryId} (${tightest.freeIps.free ?? 0}).`
          : '') +
        pageNote(offset, page.length, nextCursor)) + partialNote(errors);
  // Directories share most findings (no IP group, local admin...): each explanation is said once.
  const { rows: pagedRows, advice } = shareAdvice(page);
  return {
    summary,
    counts,
    directories: pagedRows,
    advice,
    ...(nextCursor ? { nextCursor } : {}),
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
    'Are my WorkSpaces directories healthy, locked down and not running out of IPs? Worst first: registration, Directory Service stage, free subnet IPs (each launch or rebuild takes one), open IP access groups, local admin, web access, maintenance mode.',
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
