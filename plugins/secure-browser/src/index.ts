import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { secureBrowserFindings } from './contributions/findings.js';
import { idlePortals } from './contributions/idle.js';
import { portalInventory } from './contributions/inventory.js';

/** WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-secure-browser',
  version: '0.1.0',
  description:
    'WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API): portals in the inventory, portal and settings checks in the security audit, idle portals in the unused-resources report.',
  instructions:
    'WorkSpaces Web → Amazon WorkSpaces Secure Browser (the API is "workspaces-web"): browser portals for web and SaaS apps.',
  aliases: { 'workspaces web': SERVICE_LABELS.secureBrowser, web: SERVICE_LABELS.secureBrowser },
  tools: [],
  contributes: {
    inventory: [portalInventory],
    findings: secureBrowserFindings,
    idle: [idlePortals],
  },
});

export default plugin;
