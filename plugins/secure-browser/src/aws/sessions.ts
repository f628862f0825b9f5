/**
 * Sessions of one portal. ListSessions is paged with nextToken (the API documents no maximum
 * page size, so the service default is used); GetSession reads one session exactly, and answers
 * ResourceNotFoundException for an id the portal does not know.
 */

import type { Session, SessionStatus, SessionSummary } from '@aws-sdk/client-workspaces-web';
import {
  classifyAwsError,
  collectPages,
  mapBounded,
  type Scope,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { webSdk } from './sdk.js';

/** Every session of the portal with this status (all pages), newest first. */
export async function listSessions(
  ctx: ToolContext,
  scope: Scope,
  portalId: string,
  status: SessionStatus,
): Promise<SessionSummary[]> {
  const { WorkSpacesWebClient, paginateListSessions } = await webSdk();
  const client = ctx.aws.client(WorkSpacesWebClient, scope);
  return collectPages(
    paginateListSessions({ client }, { portalId, status, sortBy: 'StartTimeDescending' }),
    (page) => page.sessions,
    { signal: ctx.signal },
  );
}

/**
 * The sessions with these ids (one GetSession each, bounded concurrency), by id; an id the portal
 * does not know is absent. Any other failure is thrown: a plan must not guess a session's state.
 */
export async function getSessions(
  ctx: ToolContext,
  scope: Scope,
  portalId: string,
  sessionIds: readonly string[],
): Promise<Map<string, Session>> {
  const { WorkSpacesWebClient, GetSessionCommand } = await webSdk();
  const client = ctx.aws.client(WorkSpacesWebClient, scope);
  const settled = await mapBounded(
    [...new Set(sessionIds)],
    ctx.limits.concurrency,
    async (sessionId) => (await client.send(new GetSessionCommand({ portalId, sessionId }))).session,
    { signal: ctx.signal },
  );
  const byId = new Map<string, Session>();
  for (const outcome of settled) {
    if (!outcome.ok) {
      if (classifyAwsError(outcome.error).kind === 'not-found') continue;
      throw outcome.error;
    }
    if (outcome.value) byId.set(outcome.item, outcome.value);
  }
  return byId;
}

/** Ends one session (ExpireSession answers nothing on success). */
export async function expireSession(
  ctx: ToolContext,
  scope: Scope,
  portalId: string,
  sessionId: string,
): Promise<void> {
  const { WorkSpacesWebClient, ExpireSessionCommand } = await webSdk();
  await ctx.aws.client(WorkSpacesWebClient, scope).send(new ExpireSessionCommand({ portalId, sessionId }));
}
