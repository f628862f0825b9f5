import {
  defineTool,
  ErrorEntry,
  PageInput,
  pageOf,
  RegionInput,
  regionScope,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { round1 } from '../shared/numbers.js';
import { scanUsage } from '../utilization/usage-scan.js';
import {
  CLASS_ORDER,
  classifyUtilization,
  DEFAULT_THRESHOLDS,
  type UtilizationClass,
} from '../utilization/utilization.js';

const ClassSchema = Type.Union([
  Type.Literal('unused'),
  Type.Literal('idle'),
  Type.Literal('part-time'),
  Type.Literal('full-time'),
  Type.Literal('unknown'),
]);

const Input = Type.Object(
  {
    region: RegionInput,
    lookbackDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 90,
        default: 14,
        description: 'Days of hourly history to read. Whole weeks (7, 14, 28) avoid weekday/weekend bias.',
      }),
    ),
    idleMaxHoursPerMonth: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 200,
        default: DEFAULT_THRESHOLDS.idleMaxHoursPerMonth,
        description: 'A desktop connected at most this many hours per 730-h month (but more than 0) is idle.',
      }),
    ),
    fullTimeMinHoursPerMonth: Type.Optional(
      Type.Number({
        minimum: 20,
        maximum: 730,
        default: DEFAULT_THRESHOLDS.fullTimeMinHoursPerMonth,
        description: 'A desktop connected at least this many hours per month is full-time.',
      }),
    ),
    classes: Type.Optional(
      Type.Array(ClassSchema, {
        maxItems: 5,
        description: 'Only list desktops of these classes (counts cover all).',
      }),
    ),
    ...PageInput(500),
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  runningMode: Type.Optional(Type.String()),
  computeType: Type.Optional(Type.String()),
  state: Type.String(),
  class: ClassSchema,
  connectedHours: Type.Union([Type.Integer(), Type.Null()]),
  activeDays: Type.Union([Type.Integer(), Type.Null()]),
  connectedHoursPerMonth: Type.Union([Type.Number(), Type.Null()]),
  reason: Type.String(),
});

const Counts = Type.Object({
  unused: Type.Integer(),
  idle: Type.Integer(),
  'part-time': Type.Integer(),
  'full-time': Type.Integer(),
  unknown: Type.Integer(),
});

