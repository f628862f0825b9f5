import type { Workspace } from '@aws-sdk/client-workspaces';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  getMetricDataBatched,
  type MetricSeries,
  type MetricWindow,
  mapBounded,
  queriesPerRequest,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locateWorkspaces, workspaceNotFound } from '../aws/locate.js';
import {
  acrossScopes,
  groupByScope,
  PlaceFields,
  partialNote,
  placeLabel,
  placeOf,
  placesText,
} from '../aws/scopes.js';
import { cloudWatchSdk } from '../aws/sdk.js';
import { listAllWorkspaces } from '../aws/workspaces.js';
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
import { checkDirectoryId, checkInteger, checkWorkspaceIds, Ids, Int, Str } from '../schemas.js';

const Input = Type.Object(
  {
    workspaceIds: Type.Optional(Ids()),
    directoryId: Str(),
    maxDesktops: Int(),
    lookbackHours: Int(),
    topN: Int(),
    ...ScopeInput,
  },
  { additionalProperties: false },
);
type Input = Static<typeof Input>;

function checkInput(input: Input): void {
  checkWorkspaceIds('workspaceIds', input.workspaceIds, 2000);
  checkDirectoryId('directoryId', input.directoryId);
  checkInteger('maxDesktops', input.maxDesktops, 1, 2000);
  checkInteger('lookbackHours', input.lookbackHours, 1, 168);
  checkInteger('topN', input.topN, 1, 100);
}

const N = Type.Union([Type.Number(), Type.Null()]);
const Row = Type.Object({
  workspaceId: Type.String(),
  ...PlaceFields,
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

interface Selected {
  readonly scopes: readonly Scope[];
  readonly desktops: { readonly scope: Scope; readonly ws: Workspace }[];
  readonly errors: ErrorEntry[];
  /** Ids given that were found nowhere. */
  readonly missing: string[];
}

/** The given desktops wherever they are (by id, no scan), or every desktop of the selected scopes. */
async function select(ctx: ToolContext, input: Input): Promise<Selected> {
  if (input.workspaceIds) {
    const search = await locateWorkspaces(ctx, input, input.workspaceIds);
    const missing = input.workspaceIds.filter((id) => !search.found.has(id));
    const [firstMissing] = missing;
    if (firstMissing && missing.length === input.workspaceIds.length)
      throw workspaceNotFound(ctx.aws, 'workspaceIds', firstMissing, search);
    return {
      scopes: search.scopes,
      desktops: input.workspaceIds.flatMap((id) => {
        const found = search.found.get(id);
        return found ? [{ scope: found.scope, ws: found.workspace }] : [];
      }),
      errors: search.failures.map((f) => errorEntry(SERVICE_LABELS.personal, f.scope, f.error)),
      missing,
    };
  }
  const fan = await acrossScopes(ctx, input, async (scope) => {
    const all = await listAllWorkspaces(ctx, scope);
    return input.directoryId ? all.filter((ws) => ws.DirectoryId === input.directoryId) : all;
  });
  return {
    scopes: fan.scopes,
    desktops: fan.answered.flatMap(({ scope, value }) => value.map((ws) => ({ scope, ws }))),
    errors: fan.errors,
    missing: [],
  };
}

/** The queries of the measured desktops (ids `w<index>_<field>`, unique across scopes). */
function queriesOf(measured: readonly { ws: Workspace; index: number }[], period: number) {
  return measured.flatMap(({ ws, index }) =>
    [...PERFORMANCE_METRICS, ...(isGraphics(ws.WorkspaceProperties?.ComputeTypeName) ? GPU_METRICS : [])].map(
      ([field, metric, stat]) =>
        workspaceQuery(`w${index}_${field}`, ws.WorkspaceId ?? '', metric, stat, period),
    ),
  );
}

/** Each scope's measured desktops asked of that scope's CloudWatch; a failed scope is an error entry. */
async function readSeries(
  ctx: ToolContext,
  measured: readonly { scope: Scope; ws: Workspace; index: number }[],
  window: MetricWindow,
  errors: ErrorEntry[],
): Promise<Map<string, MetricSeries>> {
  const { CloudWatchClient } = await cloudWatchSdk();
  const groups = groupByScope(measured, (m) => m.scope);
  const settled = await mapBounded(
    groups,
    ctx.limits.concurrency,
    ({ scope, items }) =>
      getMetricDataBatched(
        ctx.aws.client(CloudWatchClient, scope),
        queriesOf(items, window.periodSeconds),
        window,
        {
          concurrency: ctx.limits.concurrency,
          signal: ctx.signal,
        },
      ),
    { signal: ctx.signal },
  );
  const series = new Map<string, MetricSeries>();
  for (const outcome of settled) {
    if (!outcome.ok) {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, outcome.item.scope, outcome.error));
      continue;
    }
    errors.push(...metricErrors(outcome.value.values(), outcome.item.scope));
    for (const [id, s] of outcome.value) series.set(id, s);
  }
  return series;
}

