import type { CollectedIdle } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { INSTANCE, smallEstate } from '../__tests__/estate.js';
import { call, coreHost } from '../__tests__/host.js';

describe('core managed instances idle contributor', () => {
  it('lists the instance whose release failed with its EC2 instance still there, whatever the window', async () => {
    const { host } = await coreHost(smallEstate());
    for (const idleDays of [1, 30, 90]) {
      const result = await call<CollectedIdle>(host, 'collect_test_idle', { idleDays });
      expect(result.errors).toEqual([]);
      expect(result.idle).toEqual([
        expect.objectContaining({
          id: INSTANCE.releaseFailed,
          resourceType: 'Managed instance',
          idleDays: null,
        }),
      ]);
      expect(result.idle[0]?.reason).toContain('EC2 instance i-0bbbbbbbbbbbbbbbb was not terminated');
    }
  });

  it('asks the API for the failed states only: one list call per region, no per-instance call', async () => {
    const { host, simulator } = await coreHost(smallEstate());
    await call<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(simulator.countsByAction()).toEqual({ 'workspaces-instances:ListWorkspaceInstances': 2 });
  });
});
