/** Live sessions of a portal, summarised: counts by status, oldest and newest, the busiest users. */
import type { SessionSummary } from '@aws-sdk/client-workspaces-web';
import { tally } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

const MINUTE_MS = 60_000;

export const SessionRow = Type.Object({
  sessionId: Type.String(),
  username: Type.Optional(Type.String()),
  status: Type.String(),
  startTime: Type.Optional(Type.String()),
  ageMinutes: Type.Optional(Type.Integer({ description: 'Minutes since the session started.' })),
});
export type SessionRow = Static<typeof SessionRow>;

/** Minutes from `start` to `now`, never negative; undefined without a start. */
export function ageMinutes(start: Date | undefined, now: Date): number | undefined {
  return start ? Math.max(0, Math.floor((now.getTime() - start.getTime()) / MINUTE_MS)) : undefined;
}

export function sessionRow(session: SessionSummary, now: Date): SessionRow {
  const age = ageMinutes(session.startTime, now);
  return {
    sessionId: session.sessionId ?? '',
    ...(session.username ? { username: session.username } : {}),
    status: session.status ?? 'UNKNOWN',
    ...(session.startTime ? { startTime: session.startTime.toISOString() } : {}),
    ...(age !== undefined ? { ageMinutes: age } : {}),
  };
}

/** What a list of sessions adds up to. */
export interface SessionsSummary {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  /** Distinct user names. */
  readonly users: number;
  readonly oldest?: SessionRow;
  readonly newest?: SessionRow;
  /** Users with the most sessions, most first (ties by name), at most `topN`. */
  readonly topUsers: { username: string; sessions: number }[];
  /** Every session, newest start first. */
  readonly rows: SessionRow[];
}

export function summarizeSessions(sessions: readonly SessionSummary[], now: Date, topN = 5): SessionsSummary {
  const byStatus: Record<string, number> = {};
  const byUser: Record<string, number> = {};
  for (const session of sessions) {
    tally(byStatus, session.status ?? 'UNKNOWN');
    if (session.username) tally(byUser, session.username);
  }
  const rows = [...sessions]
    .sort(
      (a, b) =>
        (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0) ||
        (a.sessionId ?? '').localeCompare(b.sessionId ?? ''),
    )
    .map((s) => sessionRow(s, now));
  const topUsers = Object.entries(byUser)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, topN)
    .map(([username, count]) => ({ username, sessions: count }));
  const newest = rows[0];
  const oldest = rows.at(-1);
  return {
    total: sessions.length,
    byStatus,
    users: Object.keys(byUser).length,
    ...(oldest ? { oldest } : {}),
    ...(newest ? { newest } : {}),
    topUsers,
    rows,
  };
}
