import {
  defineWriteTool,
  ScopeInput,
  scopeLabel,
  summarizeError,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { listFleetSessions, listStacksOfFleet, stopFleet } from '../aws/appstream.js';
import { FleetInput, type LocatedFleet, locateFleet } from '../aws/locate-fleet.js';
import { stopSkip } from '../fleets/lifecycle.js';
import { nameSessions, summarizeLive } from '../fleets/live-sessions.js';

const Input = Type.Object({ fleet: FleetInput, ...ScopeInput }, { additionalProperties: false });

/** The live sessions a stop ends, as a warning (a failed read is a warning too, never silence). */
async function sessionWarning(
  ctx: ToolContext,
  where: LocatedFleet,
): Promise<{ live: number | null; warning: string }> {
  try {
    const stacks = await listStacksOfFleet(ctx, where.scope, where.name);
    const live = summarizeLive(await listFleetSessions(ctx, where.scope, where.name, stacks), ctx.now());
    return {
      live: live.total,
      warning:
        live.total === 0
          ? 'No live sessions: nobody is cut off.'
          : `${live.total} live session(s) end now, unsaved work lost: ${nameSessions(live.rows)}.`,
    };
  } catch (error) {
    return {
      live: null,
      warning: `Could not read the live sessions (${summarizeError(error).message}); assume users are cut off.`,
    };
  }
}

/** stop_application_fleet: stop a running fleet; every live session on it ends. */
export const stopApplicationFleet = defineWriteTool({
  name: 'stop_application_fleet',
  title: 'Stop a WorkSpaces Applications fleet',
  description:
    'Stops a RUNNING WorkSpaces Applications (AppStream) fleet: every live session ends and instances stop billing. Without confirm: the plan naming the live sessions that would end; other states are skipped with the reason.',
  tier: 2,
  idempotent: true,
  iam: [
    'appstream:DescribeFleets',
    'appstream:ListAssociatedStacks',
    'appstream:DescribeSessions',
    'appstream:StopFleet',
  ],
  input: Input,
  async plan(input, ctx) {
    const where = await locateFleet(ctx, input.fleet, input);
    const skip = stopSkip(where.fleet);
    const sessions = skip ? undefined : await sessionWarning(ctx, where);
    return {
      targets: [
        {
          id: where.name,
          action: 'stop',
          current: where.fleet.State ?? 'UNKNOWN',
          detail: {
            fleetType: where.fleet.FleetType ?? null,
            region: scopeLabel(where.scope),
            ...(sessions ? { liveSessions: sessions.live } : {}),
          },
          ...(skip ? { skip } : {}),
        },
      ],
      warnings: sessions ? [sessions.warning] : [],
    };
  },
  async apply(targets, input, ctx) {
    const { scope, name } = await locateFleet(ctx, input.fleet, input);
    return Promise.all(
      targets.map(async (target) => {
        try {
          await stopFleet(ctx, scope, name);
          return { id: target.id, ok: true, message: 'StopFleet accepted: the fleet is STOPPING.' };
        } catch (error) {
          const e = summarizeError(error);
          return { id: target.id, ok: false, code: e.code, message: e.message };
        }
      }),
    );
  },
});
