/**
 * The live sessions of one fleet, as an admin reads them: who, on which stack, connected or not,
 * for how long, and when AppStream will cut them off (MaxExpirationTime: the session-expiry
 * countdown of the "Session expiration for AppStream" sample).
 */
import type { Session } from '@aws-sdk/client-appstream';
import Type, { type Static } from 'typebox';

const MINUTE_MS = 60_000;

export const LiveSessionRow = Type.Object({
  user: Type.String(),
  stack: Type.String(),
  state: Type.String(),
  connected: Type.Boolean(),
  auth: Type.String(),
  minutes: Type.Optional(Type.Integer({ description: 'Since it started.' })),
  endsInMinutes: Type.Optional(Type.Integer({ description: 'Until MaxExpirationTime.' })),
});
export type LiveSessionRow = Static<typeof LiveSessionRow>;

/** ACTIVE and PENDING sessions hold capacity; EXPIRED ones are history. */
export function isLive(session: Session): boolean {
  return session.State === 'ACTIVE' || session.State === 'PENDING';
}

export function sessionRow(session: Session, now: Date): LiveSessionRow {
  const start = session.StartTime?.getTime();
  const end = session.MaxExpirationTime?.getTime();
  return {
    user: session.UserId ?? 'unknown',
    stack: session.StackName ?? '',
    state: session.State ?? 'UNKNOWN',
    connected: session.ConnectionState === 'CONNECTED',
    auth: session.AuthenticationType ?? 'UNKNOWN',
    ...(start !== undefined ? { minutes: Math.max(0, Math.floor((now.getTime() - start) / MINUTE_MS)) } : {}),
    ...(end !== undefined
      ? { endsInMinutes: Math.max(0, Math.floor((end - now.getTime()) / MINUTE_MS)) }
      : {}),
  };
}

/** Live sessions counted, and the rows newest first. */
export function summarizeLive(sessions: readonly Session[], now: Date) {
  const live = sessions.filter(isLive);
  const rows = live.map((s) => sessionRow(s, now)).sort((a, b) => (a.minutes ?? 0) - (b.minutes ?? 0));
  const byStack: Record<string, number> = {};
  for (const row of rows) byStack[row.stack] = (byStack[row.stack] ?? 0) + 1;
  return {
    total: rows.length,
    connected: rows.filter((r) => r.connected).length,
    users: new Set(rows.map((r) => r.user)).size,
    byStack,
    rows,
  };
}

/** "alice (crm-stack), bob (crm-stack) and 12 more" for a plan warning. */
export function nameSessions(rows: readonly LiveSessionRow[], shown = 10): string {
  const names = rows.slice(0, shown).map((r) => `${r.user} (${r.stack}${r.connected ? ', connected' : ''})`);
  return rows.length > shown ? `${names.join(', ')} and ${rows.length - shown} more` : names.join(', ');
}
