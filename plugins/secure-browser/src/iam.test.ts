import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { goLive, portalEstate, portalOf } from './__tests__/estate.js';
import plugin from './index.js';

/**
 * The six-portal estate has an Incomplete portal (GetPortal) and IP access settings (Get); its
 * well-configured portal has every settings kind the details tool reads, and two of its sessions
 * are made live so the confirmed expiry reaches ExpireSession.
 */
const estate = portalEstate();
const wellConfigured = portalOf(estate, 'well-configured');
const [live] = goLive(wellConfigured, 2);

itProvesIamExact({
  host: () =>
    createTestHost({
      plugins: [plugin, contributionProbe],
      hostTools: true,
      enableWrites: true,
      estate: structuredClone(estate),
    }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: {} },
    { tool: 'list_secure_browser_portals', input: {} },
    { tool: 'get_secure_browser_portal_details', input: { portal: wellConfigured.portalId } },
    { tool: 'get_secure_browser_portal_usage', input: { portal: wellConfigured.portalId } },
    {
      tool: 'expire_secure_browser_session',
      input: { portal: wellConfigured.portal.portalArn, sessionIds: [live], confirm: true },
    },
  ],
  withoutErrors: true,
});
