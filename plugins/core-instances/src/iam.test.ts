import { contributionProbe, createTestHost, itProvesIamExact } from '@workspaces-euc-mcp/testing';
import { INSTANCE, smallEstate } from './__tests__/estate.js';
import plugin from './index.js';

/**
 * This plugin's tools, and the tools that consume its contributions (the host's inventory tools
 * and the probe), in a host with every tier on. The write runs last: it changes the estate.
 */
itProvesIamExact({
  host: () =>
    createTestHost({
      plugins: [plugin, contributionProbe],
      hostTools: true,
      enableWrites: true,
      enableDestructive: true,
      estate: smallEstate(),
    }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: { idleDays: 30 } },
    { tool: 'list_core_managed_instances', input: {} },
    { tool: 'get_core_managed_instance', input: { workspaceInstanceId: INSTANCE.inService } },
    { tool: 'list_core_instance_options', input: {} },
    {
      tool: 'delete_core_managed_instance',
      input: { workspaceInstanceIds: [INSTANCE.inService], confirm: true, acknowledge: 'DELETE' },
    },
  ],
});
