import { definePlugin, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import {
  poolsAccessContributor,
  poolsHealthContributor,
  poolsRejectedSessionsContributor,
} from './contributions/findings.js';
import { poolsIdle } from './contributions/idle.js';
import { poolsInventory } from './contributions/inventory.js';
import { POOLS_END_OF_SUPPORT } from './end-of-support.js';
import { analyzePoolCapacity } from './tools/analyze-pool-capacity.js';
import { diagnosePool } from './tools/diagnose-pool.js';
import { getPoolSessionHistory } from './tools/get-pool-session-history.js';
import { listPoolSessionsTool } from './tools/list-pool-sessions.js';
import { startWorkspacesPool } from './tools/start-workspaces-pool.js';
import { stopWorkspacesPool } from './tools/stop-workspaces-pool.js';
import { terminatePoolSessionTool } from './tools/terminate-pool-session.js';
import { updateWorkspacesPoolCapacity } from './tools/update-workspaces-pool-capacity.js';

/**
 * WorkSpaces Pools (end of support 2027-12-31): diagnosis, sessions, capacity history and sizing,
 * lifecycle and capacity writes; inventory, findings and idle pools for the cross-service tools.
 */
export const plugin = definePlugin({
  name: '@workspaces-euc-mcp/plugin-pools',
  version: '0.1.0',
  description:
    'WorkSpaces Pools (end of support 2027-12-31): pool diagnosis, live sessions, capacity history and right-sizing, start/stop/capacity/session writes; pools in the inventory, pool errors, capacity, rejected sessions and IP access in the security audit, idle running pools in the unused-resources report.',
  instructions: `${SERVICE_LABELS.pools}: non-persistent desktops shared by a pool of users; end of support ${POOLS_END_OF_SUPPORT} (say so in answers). A pool is named by id (wspool-…), ARN or name; session ids come from list_pool_sessions.`,
  tools: [
    diagnosePool,
    getPoolSessionHistory,
    listPoolSessionsTool,
    analyzePoolCapacity,
    startWorkspacesPool,
    stopWorkspacesPool,
    updateWorkspacesPoolCapacity,
    terminatePoolSessionTool,
  ],
  contributes: {
    inventory: [poolsInventory],
    findings: [poolsHealthContributor, poolsRejectedSessionsContributor, poolsAccessContributor],
    idle: [poolsIdle],
  },
});

export default plugin;
