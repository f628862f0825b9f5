import { proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from './__tests__/estate.js';
import { poolsHost } from './__tests__/host.js';

/** The tools that consume this plugin's contributions: the host's inventory tools and test consumers. */
const scenarios = [
  { tool: 'get_euc_inventory_summary', input: {} },
  { tool: 'generate_inventory_report', input: {} },
  { tool: 'collect_test_findings', input: {} },
  { tool: 'collect_test_idle', input: { idleDays: 30 } },
];

describe('IAM', () => {
  it('every scenario succeeds', async () => {
    const { host } = await poolsHost(smallEstate());
    for (const { tool, input } of scenarios) {
      const result = await host.invoke(tool, input);
      expect(result.ok, `${tool}: ${result.text.slice(0, 300)}`).toBe(true);
    }
  });

  it('every AWS action each contribution sends is declared, and every declared action is sent', async () => {
    const { host } = await poolsHost(smallEstate());
    expect(await proveIamExact(host, scenarios)).toEqual([]);
  });
});
