import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { isBilled, listDesktops } from '../desktops/desktops.js';
import {
  fetchHourlyMaxima,
  type HourlyOutcome,
  metricErrors,
  metricRequestsFor,
  type WorkSpacesMetric,
} from '../desktops/hourly-metrics.js';
import { isGraphics } from '../rightsizing/compute-types.js';
import {
  DEFAULT_RIGHTSIZING,
  judgeRightsizing,
  type PeakStats,
  peakStats,
  type RightsizingThresholds,
} from '../rightsizing/rightsizing.js';
import {
  inRange,
  listNote,
  oneOf,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  type Where,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { type HourWindow, hourWindowEndingAt } from '../shared/hours.js';
import { round1 } from '../shared/numbers.js';

const Action = Type.Union([
  Type.Literal('upsize'),
  Type.Literal('downsize'),
  Type.Literal('unknown'),
  Type.Literal('skipped'),
  Type.Literal('keep'),
]);
const ACTION_ORDER = ['upsize', 'downsize', 'unknown', 'skipped', 'keep'] as const;

/** Rows a default answer lists: 25 terse rows keep 10,000 desktops well inside 20 KB. */
const DEFAULT_ROWS = 25;

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    minDatapoints: Type.Optional(Type.Integer()),
    // Bare: the values are the keys of `counts` in every answer; checked in code.
    actions: Type.Optional(Type.Array(Type.String())),
    ...PageFields,
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  ...WhereFields,
  computeType: Type.Optional(Type.String()),
  action: Action,
  targetComputeType: Type.Optional(Type.String()),
  confidence: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium')])),
  cpuP95: Type.Optional(Type.Number()),
  memoryP95: Type.Optional(Type.Number()),
  gpuP95: Type.Optional(Type.Number()),
  reason: Type.Optional(Type.String({ description: 'For unknown and skipped.' })),
});
type Row = Static<typeof Row>;

const Counts = Type.Object({
  upsize: Type.Integer(),
  downsize: Type.Integer(),
  unknown: Type.Integer(),
  skipped: Type.Integer(),
  keep: Type.Integer(),
});

