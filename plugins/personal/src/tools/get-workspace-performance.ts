import type { Workspace } from '@aws-sdk/client-workspaces';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  getMetricDataBatched,
  type MetricSeries,
  queriesPerRequest,
  RegionInput,
  regionScope,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { cloudWatchSdk } from '../aws/sdk.js';
import { describeWorkspacesByIds, listAllWorkspaces } from '../aws/workspaces.js';
import { isGraphics } from '../desktops/rows.js';
import {
  maxOf,
  meanOf,
  metricErrors,
  metricWindow,
  round,
  valuesOf,
  workspaceQuery,
} from '../metrics/metrics.js';
import {
  byPressure,
  GPU_METRICS,
  PERFORMANCE_METRICS,
  type PerformanceSample,
  type Pressure,
  pressureOf,
} from '../metrics/performance.js';
import { DirectoryIdSchema, WorkspaceIdSchema } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceIds: Type.Optional(
      Type.Array(WorkspaceIdSchema, { minItems: 1, maxItems: 2000, uniqueItems: true }),
    ),
    directoryId: Type.Optional(DirectoryIdSchema),
    maxDesktops: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2000,
        default: 500,
        description: 'Most desktops measured in one call (the rest are counted, not measured).',
      }),
    ),
    lookbackHours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 168,
        default: 3,
        description: '5-minute resolution up to 24 h, hourly beyond.',
      }),
    ),
    topN: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
    region: RegionInput,
  },
  { additionalProperties: false },
);

const N = Type.Union([Type.Number(), Type.Null()]);
const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Union([Type.String(), Type.Null()]),
  computeType: Type.Union([Type.String(), Type.Null()]),
  pressure: N,
  signals: Type.Array(Type.String()),
  cpuAvg: N,
  cpuMax: N,
  memoryAvg: N,
  memoryMax: N,
  rootDiskMax: N,
  userDiskMax: N,
  gpuAvg: N,
  gpuMax: N,
  latencyMs: N,
  packetLossPct: N,
  uptimeHours: N,
});

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  window: Type.Object({ start: Type.String(), end: Type.String(), periodSeconds: Type.Integer() }),
  counts: Type.Object({
    selected: Type.Integer({ description: 'Desktops the input selected.' }),
    notRunning: Type.Integer({ description: 'Skipped: not in a running state, so no agent metrics.' }),
    overCap: Type.Integer({ description: 'Running but beyond maxDesktops; not measured.' }),
    measured: Type.Integer(),
    noData: Type.Integer(),
    underPressure: Type.Integer({ description: 'Desktops with at least one signal past its threshold.' }),
  }),
  top: Type.Array(Row, { description: 'The topN desktops by pressure, worst first.' }),
  noDataIds: Type.Array(Type.String(), {
    description: 'Up to 20 measured desktops that published no metrics.',
  }),
  metricRequests: Type.Integer({
    description: 'GetMetricData requests this call needed (before any NextToken pages).',
  }),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

// Agent metrics are published only while the desktop runs.
const RUNNING = new Set(['AVAILABLE', 'UNHEALTHY', 'IMPAIRED', 'ADMIN_MAINTENANCE', 'MAINTENANCE']);

