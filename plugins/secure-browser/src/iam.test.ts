import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { portalEstate } from './__tests__/estate.js';
import plugin from './index.js';

/** The six-portal estate has an Incomplete portal (GetPortal) and IP access settings (Get). */
itProvesIamExact({
  host: () =>
    createTestHost({ plugins: [plugin, contributionProbe], hostTools: true, estate: portalEstate() }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: {} },
  ],
  withoutErrors: true,
});
