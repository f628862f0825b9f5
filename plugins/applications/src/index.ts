import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { applicationsFindings } from './contributions/findings.js';
import { applicationsIdle } from './contributions/idle.js';
import { applicationsInventory } from './contributions/inventory.js';

/** WorkSpaces Applications (formerly AppStream 2.0; the appstream API). */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-applications',
  version: '0.1.0',
  description:
    'WorkSpaces Applications (formerly AppStream 2.0; the appstream API): fleets, stacks and builders in the inventory, fleet/stack/image/usage-report checks in the security audit, idle ALWAYS_ON fleets and running builders in the unused-resources report.',
  instructions:
    'AppStream 2.0 / AppStream → Amazon WorkSpaces Applications (the API is still "appstream"); fleet billing depends on fleet type (Always-On, On-Demand, Elastic).',
  aliases: { appstream: SERVICE_LABELS.applications, 'appstream 2.0': SERVICE_LABELS.applications },
  tools: [],
  contributes: {
    inventory: applicationsInventory,
    findings: applicationsFindings,
    idle: applicationsIdle,
  },
});

export default plugin;
