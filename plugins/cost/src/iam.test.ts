import { proveIamExact } from '@workspaces-euc-mcp/host/testing';
import { describe, expect, it } from 'vitest';
import { costAndUsageOf, eucAccount } from './__tests__/cost-explorer.js';
import { always, estateHost, type FakeDesktop } from './__tests__/estate.js';
import { personalPrices } from './__tests__/prices.js';
import { plugin } from './index.js';

const NOW = new Date('2025-03-17T10:30:00Z');
const REGION = 'eu-west-2';
const desk = (id: string): FakeDesktop => ({
  WorkspaceId: id,
  State: 'AVAILABLE',
  WorkspaceProperties: {
    RunningMode: 'ALWAYS_ON',
    ComputeTypeName: 'POWER',
    OperatingSystemName: 'WINDOWS_SERVER_2022',
    RootVolumeSizeGib: 175,
    UserVolumeSizeGib: 100,
  },
});

// Every code path that sends a distinct action: an unused AlwaysOn desktop (a running-mode switch,
// so DescribeTags and the Price List are reached) and a never-connected one (the existence check).
const estate = {
  desktops: [desk('ws-unused'), desk('ws-never')],
  metrics: {
    'ws-unused': { UserConnected: always(0), CPUUsage: always(5), MemoryUsage: always(10) },
    'ws-never': { Available: always(1) },
  },
  lastConnection: { 'ws-unused': new Date('2025-01-01T00:00:00Z') },
  products: personalPrices({
    region: REGION,
    bundle: 'Power',
    operatingSystem: 'Windows',
    license: 'Included',
    storage: 'Root:175 GB,User:100 GB',
    alwaysOn: 124,
    base: 26,
    hourly: 0.99,
  }),
  costAndUsage: costAndUsageOf(eucAccount()),
  costForecast: () => ({ Total: { Amount: '100', Unit: 'USD' }, ForecastResultsByTime: [] }),
};

describe('IAM', () => {
  it('every tool sends exactly the IAM actions it declares', async () => {
    const { host } = await estateHost(plugin, estate, { now: NOW, region: REGION });
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
