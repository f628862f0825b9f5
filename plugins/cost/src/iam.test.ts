import { createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { describe, vi } from 'vitest';
import { always, editedEstate, hourlyMetrics } from './__tests__/sim.js';
import { plugin } from './index.js';

// Every code path that sends a distinct action, on the shared simulator: an unused AlwaysOn
// desktop (the cost plan terminates it, priced from the Price List), a lightly used AlwaysOn
// desktop (a running-mode switch, so the GetResources tag scan is reached for its Skip_Convert tag), a
// never-connected stopped AutoStop desktop (the existence check of list_unused_resources and the
// connection-status lookup of analyze_workspace_utilization), and the estate's Cost Explorer data.
function estate() {
  const e = editedEstate([
    { id: 'ws-unused', mode: 'ALWAYS_ON', lastConnection: new Date('2026-08-01T00:00:00Z') },
    { id: 'ws-never', mode: 'AUTO_STOP', state: 'STOPPED' },
    { id: 'ws-gpu', mode: 'ALWAYS_ON', computeType: 'GRAPHICS_G4DN' },
    { id: 'ws-light', mode: 'ALWAYS_ON', lastConnection: new Date('2026-11-10T09:00:00Z') },
  ]);
  e.metricOverride = hourlyMetrics({
    'ws-unused': { UserConnected: always(0), CPUUsage: always(5), MemoryUsage: always(10) },
    'ws-never': { Stopped: always(1) },
    'ws-light': { UserConnected: always(0), CPUUsage: always(50), MemoryUsage: always(60) },
    'ws-gpu': {
      UserConnected: always(1),
      CPUUsage: always(50),
      MemoryUsage: always(50),
      GPUUsage: always(50),
    },
  });
  return e;
}

itProvesIamExact({
  host: () => createTestHost({ plugins: [plugin], estate: estate() }),
  // fresh: the host keeps the first tool's DescribeWorkspaces scan for the next ones (the estate
  // snapshot), and each tool must be seen sending every action it declares.
  scenarios: [
    { tool: 'analyze_workspace_utilization', input: {} },
    { tool: 'list_unused_resources', input: { fresh: true } },
    { tool: 'recommend_bundle_rightsizing', input: { fresh: true } },
    { tool: 'recommend_running_mode', input: { fresh: true } },
    { tool: 'get_euc_cost_summary', input: {} },
    { tool: 'get_euc_cost_forecast', input: {} },
    { tool: 'compare_euc_costs', input: {} },
    // Not 'personal': recommend_running_mode's identical Price List query is cached for 6 hours.
    { tool: 'get_euc_service_prices', input: { service: 'pools', computeType: 'POWER' } },
  ],
});

// The proof holds on a generated estate too, with every tool on its defaults: each tool now reads
// both of its regions, which takes longer than a test's default 5 s when the suite runs in parallel.
describe('on a generated estate', () => {
  vi.setConfig({ testTimeout: 60_000 });
  itProvesIamExact({
    host: () => createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 120 } }),
    scenarios: plugin.tools.map((tool) => ({
      tool: tool.name,
      input: tool.name === 'get_euc_service_prices' ? { service: 'applications' } : { fresh: true },
    })),
  });
});
