import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import { defineTool, type ToolContext } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import {
  describeDirectoriesByIds,
  describeDsStatuses,
  listDirectories,
  listIpGroups,
  whereOf,
} from '../aws.js';
import {
  type DsStatus,
  directoryFacts,
  directoryFindings,
  dsStageLabel,
  type IpGroupFacts,
  ipGroupFacts,
  isWorkSpacesManaged,
} from '../directories.js';
import { DiagnosisFindingSchema, rankFindings, statusOf } from '../findings.js';
import {
  DirectoryIdSchema,
  type ErrorEntry,
  ErrorEntrySchema,
  errorEntry,
  RegionInput,
  SERVICE,
} from '../schemas.js';

const Input = Type.Object(
  {
    directoryId: Type.Optional(DirectoryIdSchema),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableBoolean = Type.Union([Type.Boolean(), Type.Null()]);

const DirectorySchema = Type.Object({
  directoryId: Type.String(),
  name: NullableString,
  alias: NullableString,
  type: NullableString,
  workspaceType: NullableString,
  registration: NullableString,
  directoryServiceStage: Type.String({
    description: 'Stage, `not found`, `not applicable (WorkSpaces-managed)` or `unknown`.',
  }),
  subnetIds: Type.Array(Type.String()),
  ipGroups: Type.Array(
    Type.Object({
      groupId: Type.String(),
      name: NullableString,
      ruleCount: Type.Integer(),
      openRules: Type.Array(Type.String()),
    }),
  ),
  userEnabledAsLocalAdministrator: NullableBoolean,
  maintenanceModeEnabled: NullableBoolean,
  internetAccessEnabled: NullableBoolean,
  defaultOu: NullableString,
  customSecurityGroupId: NullableString,
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
  findings: Type.Array(DiagnosisFindingSchema),
});

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  counts: Type.Object({
    directories: Type.Integer(),
    healthy: Type.Integer(),
    degraded: Type.Integer(),
    unhealthy: Type.Integer(),
  }),
  directories: Type.Array(DirectorySchema),
  notes: Type.Array(Type.String()),
  errors: Type.Array(ErrorEntrySchema),
});
type Output = Static<typeof Output>;
type DirectoryRow = Static<typeof DirectorySchema>;

function row(
  directory: WorkspaceDirectory,
  ds: DsStatus,
  groups: ReadonlyMap<string, IpGroupFacts> | undefined,
): DirectoryRow {
  const facts = directoryFacts(directory, ds, groups);
  const findings = rankFindings(directoryFindings(facts, { security: true }));
  const props = directory.WorkspaceCreationProperties;
  return {
    directoryId: facts.directoryId,
    name: directory.DirectoryName ?? directory.WorkspaceDirectoryName ?? null,
    alias: directory.Alias ?? null,
    type: directory.DirectoryType ?? null,
    workspaceType: directory.WorkspaceType ?? null,
    registration: directory.State ?? null,
    directoryServiceStage: dsStageLabel(ds),
    subnetIds: directory.SubnetIds ?? [],
    ipGroups: (facts.ipGroups ?? []).map((g) => ({
      groupId: g.groupId,
      name: g.name ?? null,
      ruleCount: g.ruleCount,
      openRules: [...g.openRules],
    })),
    userEnabledAsLocalAdministrator: props?.UserEnabledAsLocalAdministrator ?? null,
    maintenanceModeEnabled: props?.EnableMaintenanceMode ?? null,
    internetAccessEnabled: props?.EnableInternetAccess ?? null,
    defaultOu: props?.DefaultOu ?? null,
    customSecurityGroupId: props?.CustomSecurityGroupId ?? null,
    status: statusOf(findings),
    findings,
  };
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = whereOf(ctx, input.region);
  const errors: ErrorEntry[] = [];
  const directories = input.directoryId
    ? await describeDirectoriesByIds(ctx, where, [input.directoryId])
    : await listDirectories(ctx, where);
  const adIds = directories.flatMap((d) =>
    d.DirectoryId && !isWorkSpacesManaged(d.DirectoryId) ? [d.DirectoryId] : [],
  );
  const [dsStatuses, groups] = await Promise.all([
    describeDsStatuses(ctx, where, adIds).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE.directoryService, where.region, error));
      return undefined;
    }),
    directories.some((d) => (d.ipGroupIds ?? []).length > 0)
      ? listIpGroups(ctx, where).then(
          (list) => new Map(list.map((g) => [g.groupId ?? '', ipGroupFacts(g)])),
          (error: unknown) => {
            errors.push(errorEntry(SERVICE.personal, where.region, error));
            return undefined;
          },
        )
      : Promise.resolve(new Map<string, IpGroupFacts>()),
  ]);
  const rows = directories.map((d) => {
    const id = d.DirectoryId ?? '';
    const ds: DsStatus = isWorkSpacesManaged(id)
      ? { kind: 'not-applicable' }
      : (dsStatuses?.get(id) ?? { kind: 'unknown' });
    return row(d, ds, groups);
  });
  const severityRank = { unhealthy: 0, degraded: 1, healthy: 2 } as const;
  rows.sort(
    (a, b) => severityRank[a.status] - severityRank[b.status] || a.directoryId.localeCompare(b.directoryId),
  );
  const counts = {
    directories: rows.length,
    healthy: rows.filter((r) => r.status === 'healthy').length,
    degraded: rows.filter((r) => r.status === 'degraded').length,
    unhealthy: rows.filter((r) => r.status === 'unhealthy').length,
  };
  const worst = rows.find((r) => r.status !== 'healthy');
  const summary =
    rows.length === 0
      ? input.directoryId
        ? `Directory ${input.directoryId} is not registered with WorkSpaces in ${where.region} (or does not exist).`
        : `No WorkSpaces directories in ${where.region}.`
      : `${rows.length} directories in ${where.region}: ${counts.unhealthy} unhealthy, ${counts.degraded} degraded, ${counts.healthy} healthy.${worst ? ` Worst: ${worst.directoryId} — ${worst.findings[0]?.title ?? worst.status}.` : ''}`;
  return {
    summary,
    region: where.region,
    counts,
    directories: rows,
    notes: [
      'Free IP addresses per subnet are not shown: they need ec2:DescribeSubnets, which this plugin does not call. Each launch uses one IP in a directory subnet; check the subnets listed before a large rollout.',
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
    'Are my WorkSpaces directories healthy and locked down? For one directory (directoryId) or every directory in the region: WorkSpaces registration state, Directory Service stage for AD-backed d- directories (WorkSpaces-managed wsd- ones have none), IP access groups with any 0.0.0.0/0 rule flagged, directories with no IP group flagged, users as local administrators, maintenance mode, internet access, default OU, subnets. ' +
    'Each directory gets findings and a status (unhealthy/degraded/healthy); unhealthy ones are listed first. Use diagnose_workspace_connectivity for one desktop. ' +
    'Cost: DescribeWorkspaceDirectories (1 call per 25 directories), ds:DescribeDirectories (1 call per 25 AD-backed directories), DescribeIpGroups (1 call per 25 groups).',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaceDirectories', 'ds:DescribeDirectories', 'workspaces:DescribeIpGroups'],
  input: Input,
  output: Output,
  run,
});
