import {
  confirmOk,
  contributionProbe,
  createTestHost,
  invokeOk,
  type TestHost,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import { scenarioFleet } from '../__tests__/fleet-scenarios.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

// The per-resource reads that follow the fleet and stack scans: one per stack (or fleet), one per
// region. The estate snapshot keeps them like the scans, so a second question sends none.
const FOLLOW_UPS = [
  'appstream:ListAssociatedFleets',
  'appstream:DescribeUserStackAssociations',
  'appstream:DescribeUsers',
  'appstream:DescribeUsageReportSubscriptions',
  'application-autoscaling:DescribeScalingActivities',
];

/** How many of each follow-up read the calls sent, by action. */
async function followUpsOf(host: TestHost, calls: [tool: string, input: Record<string, unknown>][]) {
  const before = host.requests.length;
  for (const [tool, input] of calls) await invokeOk(host, tool, input);
  const sent: Record<string, number> = {};
  for (const request of host.requests.slice(before))
    if (FOLLOW_UPS.includes(request.action)) sent[request.action] = (sent[request.action] ?? 0) + 1;
  return sent;
}

describe('a second question about the same fleets and stacks', () => {
  it('sends no per-stack or per-region read again until fresh is asked for', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const ask = (fresh: boolean) =>
      followUpsOf(host, [
        ['get_euc_inventory_summary', fresh ? { fresh } : {}],
        ['collect_test_findings', fresh ? { fresh } : {}],
      ]);
    const first = await ask(false);
    expect(Object.keys(first).sort()).toEqual([...FOLLOW_UPS].sort());
    // One ListAssociatedFleets per stack: the 9 stacks of the estate.
    expect(first['appstream:ListAssociatedFleets']).toBe(9);
    expect(await ask(false)).toEqual({});
    expect(await ask(true)).toEqual(first);
  });

  it('reads them again after an appstream write, which drops what was kept', async () => {
    const estate = fleetEstate();
    const stopped = scenarioFleet(estate, 'on-demand');
    stopped.fleet.State = 'STOPPED';
    const host = await createTestHost({ ...withPlugin, estate, enableWrites: true });
    const inventory = () => followUpsOf(host, [['get_euc_inventory_summary', {}]]);
    const first = await inventory();
    expect(first['appstream:ListAssociatedFleets']).toBe(9);
    expect(await inventory()).toEqual({});
    await confirmOk(host, 'start_application_fleet', { fleet: stopped.fleet.Name });
    expect(await inventory()).toEqual(first);
  });

  it('asks a fleet the usage question again without reading its stacks again', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const usage = (fresh: boolean) => {
      const before = host.requests.length;
      return invokeOk(host, 'get_application_fleet_usage', {
        fleet: 'callcenter-crm',
        ...(fresh ? { fresh } : {}),
      }).then(
        () => host.requests.slice(before).filter((r) => r.action === 'appstream:ListAssociatedStacks').length,
      );
    };
    expect(await usage(false)).toBe(1);
    expect(await usage(false)).toBe(0);
    expect(await usage(true)).toBe(1);
  });
});
