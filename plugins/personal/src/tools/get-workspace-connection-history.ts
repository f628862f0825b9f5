import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  getMetricDataBatched,
  type MetricSeries,
  SERVICE_LABELS,
  seriesFailure,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { LocateScopeInput, locateWorkspace } from '../aws/locate.js';
import { PlaceFields, placeLabel, placeOf } from '../aws/scopes.js';
import { cloudWatchSdk } from '../aws/sdk.js';
import { describeConnectionStatus } from '../aws/workspaces.js';
import {
  CONNECTION_METRICS,
  type ConnectionBucket,
  type ConnectionField,
  connectionStory,
  connectionTotals,
} from '../metrics/connections.js';
import { metricErrors, metricWindow, round, workspaceQuery } from '../metrics/metrics.js';
import { checkInteger, checkWorkspaceId, Int } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceId: Type.String(),
    lookbackDays: Int(),
    periodHours: Int(),
    // Found by id and read live: the estate snapshot (`fresh`) does not apply.
    ...LocateScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

const N = Type.Union([Type.Number(), Type.Null()]);
const Output = Type.Object({
  summary: Type.String(),
  workspaceId: Type.String(),
  ...PlaceFields,
  userName: Type.Union([Type.String(), Type.Null()]),
  protocols: Type.Array(Type.String()),
  connectionState: Type.Union([Type.String(), Type.Null()]),
  lastKnownUserConnection: Type.Union([Type.String(), Type.Null()]),
  window: Type.Object({ start: Type.String(), end: Type.String(), periodHours: Type.Integer() }),
  totals: Type.Object({
    buckets: Type.Integer(),
    connectedBuckets: Type.Union([Type.Integer(), Type.Null()]),
    bucketsWithData: Type.Integer(),
    attempts: N,
    successes: N,
    failures: N,
    disconnects: N,
    failureRatePct: N,
    avgLaunchSeconds: N,
    avgLatencyMs: N,
  }),
  buckets: Type.Optional(
    Type.Array(
      Type.Object({
        start: Type.String(),
        connected: N,
        attempts: N,
        successes: N,
        failures: N,
        disconnects: N,
        launchSeconds: N,
        latencyMs: N,
      }),
      { description: 'Per-period values, only when there are at most 168 periods.' },
    ),
  ),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const MAX_BUCKETS_LISTED = 168;

/** Lines the series up by period start; a period with no datapoint is null, not zero. */
function bucketsFrom(
  series: ReadonlyMap<string, MetricSeries>,
  start: Date,
  periodMs: number,
  count: number,
): ConnectionBucket[] {
  const byField = new Map<ConnectionField, Map<number, number>>();
  for (const [field] of CONNECTION_METRICS) {
    const s = series.get(field);
    const points = new Map<number, number>();
    if (s && !seriesFailure(s))
      for (const [i, t] of s.timestamps.entries()) points.set(t.getTime(), s.values[i] ?? 0);
    byField.set(field, points);
  }
  return Array.from({ length: count }, (_, i) => {
    const at = start.getTime() + i * periodMs;
    const value = (field: ConnectionField) => byField.get(field)?.get(at) ?? null;
    return {
      start: new Date(at).toISOString(),
      connected: value('connected'),
      attempts: value('attempts'),
      successes: value('successes'),
      failures: value('failures'),
      disconnects: value('disconnects'),
      launchSeconds: value('launchSeconds'),
      latencyMs: value('latencyMs'),
    };
  });
}

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkWorkspaceId('workspaceId', input.workspaceId);
  checkInteger('lookbackDays', input.lookbackDays, 1, 90);
  checkInteger('periodHours', input.periodHours, 1, 168);
  const lookbackDays = input.lookbackDays ?? 7;
  const periodHours = Math.min(input.periodHours ?? 24, lookbackDays * 24);
  const window = metricWindow(ctx.now(), lookbackDays * 86_400, periodHours * 3600);
  const errors: ErrorEntry[] = [];
  const { scope, workspace: ws } = await locateWorkspace(ctx, input, input.workspaceId);
  const count = Math.floor((window.end.getTime() - window.start.getTime()) / (periodHours * 3_600_000));
  const base = {
    ...placeOf(ctx.aws, scope),
    workspaceId: input.workspaceId,
    window: { start: window.start.toISOString(), end: window.end.toISOString(), periodHours },
  };
  const queries = CONNECTION_METRICS.map(([field, metric, stat]) =>
    workspaceQuery(field, input.workspaceId, metric, stat, periodHours * 3600),
  );
  const { CloudWatchClient } = await cloudWatchSdk();
  const [status, series] = await Promise.all([
    describeConnectionStatus(ctx, scope, [input.workspaceId]).then(
      (m) => m.get(input.workspaceId),
      (error: unknown) => {
        errors.push(errorEntry(SERVICE_LABELS.personal, scope, error));
        return undefined;
      },
    ),
    getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, { signal: ctx.signal }),
  ]);
  errors.push(...metricErrors(series.values(), scope));
  const buckets = bucketsFrom(series, window.start, periodHours * 3_600_000, count);
  const totals = connectionTotals(buckets);
  const protocols = ws.WorkspaceProperties?.Protocols ?? [];
  const last = status?.LastKnownUserConnectionTimestamp?.toISOString() ?? null;
  return {
    ...base,
    summary: `${input.workspaceId} (${ws.UserName ?? 'no user'}, ${placeLabel(ctx.aws, scope)}): ${connectionStory(totals, periodHours, lookbackDays)}${last ? ` Last known user connection: ${last}.` : ''}`,
    userName: ws.UserName ?? null,
    protocols,
    connectionState: status?.ConnectionState ?? null,
    lastKnownUserConnection: last,
    totals: {
      ...totals,
      avgLaunchSeconds: round(totals.avgLaunchSeconds),
      avgLatencyMs: round(totals.avgLatencyMs),
    },
    ...(buckets.length <= MAX_BUCKETS_LISTED ? { buckets } : {}),
    notes: [
      ...(buckets.length > MAX_BUCKETS_LISTED
        ? [`${buckets.length} periods: per-period values omitted; use a larger periodHours to see them.`]
        : []),
      ...(protocols.length > 0 && !protocols.includes('PCOIP')
        ? [
            'ConnectionAttempt/Success/Failure are documented for PCoIP; this DCV (WSP) desktop may publish none.',
          ]
        : []),
      'Counts are sums over each period; launch time and latency are averages of the periods that have data. A total is null where CloudWatch has no datapoint of it in the window: no data, not zero.',
    ],
    errors,
  };
}

export const getWorkspaceConnectionHistory = defineTool({
  name: 'get_workspace_connection_history',
  title: 'Get WorkSpace connection history',
  description:
    'When and how well has this WorkSpaces Personal desktop been used? Connected time, connection failures, launch time and latency per periodHours (default 24) over lookbackDays (default 7). For why they cannot connect now: diagnose_workspace_connectivity.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaces',
    'workspaces:DescribeWorkspacesConnectionStatus',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
