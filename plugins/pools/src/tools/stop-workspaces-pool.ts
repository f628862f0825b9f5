import { defineWriteTool, ScopeInput, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { listPoolSessions, stopPool } from '../aws/workspaces.js';
import { capacityOf } from '../capacity.js';
import { endOfSupportNotice } from '../end-of-support.js';
import { blastRadiusSkip, poolTarget, stopSkip } from '../pool-writes.js';

const Input = Type.Object({ pool: PoolInput, ...ScopeInput }, { additionalProperties: false });

/** Users named in the plan's warning; the count is always given. */
const NAMED_USERS = 10;

/** stop_workspaces_pool: a RUNNING pool ends every session and releases its instances. */
export const stopWorkspacesPool = defineWriteTool({
  name: 'stop_workspaces_pool',
  title: 'Stop WorkSpaces pool',
  description:
    'Stops a RUNNING WorkSpaces Pools pool (EOS 2027-12-31): every live session ends, instance billing stops. The plan counts and names the users cut off; refused above the blast-radius cap of sessions.',
  tier: 2,
  idempotent: true,
  iam: [
    'workspaces:DescribeWorkspacesPools',
    'workspaces:DescribeWorkspacesPoolSessions',
    'workspaces:StopWorkspacesPool',
  ],
  input: Input,
  async plan(input, ctx) {
    const where = await locatePool(ctx, input.pool, input);
    const { pool, scope, poolId } = where;
    const stateSkip = stopSkip(pool.State);
    const warnings: string[] = [];
    let live = capacityOf(pool).active;
    let connected: number | null = null;
    if (!stateSkip) {
      try {
        const sessions = await listPoolSessions(ctx, scope, poolId);
        live = sessions.length;
        connected = sessions.filter((s) => s.ConnectionState === 'CONNECTED').length;
        const users = sessions.map((s) => s.UserId ?? '?').sort();
        if (users.length > 0)
          warnings.push(
            `Stopping ends ${users.length} live session(s) at once; unsaved work is lost: ${users.slice(0, NAMED_USERS).join(', ')}${users.length > NAMED_USERS ? ` and ${users.length - NAMED_USERS} more` : ''}.`,
          );
      } catch (error) {
        warnings.push(
          `Could not list the live sessions (${summarizeError(error).message}); CapacityStatus says ${live} are active and would end.`,
        );
      }
    }
    const skip =
      stateSkip ??
      blastRadiusSkip(
        live,
        ctx.limits.maxBulkTargets,
        (n) => `stopping would end ${n} live sessions`,
        'Wait until fewer users are on it, end sessions with terminate_pool_session, or raise the cap.',
      );
    warnings.push(
      `Pool ${poolLabel(where)}: a stopped pool bills no instance hours; only a stopped pool can switch its running mode.`,
      endOfSupportNotice(ctx.now()),
    );
    return {
      targets: [poolTarget(pool, scope, 'stop', skip, { liveSessions: live, connected })],
      warnings,
    };
  },
  async apply(targets, input, ctx) {
    const { scope } = await locatePool(ctx, input.pool, input);
    return Promise.all(
      targets.map(async (target) => {
        try {
          await stopPool(ctx, scope, target.id);
          return { id: target.id, ok: true, message: 'stopping: sessions end, then STOPPED' };
        } catch (error) {
          const { code, message } = summarizeError(error);
          return { id: target.id, ok: false, code, message };
        }
      }),
    );
  },
});
