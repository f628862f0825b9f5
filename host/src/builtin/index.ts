import { definePlugin } from '../plugin-api/define.js';
import { generateInventoryReport } from './tools/generate-inventory-report.js';
import { getEucInventorySummary } from './tools/get-euc-inventory-summary.js';

/**
 * The host's own cross-service tools. They know no AWS service: they are built only from the
 * loaded plugins' contributions, so they cover third-party plugins too.
 */
export const hostPlugin = definePlugin({
  name: '@workspaces-euc-mcp/host',
  version: '0.1.0',
  description: 'Cross-service EUC tools built from plugin contributions.',
  tools: [getEucInventorySummary, generateInventoryReport],
});
