import { defineTool, ErrorList, pageOf, ScopeInput, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import {
  inRange,
  listNote,
  OtherScopes,
  oneOf,
  otherScopesOf,
  PageFields,
  pageLimits,
  partialNote,
  readEstate,
  scopesPhrase,
  topScopes,
  WhereFields,
  whereOf,
} from '../shared/estate.js';
import { round1 } from '../shared/numbers.js';
import { scanUsage } from '../utilization/usage-scan.js';
import {
  CLASS_ORDER,
  classifyUtilization,
  DEFAULT_THRESHOLDS,
  type UtilizationClass,
} from '../utilization/utilization.js';

/** Rows a default answer lists: 25 terse rows keep 10,000 desktops well inside 20 KB. */
const DEFAULT_ROWS = 25;

const CLASSES = ['unused', 'idle', 'part-time', 'full-time', 'unknown'] as const;
const ClassSchema = Type.Enum(CLASSES);

const Input = Type.Object(
  {
    ...ScopeInput,
    lookbackDays: Type.Optional(Type.Integer()),
    idleMaxHoursPerMonth: Type.Optional(Type.Number()),
    fullTimeMinHoursPerMonth: Type.Optional(Type.Number()),
    // Bare: the description names the classes; checked in code.
    classes: Type.Optional(Type.Array(Type.String())),
    ...PageFields,
  },
  { additionalProperties: false },
);

const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  ...WhereFields,
  runningMode: Type.Optional(Type.String()),
  class: ClassSchema,
  connectedHours: Type.Optional(Type.Integer()),
  hoursPerMonth: Type.Optional(Type.Number({ description: 'Connected hours projected to 730 h.' })),
  reason: Type.Optional(Type.String({ description: 'For unknown, and desktops judged from silence.' })),
});
type Row = Static<typeof Row>;

const Counts = Type.Object({
  unused: Type.Integer(),
  idle: Type.Integer(),
  'part-time': Type.Integer(),
  'full-time': Type.Integer(),
  unknown: Type.Integer(),
});
type Counts = Static<typeof Counts>;

