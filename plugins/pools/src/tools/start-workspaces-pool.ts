import { defineWriteTool, ScopeInput, summarizeError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { locatePool, PoolInput, poolLabel } from '../aws/locate.js';
import { startPool } from '../aws/workspaces.js';
import { endOfSupportNotice } from '../end-of-support.js';
import { poolTarget, startSkip } from '../pool-writes.js';

const Input = Type.Object({ pool: PoolInput, ...ScopeInput }, { additionalProperties: false });

/** start_workspaces_pool: a STOPPED pool launches its desired capacity again. */
export const startWorkspacesPool = defineWriteTool({
  name: 'start_workspaces_pool',
  title: 'Start WorkSpaces pool',
  description:
    'Starts a STOPPED WorkSpaces Pools pool (EOS 2027-12-31): it launches its desired sessions and billing resumes. Without confirm: the plan (state, mode, capacity); other states are skipped with the reason.',
  tier: 2,
  idempotent: true,
  iam: ['workspaces:DescribeWorkspacesPools', 'workspaces:StartWorkspacesPool'],
  input: Input,
  async plan(input, ctx) {
    const where = await locatePool(ctx, input.pool, input);
    const { pool, scope } = where;
    const mode =
      pool.RunningMode === 'ALWAYS_ON'
        ? 'ALWAYS_ON: every running instance is billed by the hour from now, used or not.'
        : 'AUTO_STOP: instances in use bill the hourly rate, the rest the stopped-instance fee.';
    return {
      targets: [poolTarget(pool, scope, 'start', startSkip(pool.State))],
      warnings: [`Pool ${poolLabel(where)} is ${mode}`, endOfSupportNotice(ctx.now())],
    };
  },
  async apply(targets, input, ctx) {
    const { scope } = await locatePool(ctx, input.pool, input);
    return Promise.all(
      targets.map(async (target) => {
        try {
          await startPool(ctx, scope, target.id);
          return { id: target.id, ok: true, message: 'starting (STARTING, then RUNNING in minutes)' };
        } catch (error) {
          const { code, message } = summarizeError(error);
          return { id: target.id, ok: false, code, message };
        }
      }),
    );
  },
});
