import { type InventoryContributor, SERVICE_LABELS, tally } from '@workspaces-euc-mcp/host';
import { listPortals } from '../aws/workspaces-web.js';
import { portalRow } from '../portals/rows.js';

/**
 * Portals by status, authentication and instance type; each row says which settings resources
 * are attached. ListPortals carries every settings ARN, so no per-portal Get is needed.
 */
export const portalInventory: InventoryContributor = {
  id: 'secure-browser.portals',
  service: SERVICE_LABELS.secureBrowser,
  resourceType: 'Portal',
  iam: ['workspaces-web:ListPortals'],
  async collect(ctx, scope) {
    const portals = await listPortals(ctx, scope);
    const byState: Record<string, number> = {};
    const authenticationType: Record<string, number> = {};
    const instanceType: Record<string, number> = {};
    for (const portal of portals) {
      tally(byState, portal.portalStatus ?? 'UNKNOWN');
      tally(authenticationType, portal.authenticationType ?? 'UNKNOWN');
      tally(instanceType, portal.instanceType ?? 'UNKNOWN');
    }
    return { byState, breakdowns: { authenticationType, instanceType }, rows: portals.map(portalRow) };
  },
};
