import {
  defineWriteTool,
  mapBounded,
  type PlannedTarget,
  ScopeInput,
  scopeLabel,
  summarizeError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { locatePortal, PortalInput } from '../aws/locate.js';
import { expireSession, getSessions } from '../aws/sessions.js';
import { ageMinutes } from '../portals/sessions.js';

/** Session ids are 36 characters (ExpireSession API reference: fixed length 36, [a-zA-Z0-9-]+). */
const SessionId = Type.String({ pattern: '^[a-zA-Z0-9-]{36}$' });

const Input = Type.Object(
  {
    portal: PortalInput,
    // 50 planned rows keep the plan within the 20 KB answer budget.
    sessionIds: Type.Array(SessionId, { minItems: 1, maxItems: 50, uniqueItems: true }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** expire_secure_browser_session: end live sessions of one portal (users are signed out at once). */
export const expireSecureBrowserSession = defineWriteTool({
  name: 'expire_secure_browser_session',
  title: 'Expire Secure Browser sessions',
  description:
    'Ends live sessions of a WorkSpaces Secure Browser (WorkSpaces Web) portal: users are cut off, unsaved work lost. The plan shows user and age; ended sessions are skipped.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces-web:ListPortals', 'workspaces-web:GetSession', 'workspaces-web:ExpireSession'],
  input: Input,
  async plan(input, ctx) {
    const where = await locatePortal(ctx, input.portal, input);
    const sessions = await getSessions(ctx, where.scope, where.portalId, input.sessionIds);
    const now = ctx.now();
    const label = `${where.portal.displayName ?? where.portalId} (${scopeLabel(where.scope)})`;
    const targets = input.sessionIds.map((sessionId): PlannedTarget => {
      const session = sessions.get(sessionId);
      if (!session)
        return {
          id: sessionId,
          action: 'expire',
          skip: `not found: portal ${label} has no session ${sessionId}.`,
        };
      const status = session.status ?? 'UNKNOWN';
      const age = ageMinutes(session.startTime, now);
      const detail = {
        user: session.username ?? null,
        started: session.startTime?.toISOString() ?? null,
        ageMinutes: age ?? null,
      };
      return {
        id: sessionId,
        action: 'expire',
        current: status,
        detail,
        ...(status === 'Active'
          ? {}
          : {
              skip: `already ${status.toLowerCase()}${session.endTime ? ` since ${session.endTime.toISOString()}` : ''}: nothing to end.`,
            }),
      };
    });
    return {
      targets,
      warnings: [
        `Portal ${label}: expiring a session disconnects its user immediately; whatever was open in the remote browser is lost.`,
      ],
    };
  },
  async apply(targets, input, ctx) {
    const where = await locatePortal(ctx, input.portal, input);
    const settled = await mapBounded(
      targets,
      ctx.limits.concurrency,
      (target) => expireSession(ctx, where.scope, where.portalId, target.id),
      { signal: ctx.signal },
    );
    return settled.map((outcome) => {
      if (outcome.ok) return { id: outcome.item.id, ok: true, message: 'expired' };
      const error = summarizeError(outcome.error);
      return { id: outcome.item.id, ok: false, code: error.code, message: error.message };
    });
  },
});