async function run(input: Input, ctx: ToolContext): Promise<Output> {
  checkInput(input);
  const lookbackHours = input.lookbackHours ?? 3;
  const cap = input.maxDesktops ?? 500;
  const topN = input.topN ?? 10;
  const period = lookbackHours <= 24 ? 300 : 3600;
  const window = metricWindow(ctx.now(), lookbackHours * 3600, period);
  const { scopes, desktops: selected, errors, missing } = await select(ctx, input);
  const running = selected.filter(({ ws }) => RUNNING.has(ws.State ?? ''));
  const measured = running.slice(0, cap).map((d, index) => ({ ...d, index }));
  const queryCount = queriesOf(measured, period).length;
  const series =
    queryCount === 0 ? new Map<string, MetricSeries>() : await readSeries(ctx, measured, window, errors);
  const rows = measured.map(({ scope, ws, index }) => {
    const value = (field: keyof PerformanceSample, stat: string) => {
      const values = valuesOf(series.get(`w${index}_${field}`));
      return stat === 'Maximum' ? maxOf(values) : meanOf(values);
    };
    const sample = Object.fromEntries(
      [...PERFORMANCE_METRICS, ...GPU_METRICS].map(([field, , stat]) => [field, value(field, stat)]),
    ) as unknown as PerformanceSample;
    const pressure: Pressure = pressureOf(sample);
    return { scope, ws, sample, pressure };
  });
  const withData = rows.filter((r) => r.pressure.score !== null || r.sample.latencyMs !== null);
  const noData = rows.filter((r) => !withData.includes(r));
  const top = [...withData].sort(byPressure).slice(0, topN);
  const underPressure = withData.filter((r) => r.pressure.signals.length > 0).length;
  const metricRequests = Math.ceil(queryCount / queriesPerRequest(window));
  const worst = top[0];
  const failed = new Set(errors.map((e) => `${e.account ?? ''}/${e.region}`));
  const read = scopes.filter((s) => !failed.has(`${s.account ?? ''}/${s.region}`));
  return {
    summary:
      `${withData.length} of ${measured.length} running desktops in ${placesText(ctx.aws, read) || 'no readable scope'} reported metrics over the last ${lookbackHours} h; ${underPressure} under pressure.` +
      (worst && worst.pressure.signals.length > 0
        ? ` Worst: ${worst.ws.WorkspaceId} (${worst.ws.UserName ?? 'no user'}, ${placeLabel(ctx.aws, worst.scope)}): ${worst.pressure.signals.join(', ')}.`
        : '') +
      partialNote(errors),
    window: { start: window.start.toISOString(), end: window.end.toISOString(), periodSeconds: period },
    counts: {
      selected: selected.length,
      notRunning: selected.length - running.length,
      overCap: running.length - measured.length,
      measured: measured.length,
      noData: noData.length,
      underPressure,
    },
    top: top.map(({ scope, ws, sample, pressure }) => ({
      workspaceId: ws.WorkspaceId ?? '',
      ...placeOf(ctx.aws, scope),
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
      ...(missing.length > 0
        ? [
            `${missing.length} id(s) not found in ${placesText(ctx.aws, scopes)}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}.`,
          ]
        : []),
      ...(running.length > cap
        ? [
            `${running.length - cap} running desktops were not measured (maxDesktops=${cap}); narrow by directoryId or regions, or raise maxDesktops.`,
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
    'Which WorkSpaces Personal desktops are struggling? Ranks running ones (ids, a directory or all; maxDesktops 500) by CPU, memory, disk, GPU, latency over lookbackHours (3): topN worst.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  run,
});
