import {
  defineWriteTool,
  mapBounded,
  type PlannedTarget,
  ScopeInput,
  summarizeError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { listPoolSessions, terminatePoolSession } from '../aws/workspaces.js';
import { endOfSupportNotice } from '../end-of-support.js';
import { ageMinutes } from '../sessions.js';

const Input = Type.Object(
  {
    pool: PoolInput,
    // 50 planned rows keep the plan within the 20 KB answer budget.
    sessionIds: Type.Array(Type.String({ maxLength: 128 }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** terminate_pool_session: end live sessions of one pool (users cut off at once). */
export const terminatePoolSessionTool = defineWriteTool({
  name: 'terminate_pool_session',
  title: 'Terminate WorkSpaces pool sessions',
  description:
    'Ends live sessions of a WorkSpaces Pools pool (EOS 2027-12-31); ids from list_pool_sessions. Users are cut off, unsaved work lost.',
  tier: 2,
  idempotent: true,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspacesPoolSessions',
    'workspaces:TerminateWorkspacesPoolSession',
  ],
  input: Input,
  async plan(input, ctx) {
    const where = await locatePool(ctx, input.pool, input);
    const sessions = new Map(
      (await listPoolSessions(ctx, where.scope, where.poolId)).map((s) => [s.SessionId ?? '', s]),
    );
    const now = ctx.now();
    const targets = input.sessionIds.map((sessionId): PlannedTarget => {
      const session = sessions.get(sessionId);
      if (!session)
        return {
          id: sessionId,
          action: 'terminate',
          skip: `not found: pool ${poolLabel(where)} has no live session ${sessionId} (ended already?).`,
        };
      return {
        id: sessionId,
        action: 'terminate',
        current: session.ConnectionState ?? 'UNKNOWN',
        detail: {
          user: session.UserId ?? null,
          ip: session.NetworkAccessConfiguration?.EniPrivateIpAddress ?? null,
          ageMinutes: ageMinutes(session.StartTime, now) ?? null,
        },
      };
    });
    return {
      targets,
      warnings: [
        `Pool ${poolLabel(where)}: terminating disconnects the user at once; pool desktops are non-persistent, so unsaved work is lost.`,
        endOfSupportNotice(now),
      ],
    };
  },
  async apply(targets, input, ctx) {
    const { scope } = await locatePool(ctx, input.pool, input);
    const settled = await mapBounded(
      targets,
      ctx.limits.concurrency,
      (target) => terminatePoolSession(ctx, scope, target.id),
      { signal: ctx.signal },
    );
    return settled.map((outcome) => {
      if (outcome.ok) return { id: outcome.item.id, ok: true, message: 'terminated' };
      const { code, message } = summarizeError(outcome.error);
      return { id: outcome.item.id, ok: false, code, message };
    });
  },
});
