import type { Plugin } from '@workspaces-euc-mcp/host';
import applications from '@workspaces-euc-mcp/plugin-applications';
import audit from '@workspaces-euc-mcp/plugin-audit';
import coreInstances from '@workspaces-euc-mcp/plugin-core-instances';
import cost from '@workspaces-euc-mcp/plugin-cost';
import personal from '@workspaces-euc-mcp/plugin-personal';
import pools from '@workspaces-euc-mcp/plugin-pools';
import secureBrowser from '@workspaces-euc-mcp/plugin-secure-browser';
import { createTestHost, generateEstate, invokeConfirmed, proveIamExact } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';

// The default launch with every tier on: every first-party plugin and the host's own tools, each
// tool's IAM as `iam-policy` composes it (contributions included). proveIamExact throws when a
// registered tool has no scenario below, so a new tool cannot skip this proof, and it fails when a
// tool sends an action it does not declare or declares one it never sends. The iam/ files are the
// union of these declarations (the drift check), so this proves them exact.
const FIRST_PARTY: readonly Plugin[] = [
  personal,
  pools,
  applications,
  secureBrowser,
  coreInstances,
  cost,
  audit,
];

/**
 * The generated estate, shaped so every data-dependent path runs: the Applications inventory joins
 * stacks and fleets from whichever side is shorter, so eu-west-1 keeps a single stack (asked per
 * stack) while us-east-1 has more stacks than fleets (asked per fleet).
 */
function shapedEstate() {
  const e = generateEstate({ seed: 42, desktops: 300 });
  const { stacks } = e.applications;
  const keep = stacks.find((s) => s.region === 'eu-west-1');
  const dropped = new Set(
    stacks.filter((s) => s.region === 'eu-west-1' && s !== keep).map((s) => s.stack.Name),
  );
  stacks.splice(0, stacks.length, ...stacks.filter((s) => s.region !== 'eu-west-1' || s === keep));
  e.applications.stackFleets = e.applications.stackFleets.filter(
    (l) => l.region !== 'eu-west-1' || !dropped.has(l.stackName),
  );
  return e;
}

const estate = shapedEstate();
const here = estate.personal.desktops.filter((d) => d.region === 'us-east-1');
const find = (ok: (d: (typeof here)[number]) => boolean, what: string) => {
  const desktop = here.find(ok);
  if (!desktop?.workspace.WorkspaceId) throw new Error(`the estate has no ${what} desktop in us-east-1`);
  return desktop.workspace.WorkspaceId;
};
const mode = (d: (typeof here)[number]) => d.workspace.WorkspaceProperties?.RunningMode;
const state = (d: (typeof here)[number]) => d.workspace.State;
const unhealthy = find((d) => state(d) === 'UNHEALTHY' && d.snapshots.rebuild.length > 0, 'UNHEALTHY');
const stopped = find((d) => state(d) === 'STOPPED' && mode(d) === 'AUTO_STOP', 'STOPPED AutoStop');
const [runningA, runningB, runningC] = here
  .filter(
    (d) =>
      state(d) === 'AVAILABLE' &&
      mode(d) === 'AUTO_STOP' &&
      !d.workspace.RelatedWorkspaces &&
      d.snapshots.restore.length > 0,
  )
  .map((d) => d.workspace.WorkspaceId ?? '');
const user = here.find((d) => d.workspace.WorkspaceId === runningA)?.workspace.UserName ?? '';
const coreInService =
  estate.coreInstances.instances.find((i) => i.provisionState === 'ALLOCATED')?.workspaceInstanceId ?? '';
const [firstPortal] = estate.secureBrowser.portals;
const livePortal = estate.secureBrowser.portals.find((p) => p.sessions.some((s) => s.status === 'Active'));
const liveSession = livePortal?.sessions.find((s) => s.status === 'Active')?.sessionId ?? '';

