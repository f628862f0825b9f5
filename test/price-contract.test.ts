import applications from '@workspaces-euc-mcp/plugin-applications';
import cost from '@workspaces-euc-mcp/plugin-cost';
import pools from '@workspaces-euc-mcp/plugin-pools';
import { createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';

// Pools and Applications price their advice through the cost plugin's get_euc_service_prices,
// called through the host against a contract schema of their own (plugins never import each
// other). Their package tests answer with a stand-in, so only here do they meet the real tool: a
// change to its input or output that breaks them shows up as unpriced advice.
describe('the price contract between the cost plugin and its consumers', () => {
  it('analyze_pool_capacity prices every change it recommends', { timeout: 60_000 }, async () => {
    const host = await createTestHost({ plugins: [pools, cost], estate: { seed: 42 } });
    const result = await invokeOk(host, 'analyze_pool_capacity', {});
    const { monthlyUsd } = result as { monthlyUsd: { savings: number; added: number; unpriced: number } };
    expect(monthlyUsd.unpriced).toBe(0);
    expect(monthlyUsd.savings + monthlyUsd.added).toBeGreaterThan(0);
  });

  it('analyze_fleet_capacity prices the fleets it would resize', { timeout: 60_000 }, async () => {
    const host = await createTestHost({ plugins: [applications, cost], estate: { seed: 42 } });
    const result = (await invokeOk(host, 'analyze_fleet_capacity', {})) as {
      fleets: { verdict: string; usdPerMonth?: number }[];
    };
    const resized = result.fleets.filter((f) => f.verdict === 'over' || f.verdict === 'under');
    expect(resized.length).toBeGreaterThan(0);
    for (const fleet of resized) expect(fleet.usdPerMonth, JSON.stringify(fleet)).toEqual(expect.any(Number));
  });

  it('audit_application_images prices the builders left running', { timeout: 60_000 }, async () => {
    const host = await createTestHost({ plugins: [applications, cost], estate: { seed: 42 } });
    const result = (await invokeOk(host, 'audit_application_images', {})) as {
      runningBuilders: { hourlyUsd?: number }[];
      monthlyUsdIfLeftRunning?: number;
    };
    expect(result.runningBuilders.length).toBeGreaterThan(0);
    for (const builder of result.runningBuilders)
      expect(builder.hourlyUsd, JSON.stringify(builder)).toEqual(expect.any(Number));
    expect(result.monthlyUsdIfLeftRunning).toBeGreaterThan(0);
  });
});
