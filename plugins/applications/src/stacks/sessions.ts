/**
 * Streaming sessions of one account/region. DescribeSessions needs a stack AND a fleet name, and
 * without an AuthenticationType it returns only API (streaming URL) sessions, so the sessions of
 * a scope are one read per associated stack/fleet pair per authentication type (50 a page).
 */
import type { AuthenticationType, Session, SessionState } from '@aws-sdk/client-appstream';
import { mapBoundedAll, type Scope, type ToolContext } from '@workspaces-euc-mcp/host';
import { listSessions, stackFleetLinks } from '../aws/appstream.js';

/** Every AuthenticationType DescribeSessions distinguishes (SDK enum). */
export const AUTHENTICATION_TYPES = [
  'API',
  'SAML',
  'USERPOOL',
  'AWS_AD',
] as const satisfies readonly AuthenticationType[];
/** Every SessionState (SDK enum). */
export const SESSION_STATES = ['ACTIVE', 'PENDING', 'EXPIRED'] as const satisfies readonly SessionState[];

/** Which sessions to keep. Stack and fleet narrow the reads; the rest filter what they return. */
export interface SessionFilter {
  readonly stack?: string | undefined;
  readonly fleet?: string | undefined;
  /** The user id, compared case-insensitively. */
  readonly user?: string | undefined;
  readonly state?: SessionState | undefined;
  readonly authenticationType?: AuthenticationType | undefined;
}

/** The associated stack/fleet pairs of a scope that the filter allows, sorted. */
export async function sessionPairs(
  ctx: ToolContext,
  scope: Scope,
  filter: Pick<SessionFilter, 'stack' | 'fleet'>,
): Promise<{ stackName: string; fleetName: string }[]> {
  const links = await stackFleetLinks(ctx, scope);
  const pairs: { stackName: string; fleetName: string }[] = [];
  for (const [stackName, fleets] of links.fleetsOfStack) {
    if (filter.stack !== undefined && stackName !== filter.stack) continue;
    for (const fleetName of fleets)
      if (filter.fleet === undefined || fleetName === filter.fleet) pairs.push({ stackName, fleetName });
  }
  return pairs.sort(
    (a, b) => a.fleetName.localeCompare(b.fleetName) || a.stackName.localeCompare(b.stackName),
  );
}

/** True when `session` passes the filters DescribeSessions cannot apply. */
export function keepSession(session: Session, filter: SessionFilter): boolean {
  return (
    (filter.user === undefined || (session.UserId ?? '').toLowerCase() === filter.user.toLowerCase()) &&
    (filter.state === undefined || session.State === filter.state)
  );
}

/** The sessions of one scope that pass `filter`. */
export async function scopeSessions(
  ctx: ToolContext,
  scope: Scope,
  filter: SessionFilter,
): Promise<Session[]> {
  const pairs = await sessionPairs(ctx, scope, filter);
  const types = filter.authenticationType ? [filter.authenticationType] : AUTHENTICATION_TYPES;
  const queries = pairs.flatMap((pair) =>
    types.map((authenticationType) => ({ ...pair, authenticationType })),
  );
  const answers = await mapBoundedAll(
    queries,
    ctx.limits.concurrency,
    (query) => listSessions(ctx, scope, query),
    {
      signal: ctx.signal,
    },
  );
  return answers.flat().filter((s) => keepSession(s, filter));
}

/** Whole minutes since the session started; undefined without a start time. */
export function sessionAgeMinutes(session: Session, now: Date): number | undefined {
  const start = session.StartTime?.getTime();
  return start === undefined ? undefined : Math.max(0, Math.floor((now.getTime() - start) / 60_000));
}