const Output = Type.Object({
  summary: Type.String(),
  region: Type.String(),
  lookbackDays: Type.Integer(),
  windowStart: Type.String(),
  windowEnd: Type.String(),
  desktopsAnalysed: Type.Integer(),
  standbyExcluded: Type.Integer({ description: 'Standby desktops (of a primary) are not judged for use.' }),
  counts: Counts,
  byRunningMode: Type.Record(Type.String(), Counts),
  desktops: Type.Array(Row, {
    description: 'Least used first: unused, idle, unknown, part-time, full-time.',
  }),
  totalListed: Type.Integer({ description: 'Rows matching the classes filter, across all pages.' }),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  metricRequests: Type.Integer({ description: 'GetMetricData requests the read needed.' }),
  connectionStatusRequests: Type.Integer({
    description: 'DescribeWorkspacesConnectionStatus requests for desktops without datapoints.',
  }),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

type Row = Static<typeof Row>;
type Counts = Static<typeof Counts>;

const emptyCounts = (): Counts => ({ unused: 0, idle: 0, 'part-time': 0, 'full-time': 0, unknown: 0 });

/** analyze_workspace_utilization: how much each desktop is used, from hourly UserConnected. */
export const analyzeWorkspaceUtilization = defineTool({
  name: 'analyze_workspace_utilization',
  title: 'WorkSpaces utilization',
  description:
    'Classifies every WorkSpaces Personal desktop in a region as unused, idle, part-time or full-time from the hours a user was connected (hourly UserConnected over lookbackDays), with counts per class and running mode and a least-used-first list with a cursor. A stopped AutoStop desktop publishes no metrics, so a desktop without datapoints is "unused" only when its last known connection (DescribeWorkspacesConnectionStatus) predates the window; a failed lookup or missing metrics is "unknown", never "unused". Use it to find who barely uses a desktop; use list_unused_resources for "no connection in N days" (last-connection based, cheaper) and recommend_running_mode for priced AlwaysOn/AutoStop advice. Cost: ceil(N/25) DescribeWorkspaces calls, ceil(N/300) GetMetricData calls for 14 days (fewer desktops per call for longer windows), and ceil(S/25) DescribeWorkspacesConnectionStatus calls for the S desktops that published no datapoint.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaces',
    'cloudwatch:GetMetricData',
    'workspaces:DescribeWorkspacesConnectionStatus',
  ],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scope = regionScope(ctx.aws, input.region);
    const { region } = scope;
    const lookbackDays = input.lookbackDays ?? 14;
    const thresholds = {
      ...DEFAULT_THRESHOLDS,
      idleMaxHoursPerMonth: input.idleMaxHoursPerMonth ?? DEFAULT_THRESHOLDS.idleMaxHoursPerMonth,
      fullTimeMinHoursPerMonth: input.fullTimeMinHoursPerMonth ?? DEFAULT_THRESHOLDS.fullTimeMinHoursPerMonth,
    };
    const scan = await scanUsage(ctx, scope, lookbackDays, { resolveSilence: true });
    const counts = emptyCounts();
    const byRunningMode: Record<string, Counts> = {};
    const rows: Row[] = scan.usage.map(({ desktop, outcome }) => {
      const verdict = classifyUtilization(outcome, thresholds, {
        runningMode: desktop.runningMode,
        state: desktop.state,
        windowStart: scan.window.start,
        lastConnection: scan.lastConnections.get(desktop.workspaceId),
      });
      counts[verdict.class] += 1;
      const mode = desktop.runningMode ?? 'UNKNOWN';
      byRunningMode[mode] ??= emptyCounts();
      byRunningMode[mode][verdict.class] += 1;
      const measure =
        outcome.kind === 'measured' && verdict.class !== 'unknown' ? outcome.measure : undefined;
      return {
        workspaceId: desktop.workspaceId,
        ...(desktop.userName ? { userName: desktop.userName } : {}),
        ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
        ...(desktop.computeType ? { computeType: desktop.computeType } : {}),
        state: desktop.state,
        class: verdict.class,
        connectedHours: measure ? measure.connectedHours : null,
        activeDays: measure ? measure.activeDays : null,
        connectedHoursPerMonth:
          verdict.connectedHoursPerMonth === null ? null : round1(verdict.connectedHoursPerMonth),
        reason: verdict.reason,
      };
    });
    const rank = (c: UtilizationClass) => CLASS_ORDER.indexOf(c);
    const listed = rows
      .filter((row) => !input.classes || input.classes.includes(row.class))
      .sort(
        (a, b) =>
          rank(a.class) - rank(b.class) ||
          (a.connectedHoursPerMonth ?? 0) - (b.connectedHoursPerMonth ?? 0) ||
          a.workspaceId.localeCompare(b.workspaceId),
      );
    const { page, offset, nextCursor } = pageOf(listed, input, ctx.limits);
    const alwaysOnWaste = (byRunningMode.ALWAYS_ON?.unused ?? 0) + (byRunningMode.ALWAYS_ON?.idle ?? 0);
    const summary =
      `${rows.length} desktops in ${region} over ${lookbackDays} days: ${counts.unused} unused, ${counts.idle} idle, ` +
      `${counts['part-time']} part-time, ${counts['full-time']} full-time, ${counts.unknown} unknown.` +
      (alwaysOnWaste > 0
        ? ` ${alwaysOnWaste} unused or idle desktops are ALWAYS_ON (full monthly fee).`
        : '') +
      (scan.errors.length > 0
        ? ' Some lookups failed: see errors (those desktops are unknown, not unused).'
        : '') +
      (nextCursor ? ' More rows: pass nextCursor.' : '');
    return {
      summary,
      region,
      lookbackDays,
      windowStart: scan.window.start.toISOString(),
      windowEnd: scan.window.end.toISOString(),
      desktopsAnalysed: rows.length,
      standbyExcluded: scan.standbyExcluded,
      counts,
      byRunningMode,
      desktops: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      metricRequests: scan.metricRequests,
      connectionStatusRequests: scan.connectionStatusRequests,
      errors: [...scan.errors],
      notes: [
        'Classes use hours with a user connected (hourly UserConnected maximum), projected to a 730-hour month; AlwaysOn desktops created inside the window are projected from their first datapoint.',
        'A stopped AutoStop desktop publishes no UserConnected datapoints. Such a desktop is unused when its last known user connection (DescribeWorkspacesConnectionStatus) is older than the window or absent; if a user connected inside the window, or the lookup failed, or it is AlwaysOn (which reports every hour), it is unknown: missing data is never read as no use.',
        'Holidays and leave inside the window lower the hours; pick a representative window.',
      ],
    };
  },
});
