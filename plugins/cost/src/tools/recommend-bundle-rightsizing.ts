import {
  defineTool,
  ErrorEntry,
  PageInput,
  pageOf,
  RegionInput,
  regionScope,
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
} from '../rightsizing/rightsizing.js';
import { hourWindowEndingAt } from '../shared/hours.js';
import { round1 } from '../shared/numbers.js';

const Action = Type.Union([
  Type.Literal('upsize'),
  Type.Literal('downsize'),
  Type.Literal('unknown'),
  Type.Literal('skipped'),
  Type.Literal('keep'),
]);
const ACTION_ORDER = ['upsize', 'downsize', 'unknown', 'skipped', 'keep'] as const;

const Input = Type.Object(
  {
    region: RegionInput,
    lookbackDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 90, default: 14, description: 'Days of hourly peaks to read.' }),
    ),
    minDatapoints: Type.Optional(
      Type.Integer({
        minimum: 6,
        maximum: 720,
        default: DEFAULT_RIGHTSIZING.minDatapoints,
        description: 'Hourly peaks each metric needs before a desktop is judged; fewer gives "unknown".',
      }),
    ),
    actions: Type.Optional(
      Type.Array(Action, {
        maxItems: 5,
        description: 'Which verdicts to list (default upsize and downsize); counts always cover all.',
      }),
    ),
    ...PageInput(500),
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  computeType: Type.Optional(Type.String()),
  runningMode: Type.Optional(Type.String()),
  action: Action,
  targetComputeType: Type.Optional(Type.String()),
  confidence: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium')])),
  cpuP95: Type.Optional(Type.Number()),
  cpuPeak: Type.Optional(Type.Number()),
  memoryP95: Type.Optional(Type.Number()),
  memoryPeak: Type.Optional(Type.Number()),
  gpuP95: Type.Optional(Type.Number()),
  reason: Type.String(),
});
type Row = Static<typeof Row>;

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  lookbackDays: Type.Integer(),
  counts: Type.Object({
    upsize: Type.Integer(),
    downsize: Type.Integer(),
    unknown: Type.Integer(),
    skipped: Type.Integer(),
    keep: Type.Integer(),
  }),
  recommendations: Type.Array(Row),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  metricRequests: Type.Integer(),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

function statsOf(outcome: HourlyOutcome | undefined): PeakStats | undefined {
  return outcome?.ok ? peakStats(outcome.values) : undefined;
}

/** recommend_bundle_rightsizing: one compute-type step up or down from hourly CPU/memory peaks. */
export const recommendBundleRightsizing = defineTool({
  name: 'recommend_bundle_rightsizing',
  title: 'WorkSpaces bundle right-sizing',
  description:
    'Recommends one compute-type step up or down per WorkSpaces Personal desktop from hourly CPUUsage and MemoryUsage peaks (95th percentile of the hourly maxima, so one spike does not decide), projecting the load onto the smaller size before suggesting it, and enforcing a minimum of hourly datapoints. Graphics bundles are judged only with GPUUsage data, otherwise skipped with the reason. Steps stay within a family (Value…PowerPro…GeneralPurpose, G4dn, G6, G6f, Gr6). Price the change with get_euc_service_prices. Cost: ceil(N/25) DescribeWorkspaces calls plus 2 × ceil(N/300) GetMetricData calls for 14 days (more for GPU desktops and longer windows).',
  tier: 0,
  iam: ['workspaces:DescribeWorkspaces', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scope = regionScope(ctx.aws, input.region);
    const { region } = scope;
    const lookbackDays = input.lookbackDays ?? 14;
    const thresholds = {
      ...DEFAULT_RIGHTSIZING,
      minDatapoints: input.minDatapoints ?? DEFAULT_RIGHTSIZING.minDatapoints,
    };
    const window = hourWindowEndingAt(ctx.now(), lookbackDays);
    const desktops = (await listDesktops(ctx, scope)).filter((d) => isBilled(d) && !d.isStandby);
    const ids = desktops.map((d) => d.workspaceId);
    const gpuIds = desktops
      .filter((d) => d.computeType && isGraphics(d.computeType))
      .map((d) => d.workspaceId);
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

    const counts = { upsize: 0, downsize: 0, unknown: 0, skipped: 0, keep: 0 };
    const rows: Row[] = desktops.map((desktop) => {
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
      counts[verdict.action] += 1;
      return {
        workspaceId: id,
        ...(desktop.userName ? { userName: desktop.userName } : {}),
        ...(desktop.computeType ? { computeType: desktop.computeType } : {}),
        ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
        ...verdict,
        ...(stats.cpu ? { cpuP95: round1(stats.cpu.p95), cpuPeak: round1(stats.cpu.peak) } : {}),
        ...(stats.memory
          ? { memoryP95: round1(stats.memory.p95), memoryPeak: round1(stats.memory.peak) }
          : {}),
        ...(stats.gpu ? { gpuP95: round1(stats.gpu.p95) } : {}),
      };
    });
    const wanted = input.actions ?? ['upsize', 'downsize'];
    const listed = rows
      .filter((row) => wanted.includes(row.action))
      .sort(
        (a, b) =>
          ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
          (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1) ||
          a.workspaceId.localeCompare(b.workspaceId),
      );
    const { page, offset, nextCursor } = pageOf(listed, input, ctx.limits);
    const summary =
      `${rows.length} desktops in ${region} over ${lookbackDays} days: ${counts.upsize} to step up, ${counts.downsize} to step down, ` +
      `${counts.keep} right-sized, ${counts.unknown} with too little data, ${counts.skipped} skipped (graphics without GPU data, unknown types).` +
      (errors.length > 0 ? ' Some metrics failed: see errors.' : '') +
      (nextCursor ? ' More rows: pass nextCursor.' : '');
    return {
      summary,
      region,
      lookbackDays,
      counts,
      recommendations: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      metricRequests: 2 * metricRequestsFor(ids.length, window) + metricRequestsFor(gpuIds.length, window),
      errors,
      notes: [
        `Step up when the p95 of hourly CPU, memory or GPU peaks is at least ${thresholds.upsizeP95}%. Step down only when the same load on the smaller size stays at or below ${thresholds.downsizeMaxCpuP95}% CPU and ${thresholds.downsizeMaxMemoryP95}% memory (p95) and ${thresholds.downsizeMaxMemoryPeak}% memory at peak.`,
        'CPUUsage and MemoryUsage come from the in-guest agent; a desktop without them is unknown. Changing compute type needs the desktop AVAILABLE or STOPPED, and a new compute type can be changed again only after 6 hours (larger) or 30 days (smaller) per the WorkSpaces admin guide.',
        'Check the target bundle is offered for the OS and region before changing it.',
      ],
    };
  },
});
