import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type MetricFailure,
  type MetricSeries,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { readPoolSeries, recentHoursWindow, seriesKey } from '../aws/metrics.js';
import { describeDirectories, listPoolSessions } from '../aws/workspaces.js';
import { capacityOf, isServing } from '../capacity.js';
import {
  capacityFindings,
  DiagnosisFinding,
  directoryFindings,
  errorFindings,
  rejectionFinding,
  stateFinding,
  statusOf,
  timeoutFindings,
} from '../diagnosis.js';
import { endOfSupportNotice, POOLS_SERVICE } from '../end-of-support.js';
import { countSessions, type SessionCounts, sessionRow } from '../sessions.js';

const Input = Type.Object(
  {
    pool: PoolInput,
    lookbackHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Capacity = Type.Object({
  desired: Type.Integer(),
  actual: Type.Integer(),
  active: Type.Integer(),
  available: Type.Integer(),
});

const Output = Type.Object({
  summary: Type.String(),
  status: Type.Union([Type.Literal('healthy'), Type.Literal('degraded'), Type.Literal('unhealthy')]),
  pool: Type.Object({
    poolId: Type.String(),
    name: Type.Optional(Type.String()),
    state: Type.String(),
    runningMode: Type.Optional(Type.String()),
    directoryId: Type.Optional(Type.String()),
    account: Type.Optional(Type.String()),
    region: Type.String(),
    capacity: Capacity,
  }),
  signals: Type.Object({
    sessionsNow: Type.Optional(
      Type.Object({ total: Type.Integer(), connected: Type.Integer(), notConnected: Type.Integer() }),
    ),
    peakUtilizationPercent: Type.Optional(Type.Number()),
    rejectedSessions: Type.Optional(Type.Integer()),
  }),
  findings: Type.Array(DiagnosisFinding),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const UTILIZATION = { metric: 'UserSessionsCapacityUtilization', stat: 'Maximum' } as const;
const REJECTED = { metric: 'InsufficientCapacityError', stat: 'Sum' } as const;

const isSeries = (read: MetricSeries | MetricFailure | undefined): read is MetricSeries =>
  read !== undefined && 'values' in read;

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locatePool(ctx, input.pool, input);
  const { pool, scope, poolId } = where;
  const hours = input.lookbackHours ?? 24;
  const now = ctx.now();
  const errors: ErrorEntry[] = [];
  const failed = (service: string) => (error: unknown) => {
    errors.push(errorEntry(service, scope, error));
    return undefined;
  };
  const directoryId = pool.DirectoryId;
  const [directories, sessions, metrics] = await Promise.all([
    directoryId ? describeDirectories(ctx, scope, [directoryId]).catch(failed(POOLS_SERVICE)) : undefined,
    // Only a serving pool has sessions; a stopped or starting one would answer an empty list.
    isServing(pool.State) ? listPoolSessions(ctx, scope, poolId).catch(failed(POOLS_SERVICE)) : undefined,
    readPoolSeries(ctx, scope, [poolId], [UTILIZATION, REJECTED], recentHoursWindow(now, hours)).catch(
      failed(SERVICE_LABELS.cloudwatch),
    ),
  ]);
  const counts: SessionCounts | undefined = sessions
    ? countSessions(sessions.map((s) => sessionRow(s, scope, now)))
    : undefined;
  const utilization = metrics?.get(seriesKey(poolId, UTILIZATION));
  const rejectedSeries = metrics?.get(seriesKey(poolId, REJECTED));
  for (const read of [utilization, rejectedSeries])
    if (read && !isSeries(read)) {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, read, 'AWS/WorkSpaces pool metrics: '));
      break;
    }
  const peak =
    isSeries(utilization) && utilization.values.length > 0 ? Math.max(...utilization.values) : undefined;
  const rejected = isSeries(rejectedSeries) ? rejectedSeries.values.reduce((a, b) => a + b, 0) : undefined;
  const findings: DiagnosisFinding[] = [
    ...errorFindings(pool),
    ...capacityFindings(pool, counts),
    ...[rejectionFinding(rejected ?? 0, hours)].filter((f): f is DiagnosisFinding => f !== undefined),
    // An unread directory is in errors, not a "not found" finding.
    ...(directoryId && !directories
      ? []
      : directoryFindings(directoryId, directories?.get(directoryId ?? ''))),
    ...timeoutFindings(pool),
    stateFinding(pool.State),
  ];
  const order = { critical: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  const status = statusOf(findings);
  const capacity = capacityOf(pool);
  const headline = findings.filter((f) => f.severity !== 'info').map((f) => f.title);
  const summary =
    `WorkSpaces Pools pool ${poolLabel(where)} is ${status}: ${pool.State ?? 'UNKNOWN'}, ${capacity.active}/${capacity.actual} sessions in use (desired ${capacity.desired})` +
    (peak !== undefined ? `, utilization peak ${Math.round(peak)}% in ${hours} h` : '') +
    '.' +
    (headline.length > 0 ? ` ${headline.join('; ')}.` : '') +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    status,
    pool: {
      poolId,
      ...(pool.PoolName ? { name: pool.PoolName } : {}),
      state: pool.State ?? 'UNKNOWN',
      ...(pool.RunningMode ? { runningMode: pool.RunningMode } : {}),
      ...(directoryId ? { directoryId } : {}),
      ...(scope.account ? { account: scope.account } : {}),
      region: scope.region,
      capacity,
    },
    signals: {
      ...(counts ? { sessionsNow: counts } : {}),
      ...(peak !== undefined ? { peakUtilizationPercent: Math.round(peak * 10) / 10 } : {}),
      ...(rejected !== undefined ? { rejectedSessions: rejected } : {}),
    },
    findings,
    notes: [endOfSupportNotice(now)],
    errors,
  };
}

/** diagnose_pool: why users of one pool cannot get a session. */
export const diagnosePool = defineTool({
  name: 'diagnose_pool',
  title: 'Diagnose a WorkSpaces pool',
  description:
    'Why can users of a WorkSpaces Pools pool (EOS 2027-12-31) not get a session? State, error codes with cause and fix, capacity exhausted or below desired, directory, turned-away sessions, utilization peak. Default 24 h.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspacesPoolSessions',
    'workspaces:DescribeWorkspaceDirectories',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
