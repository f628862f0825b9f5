import type { Session } from '@aws-sdk/client-appstream';
import {
  defineWriteTool,
  errorEntry,
  mapBounded,
  type PlannedTarget,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  summarizeError,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { expireSession } from '../aws/appstream.js';
import { scopeSessions, sessionAgeMinutes } from '../stacks/sessions.js';

const Input = Type.Object(
  {
    sessionIds: Type.Array(Type.String(), {
      minItems: 1,
      // A plan row is ~330 bytes, ~720 as sent over MCP: 25 (the default blast-radius cap) fit
      // the 20 KB answer budget; 50 do not.
      maxItems: 25,
      uniqueItems: true,
    }),
    fleet: Type.Optional(Type.String({ description: 'Narrows the search' })),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** expire_application_session: end live streaming sessions (users are disconnected at once). */
export const expireApplicationSession = defineWriteTool({
  name: 'expire_application_session',
  title: 'Expire WorkSpaces Applications sessions',
  description:
    'Ends WorkSpaces Applications (AppStream) sessions: users cut off, unsaved work lost. Plan: user, fleet, stack, age; ended ones skipped. Cost: session reads + ExpireSession each.',
  tier: 2,
  idempotent: true,
  iam: [
    'appstream:DescribeFleets',
    'appstream:DescribeStacks',
    'appstream:ListAssociatedFleets',
    'appstream:ListAssociatedStacks',
    'appstream:DescribeSessions',
    'appstream:ExpireSession',
  ],
  input: Input,
  async plan(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    const settled = await mapBounded(
      scopes,
      ctx.limits.concurrency,
      (scope) => scopeSessions(ctx, scope, { fleet: input.fleet }),
      { signal: ctx.signal },
    );
    const byId = new Map<string, { session: Session; scope: Scope }>();
    const unread: string[] = [];
    for (const outcome of settled) {
      if (!outcome.ok) {
        const error = errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error);
        unread.push(`${scopeLabel(outcome.item)} (${error.code})`);
        continue;
      }
      for (const session of outcome.value)
        if (session.Id) byId.set(session.Id, { session, scope: outcome.item });
    }
    const now = ctx.now();
    const targets = input.sessionIds.map((sessionId): PlannedTarget => {
      const hit = byId.get(sessionId);
      if (!hit)
        return {
          id: sessionId,
          action: 'expire',
          skip:
            `not found in ${scopes.map(scopeLabel).join(', ')}${input.fleet ? ` (fleet ${input.fleet})` : ''}: already ended, or a wrong id` +
            (unread.length > 0 ? `; could not read ${unread.join(', ')}` : '') +
            '.',
        };
      const { session, scope } = hit;
      const state = session.State ?? 'UNKNOWN';
      const detail = {
        user: session.UserId ?? null,
        fleet: session.FleetName ?? null,
        stack: session.StackName ?? null,
        ageMinutes: sessionAgeMinutes(session, now) ?? null,
        connected: session.ConnectionState === 'CONNECTED',
        ...(scope.account ? { account: scope.account } : {}),
        region: scope.region,
      };
      return {
        id: sessionId,
        action: 'expire',
        current: state,
        detail,
        ...(state === 'EXPIRED' ? { skip: 'already EXPIRED: nothing to end.' } : {}),
      };
    });
    return {
      targets,
      warnings: targets.some((t) => !t.skip)
        ? [
            'Expiring a session disconnects its user immediately; unsaved work in the streamed applications is lost.',
          ]
        : [],
    };
  },
  async apply(targets, _input, ctx) {
    const settled = await mapBounded(
      targets,
      ctx.limits.concurrency,
      async (target) => {
        const region = target.detail?.region;
        const account = target.detail?.account;
        if (typeof region !== 'string')
          throw new ToolError('InvalidPlan', `${target.id}: the plan did not resolve its region.`);
        await expireSession(ctx, { region, ...(typeof account === 'string' ? { account } : {}) }, target.id);
      },
      { signal: ctx.signal },
    );
    return settled.map((outcome) => {
      if (outcome.ok) return { id: outcome.item.id, ok: true, message: 'expired' };
      const error = summarizeError(outcome.error);
      return { id: outcome.item.id, ok: false, code: error.code, message: error.message };
    });
  },
});
