import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import { confirmOk, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  EXTRA_STATE_POOL,
  extraStatePools,
  mutating,
  POOL,
  poolIn,
  smallEstate,
  smallPools,
} from '../__tests__/estate.js';
import plugin from '../index.js';

const TOOL = 'start_workspaces_pool';
const options = { plugins: [plugin], enableWrites: true };

describe('start_workspaces_pool', () => {
  it('the dry run shows the stopped pool, its mode and capacity, and sends no change', async () => {
    const host = await createTestHost({ ...options, estate: smallEstate() });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { pool: 'contractors' });
    expect(result).toMatchObject({ status: 'planned', dryRun: true });
    expect(result.targets[0]).toMatchObject({
      id: POOL.stopped,
      action: 'start',
      current: 'STOPPED',
      detail: { name: 'contractors', runningMode: 'AUTO_STOP', desired: 100, actual: 0 },
    });
    expect(result.warnings.join(' ')).toContain('AUTO_STOP');
    expect(result.warnings.join(' ')).toContain('2027-12-31');
    expect(mutating(host.requests)).toEqual([]);
  });

  it('only a STOPPED pool starts: every other state is skipped with the reason and nothing is sent', async () => {
    const host = await createTestHost({
      ...options,
      estate: smallEstate([...smallPools(), ...extraStatePools()]),
    });
    const reasons: Record<string, string> = {
      [POOL.callCentre]: 'already RUNNING',
      [POOL.updating]: 'already UPDATING',
      [POOL.creating]: 'still CREATING',
      [EXTRA_STATE_POOL.starting]: 'already STARTING',
      [EXTRA_STATE_POOL.stopping]: 'STOPPING: start it once it is STOPPED',
      [EXTRA_STATE_POOL.deleting]: 'being DELETED',
    };
    for (const [pool, reason] of Object.entries(reasons)) {
      const result = await confirmOk<WriteOutcome>(host, TOOL, { pool });
      expect(result.status, pool).toBe('nothing-to-do');
      expect(result.targets[0]?.message, pool).toContain(reason);
    }
    expect(mutating(host.requests)).toEqual([]);
  });

  it('starts with confirm: the pool runs and a second call has nothing to do', async () => {
    const estate = smallEstate();
    const host = await createTestHost({ ...options, estate });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { pool: POOL.stopped });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 1 } });
    expect(mutating(host.requests)).toEqual(['workspaces:StartWorkspacesPool']);
    expect(poolIn(estate, POOL.stopped).pool.State).toBe('RUNNING');
    const again = await confirmOk<WriteOutcome>(host, TOOL, { pool: POOL.stopped });
    expect(again.status).toBe('nothing-to-do');
  });

  it('an illegal transition AWS reports (the pool changed since the plan) fails the target with its code', async () => {
    const host = await createTestHost({
      ...options,
      estate: smallEstate(),
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'StartWorkspacesPool', code: 'InvalidResourceStateException' },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { pool: POOL.stopped });
    expect(result.status).toBe('failed');
    expect(result.targets[0]).toMatchObject({ status: 'failed', code: 'InvalidResourceStateException' });
  });
});
