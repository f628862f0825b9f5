import type { InventoryReport, InventorySummary } from '@workspaces-euc-mcp/host';
import { contributionProbe, createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const section = (summary: InventorySummary, resourceType: string) =>
  summary.services.find((s) => s.resourceType === resourceType);

describe('applications inventory', () => {
  it('counts fleets by state, fleet type and instance type, and stacks and builders as their own types', async () => {
    // The 9 scenario fleets: 7 running, the stopped on-demand one, and one created minutes ago.
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary');
    expect(section(summary, 'Fleet')).toMatchObject({
      total: 9,
      byState: { RUNNING: 7, STOPPED: 1, STARTING: 1 },
      breakdowns: {
        fleetType: { ALWAYS_ON: 6, ON_DEMAND: 2, ELASTIC: 1 },
        instanceType: {
          'stream.compute.large': 1,
          'stream.memory.large': 1,
          'stream.graphics.g4dn.xlarge': 1,
          'stream.standard.medium': 2,
          'stream.memory.xlarge': 1,
          'stream.standard.large': 2,
          'stream.standard.small': 1,
        },
      },
    });
    // One stack per fleet except the one still starting, plus a pilot stack with no fleet.
    expect(section(summary, 'Stack')).toMatchObject({ total: 9, byState: { WITH_FLEET: 8, NO_FLEET: 1 } });
    expect(section(summary, 'Image builder')?.byState).toEqual({
      RUNNING: 2,
      STOPPED: 2,
      FAILED: 1,
      UPDATING_AGENT: 1,
    });
    expect(section(summary, 'App block builder')?.byState).toEqual({ RUNNING: 1, STOPPED: 1 });
    expect(summary.errors).toEqual([]);
  });

  it('fleet rows carry capacity (user sessions for multi-session fleets), image and stacks; stack rows their fleets', async () => {
    const host = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    const report = await invokeOk<InventoryReport>(host, 'generate_inventory_report', {
      services: ['AppStream'],
      limit: 100,
    });
    const row = (type: string, id: string) => report.rows.find((r) => r.resourceType === type && r.id === id);
    expect(row('Fleet', 'callcenter-crm')?.attributes).toMatchObject({
      fleetType: 'ALWAYS_ON',
      instanceType: 'stream.compute.large',
      desiredInstances: 10,
      runningInstances: 10,
      inUseInstances: 10,
      availableInstances: 0,
      stacks: 'callcenter-crm-stack',
    });
    // The first stack also streams from the third fleet: both sides of the join show it.
    expect(row('Fleet', 'engineering-cad-legacy')?.attributes.stacks).toBe(
      'callcenter-crm-stack, engineering-cad-legacy-stack',
    );
    expect(row('Stack', 'callcenter-crm-stack')?.attributes.fleets).toBe(
      'callcenter-crm, engineering-cad-legacy',
    );
    expect(row('Stack', 'pilot-portal-stack')).toMatchObject({
      state: 'NO_FLEET',
      attributes: { fleets: null },
    });
    expect(row('Fleet', 'helpdesk-shared')?.attributes).toMatchObject({
      sessionModel: 'multi',
      maxSessionsPerInstance: 10,
      desiredUserSessions: expect.any(Number),
      activeUserSessions: expect.any(Number),
    });
    expect(row('Fleet', 'contractors-elastic')?.attributes).toMatchObject({
      sessionModel: 'elastic',
      maxConcurrentSessions: 40,
    });
    expect(row('Image builder', 'callcenter-crm-builder')).toMatchObject({
      state: 'RUNNING',
      attributes: { instanceType: 'stream.standard.large' },
    });
  });

  it('joins stacks and fleets from the shorter side, and one client call lists each resource once', async () => {
    // 5 fleets and 6 stacks: one ListAssociatedStacks per fleet beats one ListAssociatedFleets per stack.
    const fewFleets = generateEstate({
      seed: 7,
      desktops: 10,
      regions: ['us-east-1'],
      fleets: 5,
      portals: 0,
    });
    const host = await createTestHost({ ...withPlugin, estate: fewFleets });
    await invokeOk(host, 'get_euc_inventory_summary');
    const counts = host.simulator.countsByAction();
    expect(counts['appstream:ListAssociatedStacks']).toBe(5);
    expect(counts['appstream:ListAssociatedFleets']).toBeUndefined();
    // The fleet and stack contributors share one DescribeFleets and one DescribeStacks.
    expect(counts['appstream:DescribeFleets']).toBe(1);
    expect(counts['appstream:DescribeStacks']).toBe(1);

    // 9 fleets and 9 stacks: a tie asks per stack.
    const tied = await createTestHost({ ...withPlugin, estate: fleetEstate() });
    await invokeOk(tied, 'get_euc_inventory_summary');
    expect(tied.simulator.countsByAction()['appstream:ListAssociatedFleets']).toBe(9);
    expect(tied.simulator.countsByAction()['appstream:ListAssociatedStacks']).toBeUndefined();
  });

  it('a denied DescribeFleets is an error for fleets and stacks while the builders are still counted', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: fleetEstate(),
      simulator: {
        faults: [{ service: 'appstream', operation: 'DescribeFleets', code: 'AccessDeniedException' }],
      },
    });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary');
    expect(summary.errors).toHaveLength(2);
    for (const error of summary.errors) {
      expect(error).toMatchObject({ service: 'WorkSpaces Applications', code: 'AccessDeniedException' });
      expect(error.message).toContain('appstream:DescribeFleets');
    }
    expect(section(summary, 'Image builder')?.total).toBe(6);
    expect(section(summary, 'App block builder')?.total).toBe(2);
  });
});

describe('applications inventory at scale', () => {
  it('at 300 fleets the summary pages the lists, joins from the shorter side and returns counts, not rows', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 3, desktops: 10, regions: ['us-east-1'], fleets: 300, portals: 0 });
    const host = await createTestHost({ ...withPlugin, estate });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary');
    const counts = host.simulator.countsByAction();
    // DescribeFleets/DescribeStacks pages hold 25 in the simulator (AWS documents no page size).
    expect(counts['appstream:DescribeFleets']).toBe(Math.ceil(300 / 25));
    const stacks = estate.applications.stacks.length;
    expect(counts['appstream:ListAssociatedFleets'] ?? counts['appstream:ListAssociatedStacks']).toBe(
      Math.min(stacks, 300),
    );
    expect(section(summary, 'Fleet')?.total).toBe(300);
    expect(JSON.stringify(summary).length).toBeLessThan(10_000);
  });
});
