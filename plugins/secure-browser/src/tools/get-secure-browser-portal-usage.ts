import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  type MetricFailure,
  type MetricSeries,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { locatePortal, PortalInput } from '../aws/locate.js';
import { dailySessionMetrics, type SessionMetric } from '../aws/metrics.js';
import { listSessions } from '../aws/sessions.js';
import { type DailySeries, SessionHistory, summarizeHistory } from '../portals/history.js';
import { SessionRow, summarizeSessions } from '../portals/sessions.js';

const Input = Type.Object(
  {
    portal: PortalInput,
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  portal: Type.Object({
    portalId: Type.String(),
    name: Type.Optional(Type.String()),
    status: Type.String(),
    account: Type.Optional(Type.String()),
    region: Type.String(),
  }),
  live: Type.Optional(
    Type.Object({
      total: Type.Integer(),
      byStatus: Type.Record(Type.String(), Type.Integer()),
      oldest: Type.Optional(SessionRow),
      newest: Type.Optional(SessionRow),
      topUsers: Type.Array(Type.Object({ username: Type.String(), sessions: Type.Integer() })),
      sessions: Type.Array(SessionRow, { description: 'Newest first, up to limit.' }),
    }),
  ),
  history: Type.Optional(SessionHistory),
  notes: Type.Array(Type.String()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

const isFailure = (value: MetricSeries | MetricFailure | undefined): value is MetricFailure =>
  value !== undefined && !('timestamps' in value);

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const where = await locatePortal(ctx, input.portal, input);
  const lookbackDays = input.lookbackDays ?? 7;
  const now = ctx.now();
  const errors: ErrorEntry[] = [];
  const [live, metrics] = await Promise.all([
    listSessions(ctx, where.scope, where.portalId, 'Active').catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.secureBrowser, where.scope, error));
      return undefined;
    }),
    dailySessionMetrics(ctx, where.scope, where.portalId, lookbackDays).catch((error: unknown) => {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, where.scope, error));
      return undefined;
    }),
  ]);
  let history: Output['history'];
  if (metrics) {
    const read: Partial<Record<SessionMetric, DailySeries>> = {};
    const failed: [SessionMetric, MetricFailure][] = [];
    for (const [metric, series] of metrics) {
      if (isFailure(series)) failed.push([metric, series]);
      else read[metric] = series;
    }
    // The three series share one request: report its failure once, naming the series it cost.
    const [first] = failed;
    if (first)
      errors.push(
        errorEntry(
          SERVICE_LABELS.cloudwatch,
          where.scope,
          first[1],
          `AWS/WorkSpacesWeb ${failed.map(([metric]) => metric).join(', ')}: `,
        ),
      );
    else
      history = summarizeHistory(lookbackDays, {
        attempts: read.SessionAttempt,
        successes: read.SessionSuccess,
        failures: read.SessionFailure,
      });
  }
  const sessions = live ? summarizeSessions(live, now) : undefined;
  const name = where.portal.displayName ?? where.portalId;
  const status = where.portal.portalStatus ?? 'UNKNOWN';
  const notes = [
    'Live sessions come from ListSessions (status Active); history from AWS/WorkSpacesWeb daily sums. The metrics are published only when someone tries to start a session, so an idle portal has no datapoints: no data means no sessions, not an error.',
  ];
  const liveText = sessions
    ? `${sessions.total} live session(s)${sessions.total > 0 ? ` of ${sessions.users} user(s), oldest started ${sessions.oldest?.ageMinutes ?? 0} min ago` : ''}`
    : 'live sessions unreadable';
  const historyText = !history
    ? 'history unreadable'
    : history.attempts === 0
      ? `no session attempts in the last ${lookbackDays} day(s) (idle: no metrics published)`
      : `${history.successes} session(s) started and ${history.failures} failed attempt(s) in the last ${lookbackDays} day(s) (${history.failureRatePercent ?? 0}% failed), last on ${history.lastDayWithSession ?? 'none'}`;
  const summary =
    `Amazon WorkSpaces Secure Browser portal "${name}" (${status}, ${scopeLabel(where.scope)}): ${liveText}; ${historyText}.` +
    (errors.length > 0 ? ' Partial: see errors.' : '');
  return {
    summary,
    portal: {
      portalId: where.portalId,
      ...(where.portal.displayName ? { name: where.portal.displayName } : {}),
      status,
      ...(where.scope.account ? { account: where.scope.account } : {}),
      region: where.scope.region,
    },
    ...(sessions
      ? {
          live: {
            total: sessions.total,
            byStatus: sessions.byStatus,
            ...(sessions.oldest ? { oldest: sessions.oldest } : {}),
            ...(sessions.newest ? { newest: sessions.newest } : {}),
            topUsers: sessions.topUsers,
            sessions: sessions.rows.slice(0, input.limit ?? 20),
          },
        }
      : {}),
    ...(history ? { history } : {}),
    notes,
    errors,
  };
}

/** get_secure_browser_portal_usage: who is on a portal now, and how it was used lately. */
export const getSecureBrowserPortalUsage = defineTool({
  name: 'get_secure_browser_portal_usage',
  title: 'Secure Browser portal usage',
  description:
    'Who is on a WorkSpaces Secure Browser (WorkSpaces Web) portal now, and how busy lately? Live sessions (user, age) and daily session starts and failures over lookbackDays.',
  tier: 0,
  iam: ['workspaces-web:ListPortals', 'workspaces-web:ListSessions', 'cloudwatch:GetMetricData'],
  input: Input,
  output: Output,
  run,
});
