import { type InventoryContributor, SERVICE_LABELS, tally } from '@workspaces-euc-mcp/host';
import { directoryRows, listDirectories, listWorkspaces } from './directories.js';

/** The directories as rows of the host's cross-service inventory tools. */
export const directoryInventory: InventoryContributor = {
  id: 'euc-directory-inventory.directories',
  service: SERVICE_LABELS.personal,
  resourceType: 'Directory',
  iam: ['workspaces:DescribeWorkspaceDirectories', 'workspaces:DescribeWorkspaces'],
  collect: async (ctx, scope) => {
    const rows = directoryRows(await listDirectories(ctx, scope), await listWorkspaces(ctx, scope));
    const byState: Record<string, number> = {};
    const byType: Record<string, number> = {};
    for (const row of rows) {
      tally(byState, row.state);
      tally(byType, row.type);
    }
    return {
      byState,
      breakdowns: { directoryType: byType },
      rows: rows.map((row) => ({
        id: row.directoryId,
        name: row.name,
        state: row.state,
        attributes: { type: row.type, desktops: row.desktops },
      })),
    };
  },
};
