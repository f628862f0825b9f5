import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { smallEstate } from './__tests__/estate.js';
import plugin from './index.js';

/** The tools that consume this plugin's contributions: the host's inventory tools and test consumers. */
itProvesIamExact({
  host: () =>
    createTestHost({ plugins: [plugin, contributionProbe], hostTools: true, estate: smallEstate() }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: { idleDays: 30 } },
  ],
});
