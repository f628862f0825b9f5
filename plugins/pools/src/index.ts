import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import {
  poolsAccessContributor,
  poolsHealthContributor,
  poolsRejectedSessionsContributor,
} from './contributions/findings.js';
import { poolsIdle } from './contributions/idle.js';
import { poolsInventory } from './contributions/inventory.js';
import { POOLS_END_OF_SUPPORT } from './end-of-support.js';

/**
 * WorkSpaces Pools (end of support 2027-12-31): inventory, findings and idle pools for the
 * cross-service tools. Its own tools come later.
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-pools',
  version: '0.1.0',
  description:
    'WorkSpaces Pools (end of support 2027-12-31): pools in the inventory, pool errors, capacity, rejected sessions and IP access in the security audit, idle running pools in the unused-resources report.',
  instructions: `${SERVICE_LABELS.pools}: non-persistent desktops shared by a pool of users; end of support ${POOLS_END_OF_SUPPORT}.`,
  tools: [],
  contributes: {
    inventory: [poolsInventory],
    findings: [poolsHealthContributor, poolsRejectedSessionsContributor, poolsAccessContributor],
    idle: [poolsIdle],
  },
});

export default plugin;