const runningAppBuilder =
  estate.applications.imageBuilders.find((b) => b.region === 'us-east-1' && b.builder.State === 'RUNNING')
    ?.builder.Name ?? '';
const liveAppSession =
  estate.applications.sessions.find((s) => s.region === 'us-east-1' && s.session.State === 'ACTIVE')?.session
    .Id ?? '';
const fleetArn = (scenario: string) =>
  estate.applications.fleets.find((f) => f.scenario === scenario)?.fleet.Arn ?? '';
const poolOf = (role: string) => estate.pools.pools.find((p) => p.role === role);
const busyPool = poolOf('exhausted')?.pool.PoolId ?? '';
const busySession = poolOf('exhausted')?.sessions[0]?.SessionId ?? '';

const confirmed = { confirm: true };
// The destructive plans skip desktops used in the last 14 days unless asked not to.
const inUse = { ...confirmed, includeRecentlyUsed: true };
const scenarios = [
  // WorkSpaces Personal
  { tool: 'diagnose_workspace_connectivity', input: { workspaceId: unhealthy } },
  { tool: 'check_directory_health', input: {} },
  { tool: 'find_workspaces', input: {} },
  { tool: 'find_workspaces', input: { userName: user, exact: true } },
  { tool: 'get_workspace_performance', input: {} },
  { tool: 'get_workspace_connection_history', input: { workspaceId: runningA } },
  { tool: 'audit_workspace_images', input: {} },
  { tool: 'get_euc_account_posture', input: {} },
  // Secure Browser
  { tool: 'list_secure_browser_portals', input: {} },
  { tool: 'get_secure_browser_portal_details', input: { portal: firstPortal?.portalId } },
  { tool: 'get_secure_browser_portal_usage', input: { portal: firstPortal?.portalId } },
  // WorkSpaces Core Managed Instances
  { tool: 'list_core_managed_instances', input: {} },
  { tool: 'get_core_managed_instance', input: { workspaceInstanceId: coreInService } },
  { tool: 'list_core_instance_options', input: {} },
  // WorkSpaces Pools
  { tool: 'diagnose_pool', input: { pool: busyPool } },
  { tool: 'get_pool_session_history', input: { pool: busyPool } },
  { tool: 'list_pool_sessions', input: {} },
  { tool: 'analyze_pool_capacity', input: {} },
  // WorkSpaces Applications
  { tool: 'diagnose_application_fleet', input: { fleet: fleetArn('exhausted') } },
  { tool: 'get_application_fleet_usage', input: { fleet: fleetArn('exhausted'), lookbackDays: 1 } },
  { tool: 'analyze_fleet_capacity', input: { lookbackDays: 2 } },
  { tool: 'audit_application_images', input: {} },
  { tool: 'review_application_access', input: {} },
  { tool: 'list_application_sessions', input: {} },
  // Cross-service, from every plugin's contributions
  { tool: 'get_euc_inventory_summary', input: {} },
  { tool: 'generate_inventory_report', input: {} },
  { tool: 'audit_security_posture', input: {} },
  { tool: 'list_unused_resources', input: {} },
  // Cost
  { tool: 'analyze_workspace_utilization', input: {} },
  { tool: 'recommend_bundle_rightsizing', input: {} },
  { tool: 'recommend_running_mode', input: {} },
  { tool: 'get_euc_cost_summary', input: {} },
  { tool: 'get_euc_cost_forecast', input: {} },
  { tool: 'compare_euc_costs', input: {} },
  { tool: 'get_euc_service_prices', input: { service: 'applications' } },
  // Audit
  { tool: 'get_euc_audit_trail', input: {} },
  { tool: 'get_euc_service_quotas', input: {} },
  { tool: 'get_euc_active_alarms', input: {} },
  { tool: 'generate_euc_health_report', input: {} },
  // Writes last: they change the estate the reads above saw.
  {
    tool: 'delete_core_managed_instance',
    input: { workspaceInstanceIds: [coreInService], ...confirmed, acknowledge: 'DELETE' },
  },
  {
    tool: 'expire_secure_browser_session',
    input: { portal: livePortal?.portal.portalArn, sessionIds: [liveSession], ...confirmed },
  },
  // Sessions are expired before their fleet is stopped, which would end them.
  { tool: 'stop_image_builder', input: { builders: [runningAppBuilder], ...confirmed } },
  { tool: 'expire_application_session', input: { sessionIds: [liveAppSession], ...confirmed } },
  { tool: 'start_application_fleet', input: { fleet: fleetArn('stopped'), ...confirmed } },
  { tool: 'stop_application_fleet', input: { fleet: fleetArn('exhausted'), ...confirmed } },
  {
    tool: 'update_application_fleet_capacity',
    input: { fleet: fleetArn('on-demand'), desired: 12, ...confirmed },
  },
  { tool: 'start_workspaces_pool', input: { pool: poolOf('stopped')?.pool.PoolId, ...confirmed } },
  { tool: 'stop_workspaces_pool', input: { pool: poolOf('idle')?.pool.PoolId, ...confirmed } },
  {
    tool: 'update_workspaces_pool_capacity',
    input: { pool: busyPool, desiredUserSessions: 36, ...confirmed },
  },
  { tool: 'terminate_pool_session', input: { pool: busyPool, sessionIds: [busySession], ...confirmed } },
  { tool: 'start_workspaces', input: { workspaceIds: [stopped], ...confirmed } },
  { tool: 'stop_workspaces', input: { workspaceIds: [runningA], ...confirmed } },
  { tool: 'reboot_workspaces', input: { workspaceIds: [unhealthy], ...confirmed } },
  {
    tool: 'modify_workspace_running_mode',
    input: { workspaceIds: [runningB], runningMode: 'ALWAYS_ON', ...confirmed },
  },
  {
    tool: 'modify_workspace_state',
    input: { workspaceIds: [runningC], state: 'ADMIN_MAINTENANCE', ...confirmed },
  },
  { tool: 'rebuild_workspaces', input: { workspaceIds: [unhealthy], ...inUse, acknowledge: 'REBUILD' } },
  { tool: 'restore_workspace', input: { workspaceId: runningB, ...inUse, acknowledge: 'RESTORE' } },
  {
    tool: 'terminate_workspaces',
    input: { workspaceIds: [runningA], ...inUse, acknowledge: 'TERMINATE' },
  },
];

