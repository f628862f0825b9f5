import {
  contributionProbe,
  createTestHost,
  generateEstate,
  itProvesIamExact,
} from '@workspaces-euc-mcp/testing';
import { vi } from 'vitest';
import plugin from './index.js';

// Every scenario runs in one test: the contributions and the fleet metrics take more than the
// default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/**
 * Two regions whose shapes make the stack ↔ fleet join take both paths: us-east-1 gets 5 fleets
 * and 5 stacks (a tie: one ListAssociatedFleets per stack), eu-west-1 4 fleets and 5 stacks (one
 * ListAssociatedStacks per fleet). The inventory tools cover both regions.
 */
const estate = () =>
  generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9, portals: 0 });

/** Write targets from the same seed: a RUNNING image builder and a live session (us-east-1). */
const sample = estate();
const runningBuilder =
  sample.applications.imageBuilders.find((b) => b.region === 'us-east-1' && b.builder.State === 'RUNNING')
    ?.builder.Name ?? '';
const liveSession =
  sample.applications.sessions.find((s) => s.region === 'us-east-1' && s.session.State === 'ACTIVE')?.session
    .Id ?? '';
/** Fleet targets by scenario, by ARN (either region): read and stop, start, resize. */
const fleetArn = (scenario: string) =>
  sample.applications.fleets.find((f) => f.scenario === scenario)?.fleet.Arn ?? '';

itProvesIamExact({
  host: () =>
    createTestHost({
      plugins: [plugin, contributionProbe],
      hostTools: true,
      enableWrites: true,
      estate: estate(),
    }),
  scenarios: [
    { tool: 'get_euc_inventory_summary', input: {} },
    { tool: 'generate_inventory_report', input: {} },
    { tool: 'collect_test_findings', input: {} },
    { tool: 'collect_test_idle', input: {} },
    { tool: 'audit_application_images', input: {} },
    { tool: 'review_application_access', input: {} },
    { tool: 'list_application_sessions', input: {} },
    { tool: 'diagnose_application_fleet', input: { fleet: fleetArn('exhausted') } },
    // fresh: list_application_sessions above already keeps these DescribeSessions scans.
    {
      tool: 'get_application_fleet_usage',
      input: { fleet: fleetArn('exhausted'), lookbackDays: 1, fresh: true },
    },
    { tool: 'analyze_fleet_capacity', input: { lookbackDays: 2 } },
    // Writes last: they change the estate the reads above saw.
    { tool: 'stop_image_builder', input: { builders: [runningBuilder], confirm: true } },
    { tool: 'expire_application_session', input: { sessionIds: [liveSession], confirm: true } },
    { tool: 'start_application_fleet', input: { fleet: fleetArn('stopped'), confirm: true } },
    { tool: 'stop_application_fleet', input: { fleet: fleetArn('exhausted'), confirm: true } },
    {
      tool: 'update_application_fleet_capacity',
      input: { fleet: fleetArn('on-demand'), desired: 12, confirm: true },
    },
  ],
  withoutErrors: true,
});