async function select(ctx: ToolContext, scope: Scope, input: Static<typeof Input>): Promise<Workspace[]> {
  if (input.workspaceIds) {
    const found = await describeWorkspacesByIds(ctx, scope, input.workspaceIds);
    return input.workspaceIds.flatMap((id) => found.get(id) ?? []);
  }
  const all = await listAllWorkspaces(ctx, scope);
  return input.directoryId ? all.filter((ws) => ws.DirectoryId === input.directoryId) : all;
}

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scope = regionScope(ctx.aws, input.region);
  const lookbackHours = input.lookbackHours ?? 3;
  const cap = input.maxDesktops ?? 500;
  const topN = input.topN ?? 10;
  const period = lookbackHours <= 24 ? 300 : 3600;
  const window = metricWindow(ctx.now(), lookbackHours * 3600, period);
  const selected = await select(ctx, scope, input);
  const running = selected.filter((ws) => RUNNING.has(ws.State ?? ''));
  const measured = running.slice(0, cap);
  const queries = measured.flatMap((ws, index) =>
    [...PERFORMANCE_METRICS, ...(isGraphics(ws.WorkspaceProperties?.ComputeTypeName) ? GPU_METRICS : [])].map(
      ([field, metric, stat]) =>
        workspaceQuery(`w${index}_${field}`, ws.WorkspaceId ?? '', metric, stat, period),
    ),
  );
  const errors: ErrorEntry[] = [];
  const series =
    queries.length === 0
      ? new Map<string, MetricSeries>()
      : await getMetricDataBatched(
          ctx.aws.client((await cloudWatchSdk()).CloudWatchClient, scope),
          queries,
          window,
          {
            concurrency: ctx.limits.concurrency,
            signal: ctx.signal,
          },
        );
  errors.push(...metricErrors(series.values(), scope));
  const rows = measured.map((ws, index) => {
    const value = (field: keyof PerformanceSample, stat: string) => {
      const values = valuesOf(series.get(`w${index}_${field}`));
      return stat === 'Maximum' ? maxOf(values) : meanOf(values);
    };
    const sample = Object.fromEntries(
      [...PERFORMANCE_METRICS, ...GPU_METRICS].map(([field, , stat]) => [field, value(field, stat)]),
    ) as unknown as PerformanceSample;
    const pressure: Pressure = pressureOf(sample);
    return { ws, sample, pressure };
  });
  const withData = rows.filter((r) => r.pressure.score !== null || r.sample.latencyMs !== null);
  const noData = rows.filter((r) => !withData.includes(r));
  const top = [...withData].sort(byPressure).slice(0, topN);
  const underPressure = withData.filter((r) => r.pressure.signals.length > 0).length;
  const metricRequests = Math.ceil(queries.length / queriesPerRequest(window));
  const worst = top[0];
  return {
    summary:
      `${withData.length} of ${measured.length} running desktops in ${scope.region} reported metrics over the last ${lookbackHours} h; ${underPressure} under pressure.` +
      (worst && worst.pressure.signals.length > 0
        ? ` Worst: ${worst.ws.WorkspaceId} (${worst.ws.UserName ?? 'no user'}): ${worst.pressure.signals.join(', ')}.`
        : ''),
    region: scope.region,
    window: { start: window.start.toISOString(), end: window.end.toISOString(), periodSeconds: period },
    counts: {
      selected: selected.length,
      notRunning: selected.length - running.length,
      overCap: running.length - measured.length,
      measured: measured.length,
      noData: noData.length,
      underPressure,
    },
    top: top.map(({ ws, sample, pressure }) => ({
      workspaceId: ws.WorkspaceId ?? '',
      userName: ws.UserName ?? null,
      computeType: ws.WorkspaceProperties?.ComputeTypeName ?? null,
      pressure: round(pressure.score),
      signals: pressure.signals,
      cpuAvg: round(sample.cpuAvg),
      cpuMax: round(sample.cpuMax),
      memoryAvg: round(sample.memoryAvg),
      memoryMax: round(sample.memoryMax),
      rootDiskMax: round(sample.rootDiskMax),
      userDiskMax: round(sample.userDiskMax),
      gpuAvg: round(sample.gpuAvg),
      gpuMax: round(sample.gpuMax),
      latencyMs: round(sample.latencyMs),
      packetLossPct: round(sample.packetLossPct, 2),
      uptimeHours: round(sample.uptimeSeconds === null ? null : sample.uptimeSeconds / 3600),
    })),
    noDataIds: noData.slice(0, 20).map((r) => r.ws.WorkspaceId ?? ''),
    metricRequests,
    notes: [
      ...(running.length > cap
        ? [
            `${running.length - cap} running desktops were not measured (maxDesktops=${cap}); narrow by directoryId or raise maxDesktops.`,
          ]
        : []),
      ...(noData.length > 0
        ? [
            'Desktops with no data may have just started, or their agent is not publishing (UNHEALTHY desktops often publish nothing).',
          ]
        : []),
    ],
    errors,
  };
}

export const getWorkspacePerformance = defineTool({
  name: 'get_workspace_performance',
  title: 'Get WorkSpace performance',
  description:
    'Which desktops are struggling? CPU, memory, root/user volume use, in-session latency, UDP packet loss and uptime (plus GPU for graphics bundles) over the last lookbackHours for the given workspaceIds, a directory, or every running desktop in the region (up to maxDesktops), ranked by pressure (the highest of average CPU/memory/GPU and peak disk use) with the signals past their thresholds. ' +
    'Returns the topN and counts, not every desktop. Cost: DescribeWorkspaces (25 per call; the full scan is shared with other tools in the same request) plus GetMetricData batched at up to 500 queries per request: 9 queries per desktop (11 for graphics), so about 55 desktops per request — 1,000 desktops ≈ 19 requests for a 3-hour window.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  run,
});