describe('IAM of the whole default launch (every tier)', () => {
  it('every registered tool sends exactly the actions iam-policy grants it', {
    timeout: 300_000,
  }, async () => {
    const host = await createTestHost({
      plugins: FIRST_PARTY,
      hostTools: true,
      enableWrites: true,
      enableDestructive: true,
      estate,
    });
    try {
      const expectedTools = [
        ...FIRST_PARTY.flatMap((p) => p.tools.map((t) => t.name)),
        'get_euc_inventory_summary',
        'generate_inventory_report',
      ];
      expect([...host.registered.keys()].sort()).toEqual(expectedTools.sort());
      for (const { tool, input } of scenarios) {
        const result = await invokeConfirmed(host, tool, input);
        expect(result.ok, `${tool}: ${result.text.slice(0, 400)}`).toBe(true);
        if (result.ok && 'dryRun' in result.structured)
          expect(result.structured.status, tool).toBe('applied');
      }
      // A fresh host, so the writes above do not change what the reads see.
      const fresh = await createTestHost({
        plugins: FIRST_PARTY,
        hostTools: true,
        enableWrites: true,
        enableDestructive: true,
        estate: shapedEstate(),
      });
      try {
        const discrepancies = await proveIamExact(fresh, scenarios);
        expect(discrepancies, JSON.stringify(discrepancies, null, 1)).toEqual([]);
      } finally {
        fresh.close();
      }
    } finally {
      host.close();
    }
  });
});
