import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { giveSessions, POOL, poolIn, smallEstate } from './__tests__/estate.js';
import plugin from './index.js';

/** The small estate with live sessions on the call-centre pool (the session tools need some). */
function estate() {
  const e = smallEstate();
  giveSessions(poolIn(e, POOL.callCentre), 20);
  return e;
}

const confirm = true;

/**
 * The tools that consume this plugin's contributions (the host's inventory tools and test
 * consumers) and every Pools tool; writes last, each reaching apply (confirm) on a pool whose
 * state allows it, and the capacity change within the blast-radius cap.
 */
itProvesIamExact({
  host: () =>
    createTestHost({
      plugins: [plugin, contributionProbe],
      hostTools: true,
      enableWrites: true,
      estate: estate(),
      // Every call sends its own reads: the proof is about what each tool needs, not what an
      // earlier call left in the estate snapshot.
      snapshot: { ttlSeconds: 0 },
    }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: { idleDays: 30 } },
    { tool: 'diagnose_pool', input: { pool: POOL.callCentre } },
    { tool: 'get_pool_session_history', input: { pool: POOL.callCentre } },
    { tool: 'list_pool_sessions', input: {} },
    // The idle ALWAYS_ON pool is over-provisioned, so its bundle is read for the price.
    { tool: 'analyze_pool_capacity', input: {} },
    { tool: 'start_workspaces_pool', input: { pool: POOL.stopped, confirm } },
    { tool: 'stop_workspaces_pool', input: { pool: POOL.financeIdle, confirm } },
    {
      tool: 'update_workspaces_pool_capacity',
      input: { pool: POOL.callCentre, desiredUserSessions: 30, confirm },
    },
    {
      tool: 'terminate_pool_session',
      input: { pool: POOL.callCentre, sessionIds: ['00000001-0000-4000-8000-000000000000'], confirm },
    },
  ],
});