const Output = Type.Object({
  summary: Type.String(),
  lookbackDays: Type.Integer(),
  windowStart: Type.String(),
  windowEnd: Type.String(),
  desktopsAnalysed: Type.Integer(),
  standbyExcluded: Type.Integer(),
  counts: Counts,
  byRunningMode: Type.Record(Type.String(), Counts),
  byScope: Type.Array(Type.Object({ ...WhereFields, desktops: Type.Integer(), counts: Counts }), {
    description: 'The scopes with the most unused and idle desktops.',
  }),
  otherScopes: OtherScopes({ desktops: Type.Integer(), unused: Type.Integer(), idle: Type.Integer() }),
  desktops: Type.Array(Row, { description: 'Least used first.' }),
  totalListed: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  metricRequests: Type.Integer(),
  connectionStatusRequests: Type.Integer(),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

const emptyCounts = (): Counts => ({ unused: 0, idle: 0, 'part-time': 0, 'full-time': 0, unknown: 0 });

/** analyze_workspace_utilization: how much each desktop is used, from hourly UserConnected. */
export const analyzeWorkspaceUtilization = defineTool({
  name: 'analyze_workspace_utilization',
  title: 'WorkSpaces utilization',
  description:
    'Who uses their WorkSpaces Personal desktops? classes unused, idle, part-time, full-time from hourly UserConnected, least used first; no data is unknown. Last logins: list_unused_resources.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspaces',
    'cloudwatch:GetMetricData',
    'workspaces:DescribeWorkspacesConnectionStatus',
  ],
  input: Input,
  output: Output,
  async run(input, ctx) {
    inRange('lookbackDays', input.lookbackDays, 1, 90);
    inRange('idleMaxHoursPerMonth', input.idleMaxHoursPerMonth, 1, 200);
    inRange('fullTimeMinHoursPerMonth', input.fullTimeMinHoursPerMonth, 20, 730);
    const limits = pageLimits(ctx, input.limit, DEFAULT_ROWS);
    const classes = oneOf('classes', input.classes, CLASSES);
    const lookbackDays = input.lookbackDays ?? 14;
    const thresholds = {
      ...DEFAULT_THRESHOLDS,
      idleMaxHoursPerMonth: input.idleMaxHoursPerMonth ?? DEFAULT_THRESHOLDS.idleMaxHoursPerMonth,
      fullTimeMinHoursPerMonth: input.fullTimeMinHoursPerMonth ?? DEFAULT_THRESHOLDS.fullTimeMinHoursPerMonth,
    };
    const read = await readEstate(ctx, input, SERVICE_LABELS.personal, (scope) =>
      scanUsage(ctx, scope, lookbackDays, { resolveSilence: true }),
    );
    const counts = emptyCounts();
    const byRunningMode: Record<string, Counts> = {};
    const byScope: Static<typeof Output>['byScope'] = [];
    const errors = [...read.errors];
    const rows: Row[] = [];
    let standbyExcluded = 0;
    let metricRequests = 0;
    let connectionStatusRequests = 0;
    for (const { scope, value: scan } of read.answered) {
      const where = whereOf(scope, read.multiAccount);
      const scopeCounts = emptyCounts();
      standbyExcluded += scan.standbyExcluded;
      metricRequests += scan.metricRequests;
      connectionStatusRequests += scan.connectionStatusRequests;
      errors.push(...scan.errors);
      for (const { desktop, outcome } of scan.usage) {
        const verdict = classifyUtilization(outcome, thresholds, {
          runningMode: desktop.runningMode,
          state: desktop.state,
          windowStart: scan.window.start,
          lastConnection: scan.lastConnections.get(desktop.workspaceId),
        });
        counts[verdict.class] += 1;
        scopeCounts[verdict.class] += 1;
        const mode = desktop.runningMode ?? 'UNKNOWN';
        byRunningMode[mode] ??= emptyCounts();
        byRunningMode[mode][verdict.class] += 1;
        const measure =
          outcome.kind === 'measured' && verdict.class !== 'unknown' ? outcome.measure : undefined;
        rows.push({
          workspaceId: desktop.workspaceId,
          ...(desktop.userName ? { userName: desktop.userName } : {}),
          ...where,
          ...(desktop.runningMode ? { runningMode: desktop.runningMode } : {}),
          class: verdict.class,
          ...(measure ? { connectedHours: measure.connectedHours } : {}),
          ...(verdict.connectedHoursPerMonth === null
            ? {}
            : { hoursPerMonth: round1(verdict.connectedHoursPerMonth) }),
          // Other rows follow from their hours and the thresholds in notes; an unknown desktop, or
          // one judged from silence (no datapoints), says why.
          ...(verdict.class === 'unknown' || (outcome.kind === 'measured' && outcome.measure.datapoints === 0)
            ? { reason: verdict.reason }
            : {}),
        });
      }
      byScope.push({ ...where, desktops: scan.usage.length, counts: scopeCounts });
    }
    const rank = (c: UtilizationClass) => CLASS_ORDER.indexOf(c);
    const listed = rows
      .filter((row) => !classes || classes.includes(row.class))
      .sort(
        (a, b) =>
          rank(a.class) - rank(b.class) ||
          (a.hoursPerMonth ?? 0) - (b.hoursPerMonth ?? 0) ||
          a.workspaceId.localeCompare(b.workspaceId),
      );
    const { page, offset, nextCursor } = pageOf(listed, input, limits);
    const scopes = topScopes(byScope, (s) => s.counts.unused + s.counts.idle);
    const alwaysOnWaste = (byRunningMode.ALWAYS_ON?.unused ?? 0) + (byRunningMode.ALWAYS_ON?.idle ?? 0);
    const first = read.answered[0]?.value.window;
    const summary =
      `${rows.length} desktops in ${scopesPhrase(read)} over ${lookbackDays} days: ${counts.unused} unused, ${counts.idle} idle, ` +
      `${counts['part-time']} part-time, ${counts['full-time']} full-time, ${counts.unknown} unknown.` +
      (alwaysOnWaste > 0
        ? ` ${alwaysOnWaste} unused or idle desktops are ALWAYS_ON (full monthly fee).`
        : '') +
      partialNote(errors) +
      listNote(offset, page.length, listed.length, nextCursor);
    const window = first ?? { start: ctx.now(), end: ctx.now() };
    return {
      summary,
      lookbackDays,
      windowStart: window.start.toISOString(),
      windowEnd: window.end.toISOString(),
      desktopsAnalysed: rows.length,
      standbyExcluded,
      counts,
      byRunningMode,
      byScope: scopes.shown,
      ...otherScopesOf(scopes.rest, ['unused', 'idle']),
      desktops: page,
      totalListed: listed.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      metricRequests,
      connectionStatusRequests,
      errors: errors.slice(0, 100),
      notes: [
        `Connected hours (hourly UserConnected maximum) projected to a 730-h month: idle ≤ ${thresholds.idleMaxHoursPerMonth} h, full-time ≥ ${thresholds.fullTimeMinHoursPerMonth} h, at least ${thresholds.minObservedHours} h observed. Standby desktops are left out.`,
        'A stopped AutoStop desktop publishes nothing: it is unused only when its last connection predates the window; a failed lookup, missing metrics or an AlwaysOn desktop without data is unknown.',
      ],
    };
  },
});
