import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type MetricSeries,
  ScopeInput,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { lookbackWindow, type PoolSeriesSpec, readPoolSeries, seriesKey } from '../aws/metrics.js';
import { listPoolSessions } from '../aws/workspaces.js';
import { isServing } from '../capacity.js';
import { endOfSupportNotice, POOLS_SERVICE } from '../end-of-support.js';
import {
  Bucket,
  bucketHours,
  buckets,
  type HistorySeries,
  HistorySummary,
  historySentence,
  summarizeBuckets,
} from '../history.js';
import { countSessions, SessionRow, sessionRow } from '../sessions.js';

/** Newest live sessions shown; list_pool_sessions pages through all of them. */
const LIVE_ROWS = 10;

const Input = Type.Object(
  {
    pool: PoolInput,
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
    periodHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  poolId: Type.String(),
  state: Type.String(),
  lookbackDays: Type.Integer(),
  periodHours: Type.Integer(),
  live: Type.Optional(
    Type.Object({
      total: Type.Integer(),
      connected: Type.Integer(),
      notConnected: Type.Integer(),
      sessions: Type.Array(SessionRow, { description: `Newest ${LIVE_ROWS}; list_pool_sessions has all.` }),
    }),
  ),
  history: Type.Optional(HistorySummary),
  series: Type.Array(Bucket),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** The series read, by their role in `HistorySeries`. */
const SPECS: Readonly<Record<keyof HistorySeries, PoolSeriesSpec>> = {
  activeAvg: { metric: 'ActiveUserSessionCapacity', stat: 'Average' },
  activeMax: { metric: 'ActiveUserSessionCapacity', stat: 'Maximum' },
  actualAvg: { metric: 'ActualUserSessionCapacity', stat: 'Average' },
  desiredMax: { metric: 'DesiredUserSessionCapacity', stat: 'Maximum' },
  utilizationMax: { metric: 'UserSessionsCapacityUtilization', stat: 'Maximum' },
  rejectedSum: { metric: 'InsufficientCapacityError', stat: 'Sum' },
};

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locatePool(ctx, input.pool, input);
  const { pool, scope, poolId } = where;
  const days = input.lookbackDays ?? 7;
  const wanted = input.periodHours ?? 24;
  const periodHours = bucketHours(days, wanted);
  const now = ctx.now();
  const errors: ErrorEntry[] = [];
  const notes = [endOfSupportNotice(now)];
  if (periodHours !== wanted)
    notes.push(
      `periodHours raised from ${wanted} to ${periodHours} so ${days} day(s) fit in at most 60 rows.`,
    );
  const window = lookbackWindow(now, days, periodHours);
  const [sessions, read] = await Promise.all([
    isServing(pool.State)
      ? listPoolSessions(ctx, scope, poolId).catch((error: unknown) => {
          errors.push(errorEntry(POOLS_SERVICE, scope, error));
          return undefined;
        })
      : Promise.resolve([]),
    readPoolSeries(ctx, scope, [poolId], Object.values(SPECS), window).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, error));
      return undefined;
    }),
  ]);
  const series: Partial<Record<keyof HistorySeries, MetricSeries>> = {};
  let unread = false;
  for (const [role, spec] of Object.entries(SPECS) as [keyof HistorySeries, PoolSeriesSpec][]) {
    const found = read?.get(seriesKey(poolId, spec));
    if (found && 'values' in found) series[role] = found;
    else if (found && !unread) {
      unread = true;
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, found, 'AWS/WorkSpaces pool metrics: '));
    }
  }
  const rows = read && !unread ? buckets(series) : [];
  const history = read && !unread ? summarizeBuckets(rows, window) : undefined;
  const live = sessions
    ?.map((s) => sessionRow(s, scope, now))
    .sort((a, b) => (a.ageMinutes ?? 0) - (b.ageMinutes ?? 0));
  const counts = live ? countSessions(live) : undefined;
  const liveText = counts
    ? `${counts.total} live session(s) (${counts.notConnected} not connected)`
    : 'live sessions unreadable';
  const summary =
    `WorkSpaces Pools pool ${poolLabel(where)}, ${pool.State ?? 'UNKNOWN'}: ${liveText}; ` +
    `${history ? historySentence(history, days) : 'history unreadable'}.` +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    poolId,
    state: pool.State ?? 'UNKNOWN',
    lookbackDays: days,
    periodHours,
    ...(live && counts ? { live: { ...counts, sessions: live.slice(0, LIVE_ROWS) } } : {}),
    ...(history ? { history } : {}),
    series: rows,
    notes,
    errors,
  };
}

/** get_pool_session_history: how one pool's capacity was used, and who is on it now. */
export const getPoolSessionHistory = defineTool({
  name: 'get_pool_session_history',
  title: 'WorkSpaces pool session history',
  description:
    'How was a WorkSpaces Pools pool (EOS 2027-12-31) used? Per period: in use, running, desired, utilization, rejected; idle session-hours; live sessions. Default 7 d, 24 h.',
  tier: 0,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspacesPoolSessions',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  run,
});
