import { generateEstate, proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { appsHost } from './__tests__/host.js';

/**
 * Two regions whose shapes make the stack ↔ fleet join take both paths: us-east-1 gets 5 fleets
 * and 5 stacks (a tie: one ListAssociatedFleets per stack), eu-west-1 4 fleets and 5 stacks (one
 * ListAssociatedStacks per fleet). The inventory tools cover both regions.
 */
const estate = () =>
  generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9, portals: 0 });

const scenarios = [
  { tool: 'get_euc_inventory_summary', input: {} },
  { tool: 'generate_inventory_report', input: {} },
  { tool: 'collect_test_findings', input: {} },
  { tool: 'collect_test_idle', input: {} },
];

describe('IAM', () => {
  it('every scenario succeeds without per-service errors (so the proof below reaches every action)', async () => {
    const { host } = await appsHost(estate());
    for (const { tool, input } of scenarios) {
      const result = await host.invoke(tool, input);
      expect(result.ok, `${tool}: ${result.text.slice(0, 300)}`).toBe(true);
      if (result.ok) expect(result.structured.errors, tool).toEqual([]);
    }
  });

  it('every AWS action each contribution sends is declared, and every declared action is sent', async () => {
    const { host } = await appsHost(estate());
    expect(await proveIamExact(host, scenarios)).toEqual([]);
  });
});
