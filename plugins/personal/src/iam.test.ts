import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { smallEstate } from './__tests__/estate.js';
import plugin from './index.js';

/** The destructive scenarios act on desktops in use (skipped by default), so they include them. */
const destructive = { confirm: true, includeRecentlyUsed: true };
/**
 * One scenario per tool reaching every code path that sends a distinct action (apply included).
 * They run in order on one simulated estate, whose state follows the writes: ws-avail0001 is
 * stopped before it is terminated, ws-unheal001 is AVAILABLE after its reboot when it is rebuilt.
 */
const scenarios = [
  { tool: 'diagnose_workspace_connectivity', input: { workspaceId: 'ws-unheal001' } },
  { tool: 'check_directory_health', input: {} },
  { tool: 'find_workspaces', input: {} },
  { tool: 'find_workspaces', input: { userName: 'alice', exact: true } },
  { tool: 'get_workspace_performance', input: {} },
  { tool: 'get_workspace_connection_history', input: { workspaceId: 'ws-avail0001' } },
  { tool: 'audit_workspace_images', input: {} },
  { tool: 'get_euc_account_posture', input: {} },
  { tool: 'start_workspaces', input: { workspaceIds: ['ws-stopped01'], confirm: true } },
  { tool: 'stop_workspaces', input: { workspaceIds: ['ws-avail0001'], confirm: true } },
  { tool: 'reboot_workspaces', input: { workspaceIds: ['ws-unheal001'], confirm: true } },
  {
    tool: 'modify_workspace_running_mode',
    input: { workspaceIds: ['ws-graph0001'], runningMode: 'AUTO_STOP', confirm: true },
  },
  {
    tool: 'modify_workspace_state',
    input: { workspaceIds: ['ws-impdir001'], state: 'ADMIN_MAINTENANCE', confirm: true },
  },
  {
    tool: 'terminate_workspaces',
    input: { workspaceIds: ['ws-avail0001'], ...destructive, acknowledge: 'TERMINATE' },
  },
  {
    tool: 'rebuild_workspaces',
    input: { workspaceIds: ['ws-unheal001'], ...destructive, acknowledge: 'REBUILD' },
  },
  {
    tool: 'restore_workspace',
    input: { workspaceId: 'ws-unheal001', ...destructive, acknowledge: 'RESTORE' },
  },
  // The contributions, through the tools that consume them.
  { tool: 'get_euc_inventory_summary', input: {} },
  { tool: 'generate_inventory_report', input: {} },
  { tool: 'collect_test_findings', input: {} },
  // Personal contributes no idle resources (the cost plugin lists unused desktops): nothing to send.
  { tool: 'collect_test_idle', input: {} },
];
/**
 * Every scenario must also answer without per-service `errors`: the probe reports a failing
 * contributor as data, not as a failed call. A write scenario that did not apply would leave its
 * mutating action unsent, which the proof reports as declared but unused.
 */
itProvesIamExact({
  host: () =>
    createTestHost({
      plugins: [plugin, contributionProbe],
      estate: smallEstate(),
      enableWrites: true,
      enableDestructive: true,
      hostTools: true,
      // Every scenario must send its own requests: a list served from the estate snapshot of an
      // earlier scenario would read as a declared action never used.
      snapshot: { ttlSeconds: 0 },
    }),
  scenarios,
  withoutErrors: true,
});
