import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { secureBrowserFindings } from './contributions/findings.js';
import { idlePortals } from './contributions/idle.js';
import { portalInventory } from './contributions/inventory.js';
import { expireSecureBrowserSession } from './tools/expire-secure-browser-session.js';
import { getSecureBrowserPortalDetails } from './tools/get-secure-browser-portal-details.js';
import { getSecureBrowserPortalUsage } from './tools/get-secure-browser-portal-usage.js';
import { listSecureBrowserPortals } from './tools/list-secure-browser-portals.js';

/** WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-secure-browser',
  version: '0.1.0',
  description:
    'WorkSpaces Secure Browser (formerly WorkSpaces Web; the workspaces-web API): portal list, details and usage, expiring sessions; portals in the inventory, portal and settings checks in the security audit, idle portals in the unused-resources report.',
  instructions:
    'WorkSpaces Web → Amazon WorkSpaces Secure Browser (the API is "workspaces-web"): browser portals for web and SaaS apps. A portal is named by id, ARN or display name; session ids come from get_secure_browser_portal_usage.',
  aliases: { 'workspaces web': SERVICE_LABELS.secureBrowser, web: SERVICE_LABELS.secureBrowser },
  tools: [
    listSecureBrowserPortals,
    getSecureBrowserPortalDetails,
    getSecureBrowserPortalUsage,
    expireSecureBrowserSession,
  ],
  contributes: {
    inventory: [portalInventory],
    findings: secureBrowserFindings,
    idle: [idlePortals],
  },
});

export default plugin;
