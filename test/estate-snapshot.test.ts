import applications from '@workspaces-euc-mcp/plugin-applications';
import audit from '@workspaces-euc-mcp/plugin-audit';
import coreInstances from '@workspaces-euc-mcp/plugin-core-instances';
import cost from '@workspaces-euc-mcp/plugin-cost';
import personal from '@workspaces-euc-mcp/plugin-personal';
import pools from '@workspaces-euc-mcp/plugin-pools';
import secureBrowser from '@workspaces-euc-mcp/plugin-secure-browser';
import { createTestHost, invokeOk, type TestHost } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';

// The estate snapshot behind the host's listOnce is what makes a second question cheap: every
// service's list scans (desktops, directories, pools, fleets, stacks, image builders, portals,
// managed instances) come from it while it is young, and `fresh: true` scans again. A plugin that
// reads a list around listOnce (through a per-call memo, say) shows up here as a rescan.
const LIST_SCANS = [
  'workspaces:DescribeWorkspaces',
  'workspaces:DescribeWorkspaceDirectories',
  'workspaces:DescribeWorkspacesPools',
  'appstream:DescribeFleets',
  'appstream:DescribeStacks',
  'appstream:DescribeImageBuilders',
  'workspaces-web:ListPortals',
  'workspaces-instances:ListWorkspaceInstances',
];

async function listScansOf(host: TestHost, tool: string, input: Record<string, unknown>) {
  const before = host.requests.length;
  await invokeOk(host, tool, input);
  const scans = new Map<string, number>();
  for (const request of host.requests.slice(before))
    if (LIST_SCANS.includes(request.action)) scans.set(request.action, (scans.get(request.action) ?? 0) + 1);
  return Object.fromEntries(scans);
}

describe('a second question about the same estate', () => {
  it('rescans no list the first one read, until fresh is asked for', { timeout: 120_000 }, async () => {
    const host = await createTestHost({
      plugins: [personal, pools, applications, secureBrowser, coreInstances, cost, audit],
      hostTools: true,
      estate: { seed: 42 },
    });
    const inventory = await listScansOf(host, 'get_euc_inventory_summary', {});
    const posture = await listScansOf(host, 'audit_security_posture', {});
    expect(Object.keys({ ...inventory, ...posture }).sort()).toEqual([...LIST_SCANS].sort());
    expect(await listScansOf(host, 'get_euc_inventory_summary', {})).toEqual({});
    expect(await listScansOf(host, 'audit_security_posture', {})).toEqual({});
    expect(await listScansOf(host, 'get_euc_inventory_summary', { fresh: true })).toEqual(inventory);
  });
});
