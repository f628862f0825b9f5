import {
  contributionProbe,
  createTestHost,
  generateEstate,
  itProvesIamExact,
} from '@workspaces-euc-mcp/testing';
import plugin from './index.js';

/**
 * Two regions whose shapes make the stack ↔ fleet join take both paths: us-east-1 gets 5 fleets
 * and 5 stacks (a tie: one ListAssociatedFleets per stack), eu-west-1 4 fleets and 5 stacks (one
 * ListAssociatedStacks per fleet). The inventory tools cover both regions.
 */
const estate = () =>
  generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9, portals: 0 });

itProvesIamExact({
  host: () => createTestHost({ plugins: [plugin, contributionProbe], hostTools: true, estate: estate() }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: {} },
  ],
  withoutErrors: true,
});
