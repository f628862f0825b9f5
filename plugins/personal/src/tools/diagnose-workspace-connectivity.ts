import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { describeDsStatuses } from '../aws/directory-service.js';
import { searchedText } from '../aws/locate.js';
import { PlaceFields, placeOf } from '../aws/scopes.js';
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
import { checkDirectoryId, checkInteger, checkText, checkWorkspaceId, Int, Str } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceId: Str(),
    userName: Str(),
    directoryId: Str(),
    computerName: Str(),
    lookbackHours: Int(),
    ...ScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

function checkInput(input: Input): void {
  const given = [input.workspaceId, input.userName, input.computerName].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new ToolError(
      'InvalidInput',
      'Give exactly one of workspaceId, userName (optionally with directoryId) or computerName.',
    );
  checkWorkspaceId('workspaceId', input.workspaceId);
  checkDirectoryId('directoryId', input.directoryId);
  checkText('userName', input.userName, 63);
  checkText('computerName', input.computerName, 63);
  checkInteger('lookbackHours', input.lookbackHours, 1, 168);
}

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const Output = Type.Object({
  summary: Type.String(),
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
  ...PlaceFields,
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

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkInput(input);
  const lookbackHours = input.lookbackHours ?? 24;
  const resolved = await resolveDesktops(ctx, input, input);
  const [located, ...others] = [...resolved.matches].sort(
    (a, b) => Number(b.workspace.State === 'AVAILABLE') - Number(a.workspace.State === 'AVAILABLE'),
  );
  // Scopes that could not be searched are reported: the desktop may have a namesake there.
  const errors: ErrorEntry[] = resolved.failures.map((f) =>
    errorEntry(SERVICE_LABELS.personal, f.scope, f.error),
  );
  const ws = located?.workspace;
  if (!located || !ws?.WorkspaceId)
    throw new ToolError(
      'NotFound',
      `${resolved.field}: no WorkSpace matches ${resolved.by} ${searchedText(ctx.aws, resolved)}. Check the spelling, or search with find_workspaces.`,
    );
  const { scope } = located;
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
      title: `${input.userName} has ${resolved.matches.length} desktops`,
      detail: `A user can sign in to only one WorkSpace per directory; the others are listed in otherMatches (${others.map((o) => o.workspace.WorkspaceId).join(', ')}).`,
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
    ...placeOf(ctx.aws, scope),
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
    ...(others.length > 0 ? { otherMatches: others.slice(0, 10).map((o) => workspaceRow(o.workspace)) } : {}),
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
      ...remediationLadder(state, facts.runningMode, snapshots, {
        ...(capacity && capacity.subnets.length > 0 ? { freeIps: capacity.free } : {}),
        use: {
          lastUserConnection: connection ? (connection.LastKnownUserConnectionTimestamp ?? null) : undefined,
          recentConnections: errors.some((e) => e.service === SERVICE_LABELS.cloudwatch)
            ? undefined
            : metrics.attempts === null
              ? null
              : Math.max(0, metrics.attempts - (metrics.failures ?? 0)),
        },
      }),
    ],
    errors,
  };
}

export const diagnoseWorkspaceConnectivity = defineTool({
  name: 'diagnose_workspace_connectivity',
  title: 'Diagnose WorkSpace connectivity',
  description:
    'Why can this user not connect? Diagnoses one WorkSpaces Personal desktop by workspaceId, userName (+directoryId) or computerName: ranked findings and a remediation ladder.',
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
