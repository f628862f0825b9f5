import { definePlugin } from '@workspaces-euc-mcp/host';
import { poolsAccessFindings, poolsHealthFindings, poolsRejectedSessions } from './contributions/findings.js';
import { poolsIdle } from './contributions/idle.js';
import { poolsInventory } from './contributions/inventory.js';

/**
 * WorkSpaces Pools (end of support 2027-12-31): inventory, findings and idle pools for the
 * cross-service tools. Its own tools come later.
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-pools',
  version: '0.1.0',
  description:
    'WorkSpaces Pools (end of support 2027-12-31): pools in the inventory, pool errors, capacity, rejected sessions and IP access in the security audit, idle running pools in the unused-resources report.',
  tools: [],
  contributes: {
    inventory: [poolsInventory],
    findings: [poolsHealthFindings, poolsRejectedSessions, poolsAccessFindings],
    idle: [poolsIdle],
  },
});

export default plugin;