const Output = Type.Object({
  summary: Type.String(),
  lookbackDays: Type.Integer(),
  counts: Counts,
  byScope: Type.Array(Type.Object({ ...WhereFields, desktops: Type.Integer(), counts: Counts })),
  recommendations: Type.Array(Row, { description: 'Step-ups first, then step-downs; highest load first.' }),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  metricRequests: Type.Integer(),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

function statsOf(outcome: HourlyOutcome | undefined): PeakStats | undefined {
  return outcome?.ok ? peakStats(outcome.values) : undefined;
}

/** The highest p95 of a row's metrics: step-ups under the most pressure are listed first. */
const load = (row: Row) => Math.max(row.cpuP95 ?? 0, row.memoryP95 ?? 0, row.gpuP95 ?? 0);

/** One scope's desktops judged from their hourly CPU, memory and (graphics only) GPU peaks. */
async function judgeScope(
  ctx: ToolContext,
  scope: Scope,
  window: HourWindow,
  thresholds: RightsizingThresholds,
  where: Where,
): Promise<{ rows: Row[]; errors: ErrorEntry[]; metricRequests: number }> {
  const desktops = (await listDesktops(ctx, scope)).filter((d) => isBilled(d) && !d.isStandby);
  const ids = desktops.map((d) => d.workspaceId);
  const gpuIds = desktops.filter((d) => d.computeType && isGraphics(d.computeType)).map((d) => d.workspaceId);
  const read = (metric: WorkSpacesMetric, list: readonly string[]) =>
    fetchHourlyMaxima(ctx, scope, list, metric, window);
  const [cpu, memory, gpu] = await Promise.all([
    read('CPUUsage', ids),
    read('MemoryUsage', ids),
    read('GPUUsage', gpuIds),
  ]);
  const errors: ErrorEntry[] = (
    [
      ['CPUUsage', cpu],
      ['MemoryUsage', memory],
      ['GPUUsage', gpu],
    ] as const
  ).flatMap(([metric, outcomes]) =>
    metricErrors(
      outcomes.values(),
      scope,
      (count) => `${metric} unavailable for ${count} desktop(s), judged unknown`,
    ),
  );
  const rows = desktops.map((desktop): Row => {
    const id = desktop.workspaceId;
    const stats = { cpu: statsOf(cpu.get(id)), memory: statsOf(memory.get(id)), gpu: statsOf(gpu.get(id)) };
    const failed = [cpu.get(id), memory.get(id)].find((o) => o && !o.ok);
    const verdict =
      failed && !failed.ok
        ? {
            action: 'unknown' as const,
            reason: `CloudWatch did not return the metrics (${failed.failure.code}).`,
          }
        : judgeRightsizing({ computeType: desktop.computeType, ...stats }, thresholds);
    const { reason, ...rest } = verdict;
    return {
      workspaceId: id,
      ...(desktop.userName ? { userName: desktop.userName } : {}),
      ...where,
      ...(desktop.computeType ? { computeType: desktop.computeType } : {}),
      ...rest,
      ...(stats.cpu ? { cpuP95: round1(stats.cpu.p95) } : {}),
      ...(stats.memory ? { memoryP95: round1(stats.memory.p95) } : {}),
      ...(stats.gpu ? { gpuP95: round1(stats.gpu.p95) } : {}),
      // Step-ups and step-downs follow from the p95s and the rule in notes.
      ...(verdict.action === 'unknown' || verdict.action === 'skipped' ? { reason } : {}),
    };
  });
  const metricRequests = 2 * metricRequestsFor(ids.length, window) + metricRequestsFor(gpuIds.length, window);
  return { rows, errors, metricRequests };
}

/** recommend_bundle_rightsizing: one compute-type step up or down from hourly CPU/memory peaks. */
export const recommendBundleRightsizing = defineTool({
  name: 'recommend_bundle_rightsizing',
  title: 'WorkSpaces bundle right-sizing',
  description:
    'Which WorkSpaces Personal desktops should move one compute type up or down? p95 of hourly CPU/memory (GPU) peaks; a step down must fit the smaller size. Lists upsize/downsize by default.',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('lookbackDays', input.lookbackDays, 1, 90);
    inRange('minDatapoints', input.minDatapoints, 6, 720);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const lookbackDays = input.lookbackDays ?? 14;
    const thresholds = {
      ...DEFAULT_RIGHTSIZING,
      minDatapoints: input.minDatapoints ?? DEFAULT_RIGHTSIZING.minDatapoints,
    };
    const window = hourWindowEndingAt(ctx.now(), lookbackDays);
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope, where) =>
      judgeScope(ctx, scope, window, thresholds, where),
    );
    const emptyCounts = () => ({ upsize: 0, downsize: 0, unknown: 0, skipped: 0, keep: 0 });
    const counts = emptyCounts();
    const byScope: Static<typeof Output>['byScope'] = [];
    for (const { scope, value } of read.answered) {
      const here = emptyCounts();
      for (const row of value.rows) {
        counts[row.action] += 1;
        here[row.action] += 1;
      }
      byScope.push({ ...whereOf(scope, read.multiAccount), desktops: value.rows.length, counts: here });
    }
    const rows = read.answered.flatMap(({ value }) => value.rows);
    const errors = [...read.errors, ...read.answered.flatMap(({ value }) => value.errors)];
    const wanted: readonly string[] = oneOf('actions', input.actions, ACTION_ORDER) ?? ['upsize', 'downsize'];
    const listed = rows
      .filter((row) => wanted.includes(row.action))
      .sort(
        (a, b) =>
          ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
          (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1) ||
          (a.action === 'downsize' ? load(a) - load(b) : load(b) - load(a)) ||
          a.workspaceId.localeCompare(b.workspaceId),
      );
    const { page, offset, nextCursor } = pageOf(listed, input, limits);
    const summary =
      `${rows.length} desktops in ${scopesPhrase(read)} over ${lookbackDays} days: ${counts.upsize} to step up, ${counts.downsize} to step down, ` +
      `${counts.keep} right-sized, ${counts.unknown} with too little data, ${counts.skipped} skipped (graphics without GPU data, unknown types).` +
      partialNote(errors) +
      listNote(offset, page.length, listed.length, nextCursor);
    return {
      summary,
      lookbackDays,
      counts,
      byScope,
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      metricRequests: read.answered.reduce((n, { value }) => n + value.metricRequests, 0),
      errors: errors.slice(0, 100),
      notes: [
        `Step up when the p95 of hourly CPU, memory or GPU peaks is at least ${thresholds.upsizeP95}%. Step down only when the same load on the smaller size stays at or below ${thresholds.downsizeMaxCpuP95}% CPU and ${thresholds.downsizeMaxMemoryP95}% memory (p95) and ${thresholds.downsizeMaxMemoryPeak}% memory at peak; each metric needs ${thresholds.minDatapoints} hourly datapoints. Steps stay within a family.`,
        'A compute type can be changed again only after 6 hours (larger) or 30 days (smaller); the desktop must be AVAILABLE or STOPPED. Check the target bundle is offered for the OS and region.',
      ],
    };
  },
});
