import { type CollectedIdle, contributionProbe, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { INSTANCE, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

describe('core managed instances idle contributor', () => {
  it('lists the instance whose release failed with its EC2 instance still there, whatever the window', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    for (const idleDays of [1, 30, 90]) {
      const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays });
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
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(host.simulator.countsByAction()).toEqual({ 'workspaces-instances:ListWorkspaceInstances': 2 });
  });
});
