import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  getMetricDataBatched,
  type MetricSeries,
  RegionInput,
  regionScope,
  SERVICE_LABELS,
  seriesFailure,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { cloudWatchSdk } from '../aws/sdk.js';
import { describeConnectionStatus, describeWorkspacesByIds } from '../aws/workspaces.js';
import {
  CONNECTION_METRICS,
  type ConnectionBucket,
  type ConnectionField,
  connectionStory,
  connectionTotals,
} from '../metrics/connections.js';
import { metricErrors, metricWindow, round, workspaceQuery } from '../metrics/metrics.js';
import { WorkspaceIdSchema } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceId: WorkspaceIdSchema,
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
    periodHours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 168,
        default: 24,
        description: 'Bucket size in hours (1 = hourly, 24 = daily).',
      }),
    ),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const N = Type.Union([Type.Number(), Type.Null()]);
const Output = Type.Object({
  summary: Type.String(),
  found: Type.Boolean(),
  region: Type.String(),
  workspaceId: Type.String(),
  userName: Type.Union([Type.String(), Type.Null()]),
  protocols: Type.Array(Type.String()),
  connectionState: Type.Union([Type.String(), Type.Null()]),
  lastKnownUserConnection: Type.Union([Type.String(), Type.Null()]),
  window: Type.Object({ start: Type.String(), end: Type.String(), periodHours: Type.Integer() }),
  totals: Type.Object({
    buckets: Type.Integer(),
    connectedBuckets: Type.Integer(),
    bucketsWithData: Type.Integer(),
    attempts: Type.Number(),
    successes: Type.Number(),
    failures: Type.Number(),
    disconnects: Type.Number(),
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

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  const lookbackDays = input.lookbackDays ?? 7;
  const periodHours = Math.min(input.periodHours ?? 24, lookbackDays * 24);
  const window = metricWindow(ctx.now(), lookbackDays * 86_400, periodHours * 3600);
  const errors: ErrorEntry[] = [];
  const ws = (await describeWorkspacesByIds(ctx, scope, [input.workspaceId])).get(input.workspaceId);
  const count = Math.floor((window.end.getTime() - window.start.getTime()) / (periodHours * 3_600_000));
  const emptyTotals = connectionTotals([]);
  const base = {
    region: scope.region,
    workspaceId: input.workspaceId,
    window: { start: window.start.toISOString(), end: window.end.toISOString(), periodHours },
  };
  if (!ws)
    return {
      ...base,
      summary: `No WorkSpace ${input.workspaceId} in ${scope.region}.`,
      found: false,
      userName: null,
      protocols: [],
      connectionState: null,
      lastKnownUserConnection: null,
      totals: emptyTotals,
      notes: [],
      errors,
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
    summary: `${input.workspaceId} (${ws.UserName ?? 'no user'}): ${connectionStory(totals, periodHours, lookbackDays)}${last ? ` Last known user connection: ${last}.` : ''}`,
    found: true,
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
      'Counts are sums over each period; launch time and latency are averages of the periods that have data.',
    ],
    errors,
  };
}

export const getWorkspaceConnectionHistory = defineTool({
  name: 'get_workspace_connection_history',
  title: 'Get WorkSpace connection history',
  description:
    'When and how well has this desktop been used? Connection history of one WorkSpaces Personal desktop over lookbackDays in periodHours buckets: whether a user was connected (UserConnected), connection attempts, successes, failures and session disconnects (summed, never averaged), session launch time and in-session latency, plus the live connection state and last known user connection, with a plain-language summary. ' +
    'Use diagnose_workspace_connectivity for "why can they not connect now". Cost: 3 calls (DescribeWorkspaces, DescribeWorkspacesConnectionStatus, one GetMetricData with 7 queries).',
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
