import { proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate, webHost } from './__tests__/host.js';

/** The six-portal estate has an Incomplete portal (GetPortal) and IP access settings (Get). */
const scenarios = [
  { tool: 'get_euc_inventory_summary', input: {} },
  { tool: 'generate_inventory_report', input: {} },
  { tool: 'collect_test_findings', input: {} },
  { tool: 'collect_test_idle', input: {} },
];

describe('IAM', () => {
  it('every scenario succeeds without per-service errors (so the proof below reaches every action)', async () => {
    const { host } = await webHost(portalEstate());
    for (const { tool, input } of scenarios) {
      const result = await host.invoke(tool, input);
      expect(result.ok, `${tool}: ${result.text.slice(0, 300)}`).toBe(true);
      if (result.ok) expect(result.structured.errors, tool).toEqual([]);
    }
  });

  it('every AWS action each contribution sends is declared, and every declared action is sent', async () => {
    const { host } = await webHost(portalEstate());
    expect(await proveIamExact(host, scenarios)).toEqual([]);
  });
});
