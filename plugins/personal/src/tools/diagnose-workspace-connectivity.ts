import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  RegionInput,
  regionScope,
  SERVICE_LABELS,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { describeDsStatuses } from '../aws/directory-service.js';
import { describeConnectionStatus, describeSnapshots } from '../aws/workspaces.js';
import { WorkspaceRowSchema, workspaceFacts, workspaceRow } from '../desktops/rows.js';
import { allowedActions, describeState } from '../desktops/states.js';
import {
  bestEffort,
  connectionMetrics,
  directoryWithCapacity,
  resolveDesktops,
} from '../diagnosis/connectivity.js';
import { diagnoseWorkspace } from '../diagnosis/diagnosis.js';
import { maintenanceWindow } from '../diagnosis/maintenance.js';
import { remediationLadder } from '../diagnosis/remediation.js';
import { DiagnosisFindingSchema, rankFindings, statusOf } from '../diagnosis/weighted-findings.js';
import {
  type DirectoryFacts,
  directoryFacts,
  dsStageLabel,
  isWorkSpacesManaged,
} from '../directories/directories.js';
import { percentFree } from '../directories/subnets.js';
import type { DsStatus } from '../facts.js';
import { round } from '../metrics/metrics.js';
import { DirectoryIdSchema, WorkspaceIdSchema } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceId: Type.Optional(WorkspaceIdSchema),
    userName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 63,
        description: 'The directory user name (exact, case-insensitive).',
      }),
    ),
    directoryId: Type.Optional(DirectoryIdSchema),
    computerName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 63,
        description: 'The desktop computer name (exact, case-insensitive).',
      }),
    ),
    region: RegionInput,
    lookbackHours: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 168, default: 24, description: 'Metric window in hours (1–168).' }),
    ),
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const Output = Type.Object({
  summary: Type.String(),
  status: Type.Union([
    Type.Literal('healthy'),
    Type.Literal('degraded'),
    Type.Literal('unhealthy'),
    Type.Literal('not_found'),
  ]),
  region: Type.String(),
  workspace: Type.Optional(
    Type.Object({
      ...WorkspaceRowSchema.properties,
      stateMeaning: Type.String(),
      allowedActions: Type.Array(Type.String()),
      protocols: Type.Array(Type.String()),
      errorCode: NullableString,
      errorMessage: NullableString,
      pendingModifications: Type.Array(Type.Object({ resource: Type.String(), state: Type.String() })),
      related: Type.Array(
        Type.Object({ workspaceId: Type.String(), type: Type.String(), region: Type.String() }),
      ),
    }),
  ),
  otherMatches: Type.Optional(
    Type.Array(WorkspaceRowSchema, { description: 'Other desktops that matched the lookup.' }),
  ),
  connection: Type.Optional(Type.Object({ state: NullableString, lastKnownUserConnection: NullableString })),
  directory: Type.Optional(
    Type.Object({
      directoryId: Type.String(),
      registration: NullableString,
      directoryServiceStage: Type.String({
        description: 'Stage, `not found`, `not applicable (WorkSpaces-managed)` or `unknown`.',
      }),
      maintenanceModeEnabled: Type.Union([Type.Boolean(), Type.Null()]),
      freeIpAddresses: Type.Union([Type.Integer(), Type.Null()], {
        description:
          "Free IPs over the directory's subnets (a rebuild or a new desktop takes one); null if not read.",
      }),
      percentFree: NullableNumber,
      subnets: Type.Array(
        Type.Object({ subnetId: Type.String(), availabilityZone: NullableString, free: Type.Integer() }),
      ),
    }),
  ),
  snapshots: Type.Optional(Type.Object({ lastRestore: NullableString, lastRebuild: NullableString })),
  maintenance: Type.Optional(
    Type.Object({
      kind: Type.String(),
      description: Type.String(),
      opens: Type.Optional(Type.String()),
      closes: Type.Optional(Type.String()),
      inWindowNow: Type.Optional(Type.Boolean()),
    }),
  ),
  metrics: Type.Optional(
    Type.Object({
      lookbackHours: Type.Integer(),
      connectionAttempts: NullableNumber,
      connectionFailures: NullableNumber,
      inSessionLatencyMs: NullableNumber,
      sessionLaunchSeconds: NullableNumber,
      cpuAvgPercent: NullableNumber,
    }),
  ),
  findings: Type.Array(DiagnosisFindingSchema),
  remediation: Type.Array(Type.Object({ step: Type.String(), tool: Type.Optional(Type.String()) })),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const given = [input.workspaceId, input.userName, input.computerName].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new ToolError(
      'InvalidInput',
      'Give exactly one of workspaceId, userName (optionally with directoryId) or computerName.',
    );
  const scope = regionScope(ctx.aws, input.region);
  const lookbackHours = input.lookbackHours ?? 24;
  const { by, matches } = await resolveDesktops(ctx, scope, input);
  const [ws, ...others] = [...matches].sort(
    (a, b) => Number(b.State === 'AVAILABLE') - Number(a.State === 'AVAILABLE'),
  );
  const errors: ErrorEntry[] = [];
  if (!ws?.WorkspaceId)
    return {
      summary: `No WorkSpace matches ${by} in ${scope.region}. Check the spelling and region, or search with find_workspaces.`,
      status: 'not_found',
      region: scope.region,
      findings: [],
      remediation: [],
      errors,
    };
  const workspaceId = ws.WorkspaceId;
  const directoryId = ws.DirectoryId;
  const [connection, snapshots, directory, ds, metrics] = await Promise.all([
    bestEffort(errors, SERVICE_LABELS.personal, scope, async () =>
      (await describeConnectionStatus(ctx, scope, [workspaceId])).get(workspaceId),
    ),
    bestEffort(errors, SERVICE_LABELS.personal, scope, () => describeSnapshots(ctx, scope, workspaceId)),
    directoryId ? directoryWithCapacity(ctx, scope, directoryId, errors) : undefined,
    directoryId && !isWorkSpacesManaged(directoryId)
      ? bestEffort(errors, SERVICE_LABELS.directoryService, scope, () =>
          describeDsStatuses(ctx, scope, [directoryId]),
        )
      : undefined,
    connectionMetrics(ctx, scope, workspaceId, lookbackHours, errors),
  ]);
  const dirRecord = directory?.record;
  const capacity = directory?.capacity;
  const dsStatus: DsStatus =
    directoryId && isWorkSpacesManaged(directoryId)
      ? { kind: 'not-applicable' }
      : (ds?.get(directoryId ?? '') ?? { kind: 'unknown' });
  const dirFacts: DirectoryFacts | undefined = dirRecord
    ? directoryFacts(dirRecord, dsStatus, undefined, capacity)
    : undefined;
  const facts = workspaceFacts(ws);
  const connectionFacts = connection
    ? { state: connection.ConnectionState, lastUserConnection: connection.LastKnownUserConnectionTimestamp }
    : undefined;
  const weighted = diagnoseWorkspace({
    workspace: facts,
    connection: connectionFacts,
    directory: dirFacts,
    snapshots,
    metrics,
    now: ctx.now(),
  });
  if (others.length > 0 && input.userName)
    weighted.push({
      id: 'user.multiple-desktops',
      severity: 'warning',
      title: `${input.userName} has ${matches.length} desktops`,
      detail: `A user can sign in to only one WorkSpace per directory; the others are listed in otherMatches (${others.map((o) => o.WorkspaceId).join(', ')}).`,
      weight: 65,
    });
  const findings = rankFindings(weighted);
  const status = statusOf(findings);
  const row = workspaceRow(ws);
  const state = facts.state;
  const lead = findings.find((f) => f.severity !== 'info');
  return {
    summary: `${workspaceId} (${row.userName ?? 'no user'}) is ${status}: ${state ?? 'unknown state'}${lead ? `; top finding: ${lead.title}` : ''}.`,
    status,
    region: scope.region,
    workspace: {
      ...row,
      stateMeaning: state ? describeState(state).meaning : 'Unknown state.',
      allowedActions: state ? allowedActions(state, facts.runningMode) : [],
      protocols: [...facts.protocols],
      errorCode: ws.ErrorCode ?? null,
      errorMessage: ws.ErrorMessage ?? null,
      pendingModifications: [...facts.modifications],
      related: [...facts.related],
    },
    ...(others.length > 0 ? { otherMatches: others.slice(0, 10).map(workspaceRow) } : {}),
    ...(connection
      ? {
          connection: {
            state: connection.ConnectionState ?? null,
            lastKnownUserConnection: connection.LastKnownUserConnectionTimestamp?.toISOString() ?? null,
          },
        }
      : {}),
    ...(directoryId
      ? {
          directory: {
            directoryId,
            registration: dirRecord?.State ?? null,
            directoryServiceStage: dsStageLabel(dsStatus),
            maintenanceModeEnabled: dirRecord?.WorkspaceCreationProperties?.EnableMaintenanceMode ?? null,
            freeIpAddresses: capacity && capacity.subnets.length > 0 ? capacity.free : null,
            percentFree: capacity ? percentFree(capacity) : null,
            subnets: (capacity?.subnets ?? []).map((subnet) => ({
              subnetId: subnet.subnetId,
              availabilityZone: subnet.availabilityZone,
              free: subnet.free,
            })),
          },
        }
      : {}),
    ...(snapshots
      ? {
          snapshots: {
            lastRestore: snapshots.lastRestore?.toISOString() ?? null,
            lastRebuild: snapshots.lastRebuild?.toISOString() ?? null,
          },
        }
      : {}),
    maintenance: { ...maintenanceWindow(facts.runningMode, dirFacts?.maintenanceEnabled, ctx.now()) },
    metrics: {
      lookbackHours,
      connectionAttempts: metrics.attempts,
      connectionFailures: metrics.failures,
      inSessionLatencyMs: round(metrics.latencyMs),
      sessionLaunchSeconds: round(metrics.launchSeconds),
      cpuAvgPercent: round(metrics.cpuAvgPercent ?? null),
    },
    findings,
    // A blocking cause outside the desktop (directory, failed change, connections) comes first;
    // the state's own ladder follows.
    remediation: [
      ...(lead?.nextStep && !lead.id.startsWith('state.') ? [{ step: lead.nextStep }] : []),
      ...remediationLadder(
        state,
        facts.runningMode,
        snapshots,
        capacity && capacity.subnets.length > 0 ? { freeIps: capacity.free } : {},
      ),
    ],
    errors,
  };
}

export const diagnoseWorkspaceConnectivity = defineTool({
  name: 'diagnose_workspace_connectivity',
  title: 'Diagnose WorkSpace connectivity',
  description:
    'Why can this user not connect? Diagnoses one WorkSpaces Personal desktop, found by workspaceId, by userName (add directoryId for an exact server-side lookup) or by computerName. ' +
    "Returns a ranked list of findings (critical first, most likely cause first) and a remediation ladder (wait → reboot → check → rebuild last): the desktop's state with what it means and which actions it allows, " +
    'live connection state and last user connection, directory registration and Directory Service stage (skipped for WorkSpaces-managed wsd- directories), pending modifications, restore/rebuild snapshots, the maintenance window in force, ' +
    'and over lookbackHours: connection attempts and failures (summed), in-session latency and session launch time. Overall status healthy/degraded/unhealthy/not_found. ' +
    "It also reads the free IPs of the directory's subnets (a rebuild gives the desktop a new private IP) and the CPU, a documented UNHEALTHY cause. " +
    'Cost: about 7 API calls (DescribeWorkspaces, DescribeWorkspacesConnectionStatus, DescribeWorkspaceSnapshots, DescribeWorkspaceDirectories, ds:DescribeDirectories, ec2:DescribeSubnets, one GetMetricData); a lookup by userName without directoryId adds one DescribeWorkspaces per directory (up to 50 directories); a lookup by computerName pages through every desktop in the region (25 per call).',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'workspaces:DescribeWorkspaceSnapshots',
    'workspaces:DescribeWorkspaceDirectories',
    'ds:DescribeDirectories',
    'ec2:DescribeSubnets',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
