import { proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { always, costHost, editedEstate, hourlyMetrics } from './__tests__/sim.js';
import { plugin } from './index.js';

// Every code path that sends a distinct action, on the shared simulator: an unused AlwaysOn
// desktop (a running-mode switch, so the Price List and DescribeTags are reached), a
// never-connected stopped AutoStop desktop (the existence check of list_unused_resources and the
// connection-status lookup of analyze_workspace_utilization), and the estate's Cost Explorer data.
function estate() {
  const e = editedEstate([
    { id: 'ws-unused', mode: 'ALWAYS_ON', lastConnection: new Date('2026-08-01T00:00:00Z') },
    { id: 'ws-never', mode: 'AUTO_STOP', state: 'STOPPED' },
    { id: 'ws-gpu', mode: 'ALWAYS_ON', computeType: 'GRAPHICS_G4DN' },
  ]);
  e.metricOverride = hourlyMetrics({
    'ws-unused': { UserConnected: always(0), CPUUsage: always(5), MemoryUsage: always(10) },
    'ws-never': { Stopped: always(1) },
    'ws-gpu': {
      UserConnected: always(1),
      CPUUsage: always(50),
      MemoryUsage: always(50),
      GPUUsage: always(50),
    },
  });
  return e;
}

describe('IAM', () => {
  it('every tool sends exactly the IAM actions it declares', async () => {
    const host = await costHost(estate());
    const discrepancies = await proveIamExact(host, [
      { tool: 'analyze_workspace_utilization', input: {} },
      { tool: 'list_unused_resources', input: {} },
      { tool: 'recommend_bundle_rightsizing', input: {} },
      { tool: 'recommend_running_mode', input: {} },
      { tool: 'get_euc_cost_summary', input: {} },
      { tool: 'get_euc_cost_forecast', input: {} },
      { tool: 'compare_euc_costs', input: {} },
      // Not 'personal': recommend_running_mode's identical Price List query is cached for 6 hours.
      { tool: 'get_euc_service_prices', input: { service: 'pools', computeType: 'POWER' } },
    ]);
    expect(discrepancies, JSON.stringify(discrepancies)).toEqual([]);
  });

  it('holds on a generated estate too, with every tool on its defaults', async () => {
    const host = await costHost({ seed: 42, desktops: 120 });
    const discrepancies = await proveIamExact(
      host,
      plugin.tools.map((tool) => ({
        tool: tool.name,
        input: tool.name === 'get_euc_service_prices' ? { service: 'applications' } : {},
      })),
    );
    expect(discrepancies, JSON.stringify(discrepancies)).toEqual([]);
  });

  it('keeps billing reads out of tier 0', () => {
    for (const tool of plugin.tools) {
      const billing = tool.iam.some((action) => action.startsWith('ce:') || action.startsWith('pricing:'));
      expect({ tool: tool.name, tier: billing ? 1 : tool.tier }).toEqual({
        tool: tool.name,
        tier: tool.tier,
      });
    }
  });
});
