import { contributionProbe, createTestHost, invokeOk, type TestHost } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

/** How many GetWorkspaceInstance one findings pass sent. */
async function detailReadsOf(host: TestHost, input: Record<string, unknown>) {
  const before = host.requests.length;
  await invokeOk(host, 'collect_test_findings', input);
  return host.requests.slice(before).filter((r) => r.action === 'workspaces-instances:GetWorkspaceInstance')
    .length;
}

describe('the managed-instance findings asked again', () => {
  it('read no failed instance again until fresh is asked for', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    expect(await detailReadsOf(host, {})).toBe(3);
    expect(await detailReadsOf(host, {})).toBe(0);
    expect(await detailReadsOf(host, { fresh: true })).toBe(3);
  });

  it('the one-instance tool still reads the instance as it is now', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    await invokeOk(host, 'collect_test_findings', {});
    const before = host.requests.length;
    const failed = host.requests.find((r) => r.action === 'workspaces-instances:GetWorkspaceInstance');
    await invokeOk(host, 'get_core_managed_instance', {
      workspaceInstanceId: failed?.input.WorkspaceInstanceId,
    });
    expect(
      host.requests.slice(before).filter((r) => r.action === 'workspaces-instances:GetWorkspaceInstance'),
    ).not.toEqual([]);
  });
});
