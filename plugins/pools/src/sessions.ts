/**
 * Pool sessions as compact rows, and the filters an admin looks for a session by: the user, the
 * connection state and the ENI private IP (the address the session's instance has in the VPC,
 * which firewall and proxy logs show). A NOT_CONNECTED session still holds its instance until
 * the pool's DisconnectTimeout ends it, so it counts against capacity.
 */
import type { WorkspacesPoolSession } from '@aws-sdk/client-workspaces';
import type { Scope } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

const MINUTE_MS = 60_000;

/** One live session, terse: what an admin needs to find it and act on it. */
export const SessionRow = Type.Object({
  sessionId: Type.String(),
  user: Type.String(),
  state: Type.String({ description: 'CONNECTED or NOT_CONNECTED (holds capacity until DisconnectTimeout).' }),
  ip: Type.Optional(Type.String({ description: 'ENI private IP.' })),
  ageMinutes: Type.Optional(Type.Integer()),
  poolId: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
});
export type SessionRow = Static<typeof SessionRow>;

/** Whole minutes since `start`, or undefined when AWS gave no start time. */
export function ageMinutes(start: Date | undefined, now: Date): number | undefined {
  return start ? Math.max(0, Math.floor((now.getTime() - start.getTime()) / MINUTE_MS)) : undefined;
}

/** The row of one session of `poolId` in `scope`. */
export function sessionRow(session: WorkspacesPoolSession, scope: Scope, now: Date): SessionRow {
  const age = ageMinutes(session.StartTime, now);
  const ip = session.NetworkAccessConfiguration?.EniPrivateIpAddress;
  return {
    sessionId: session.SessionId ?? '',
    user: session.UserId ?? '',
    state: session.ConnectionState ?? 'UNKNOWN',
    ...(ip ? { ip } : {}),
    ...(age !== undefined ? { ageMinutes: age } : {}),
    poolId: session.PoolId ?? '',
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
  };
}

/** What sessions are wanted: every given filter must match. */
export interface SessionFilter {
  /** A part of the user id, case-insensitive. */
  readonly user?: string | undefined;
  readonly state?: 'CONNECTED' | 'NOT_CONNECTED' | undefined;
  /** An exact IP, or a prefix ending in a dot (`10.0.1.`) or a CIDR (`10.0.0.0/16`). */
  readonly ip?: string | undefined;
}

function ipv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d{1,3}$/.test(part) || n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

/** True when `address` is `wanted`: exact, a dotted prefix, or inside a CIDR. */
export function ipMatches(address: string | undefined, wanted: string): boolean {
  if (!address) return false;
  const slash = wanted.indexOf('/');
  if (slash > 0) {
    const base = ipv4(wanted.slice(0, slash));
    const bits = Number(wanted.slice(slash + 1));
    const ip = ipv4(address);
    if (base === undefined || ip === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32)
      return false;
    const size = 2 ** (32 - bits);
    return Math.floor(ip / size) === Math.floor(base / size);
  }
  return wanted.endsWith('.') ? address.startsWith(wanted) : address === wanted;
}

/** True when the row passes every filter given. */
export function matchesSession(row: SessionRow, filter: SessionFilter): boolean {
  if (filter.user && !row.user.toLowerCase().includes(filter.user.toLowerCase())) return false;
  if (filter.state && row.state !== filter.state) return false;
  if (filter.ip && !ipMatches(row.ip, filter.ip)) return false;
  return true;
}

/** Connected and not-connected counts. */
export interface SessionCounts {
  readonly total: number;
  readonly connected: number;
  readonly notConnected: number;
}

export function countSessions(sessions: readonly { readonly state: string }[]): SessionCounts {
  const connected = sessions.filter((s) => s.state === 'CONNECTED').length;
  return { total: sessions.length, connected, notConnected: sessions.length - connected };
}
