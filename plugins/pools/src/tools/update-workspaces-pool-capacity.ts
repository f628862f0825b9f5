import { defineWriteTool, ScopeInput, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { updatePoolCapacity } from '../aws/workspaces.js';
import { capacityOf } from '../capacity.js';
import { endOfSupportNotice } from '../end-of-support.js';
import { blastRadiusSkip, poolTarget, updateSkip } from '../pool-writes.js';

const Input = Type.Object(
  {
    pool: PoolInput,
    desiredUserSessions: Type.Integer({ minimum: 0, maximum: 10_000 }),
    ...ScopeInput,
  },
  { additionalProperties: false },
);

/** update_workspaces_pool_capacity: set a pool's DesiredUserSessions. */
export const updateWorkspacesPoolCapacity = defineWriteTool({
  name: 'update_workspaces_pool_capacity',
  title: 'Update WorkSpaces pool capacity',
  description:
    'Sets desired sessions of a WorkSpaces Pools pool (EOS 2027-12-31). Plan: current → new, live sessions over it; a change above the blast-radius cap is refused.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces:DescribeWorkspacesPools', 'workspaces:UpdateWorkspacesPool'],
  input: Input,
  async plan(input, ctx) {
    const where = await locatePool(ctx, input.pool, input);
    const { pool, scope } = where;
    const { desired, active } = capacityOf(pool);
    const wanted = input.desiredUserSessions;
    const change = Math.abs(wanted - desired);
    const cap = ctx.limits.maxBulkTargets;
    const step = wanted > desired ? Math.min(wanted, desired + cap) : Math.max(wanted, desired - cap);
    const skip =
      updateSkip(pool.State) ??
      (change === 0 ? `already ${desired} desired sessions: nothing to change.` : undefined) ??
      blastRadiusSkip(
        change,
        cap,
        (n) => `a change of ${n} sessions (one instance each)`,
        `Change it in steps: first to ${step}, check with diagnose_pool, then again.`,
      );
    const overflow = Math.max(0, active - wanted);
    const warnings: string[] = [];
    if (overflow > 0)
      warnings.push(
        `${active} session(s) are live and the new capacity is ${wanted}: ${overflow} stay until their users leave (scale-in ends no session), and new users are turned away until fewer than ${wanted} are in use.`,
      );
    if (pool.State === 'STOPPED')
      warnings.push('The pool is STOPPED: the new capacity applies when it starts.');
    if ((pool.Errors ?? []).length > 0 && wanted > desired)
      warnings.push(
        `The pool reports ${(pool.Errors ?? []).map((e) => e.ErrorCode).join(', ')}: capacity stays below desired until that is fixed (diagnose_pool).`,
      );
    if (pool.RunningMode === 'ALWAYS_ON' && wanted !== desired)
      warnings.push(
        `ALWAYS_ON: each session of capacity is an instance billed every hour (${wanted > desired ? 'more' : 'less'} by ${change} × 730 h a month).`,
      );
    warnings.push(`Pool ${poolLabel(where)}.`, endOfSupportNotice(ctx.now()));
    return {
      targets: [
        poolTarget(pool, scope, `set DesiredUserSessions ${desired} → ${wanted}`, skip, {
          newDesired: wanted,
          sessionsOverNewCapacity: overflow,
        }),
      ],
      warnings,
    };
  },
  async apply(targets, input, ctx) {
    const { scope } = await locatePool(ctx, input.pool, input);
    return Promise.all(
      targets.map(async (target) => {
        try {
          const updated = await updatePoolCapacity(ctx, scope, target.id, input.desiredUserSessions);
          const status = updated?.CapacityStatus;
          return {
            id: target.id,
            ok: true,
            message: `DesiredUserSessions ${status?.DesiredUserSessions ?? input.desiredUserSessions} (actual ${status?.ActualUserSessions ?? '?'}; instances follow in minutes)`,
          };
        } catch (error) {
          const { code, message } = summarizeError(error);
          return { id: target.id, ok: false, code, message };
        }
      }),
    );
  },
});
