import { TOOL_SCHEMA_BUDGET, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { plugin } from './index.js';

// Bytes an assistant reads to know each tool (description + input schema), as measured, so a
// description can only grow by raising its number here. The target is 650 bytes: the spread kit
// scope input alone is ~215 of them and a cursor ~60, so the tools with several knobs of their own
// sit a little above it. Every tool stays under the hard 1 KB.
const CEILING: Readonly<Record<string, number>> = {
  analyze_workspace_utilization: 700,
  list_unused_resources: 650,
  recommend_bundle_rightsizing: 650,
  recommend_running_mode: 730,
  get_euc_cost_summary: 700,
  get_euc_cost_forecast: 650,
  compare_euc_costs: 690,
  get_euc_service_prices: 810,
};

describe('the LLM budget of the cost tools', () => {
  for (const tool of plugin.tools)
    it(`${tool.name} describes itself in at most ${CEILING[tool.name]} bytes`, () => {
      const bytes = toolSchemaBytes(tool);
      console.info(`${tool.name}: ${bytes} bytes`);
      expect(bytes).toBeLessThanOrEqual(CEILING[tool.name] ?? 650);
      expect(bytes).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    });
});
