import type { InventoryReport, InventorySummary } from '@workspaces-euc-mcp/host';
import { contributionProbe, createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { EMPTY_REGION, INSTANCE, REGION, smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { CORE_INVENTORY_SERVICE } from './inventory.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

describe('core managed instances inventory contributor', () => {
  it('counts instances by provisioning state and by whether an EC2 instance is attached', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(result.services).toHaveLength(1);
    expect(result.services[0]).toMatchObject({
      service: CORE_INVENTORY_SERVICE,
      resourceType: 'Managed instance',
      total: 8,
      byRegion: { [REGION]: 8, [EMPTY_REGION]: 0 },
      byState: {
        ALLOCATED: 2,
        ALLOCATING: 1,
        ERROR_ALLOCATING: 2,
        ERROR_DEALLOCATING: 1,
        DEALLOCATED: 1,
        DEALLOCATING: 1,
      },
      breakdowns: { ec2Instance: { attached: 5, none: 3 } },
    });
    // The product name tells the reader where plain Core partner desktops are counted.
    expect(result.summary).toContain('Core partner desktops are counted as WorkSpaces');
  });

  it('gives one row per instance with its state, EC2 instance id and phase', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const report = await invokeOk<InventoryReport>(host, 'generate_inventory_report', {
      states: ['ERROR_DEALLOCATING'],
    });
    expect(report.rows).toEqual([
      expect.objectContaining({
        id: INSTANCE.releaseFailed,
        state: 'ERROR_DEALLOCATING',
        attributes: { ec2InstanceId: 'i-0bbbbbbbbbbbbbbbb', phase: 'release-failed' },
      }),
    ]);
  });

  it('answers a "Core" filter and stays out of a "Personal" one', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const core = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', { services: ['Core'] });
    expect(core.services.map((s) => s.service)).toEqual([CORE_INVENTORY_SERVICE]);
    const personal = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {
      services: ['Personal'],
    });
    expect(personal.services).toEqual([]);
  });

  it('a denied list is reported per region by the summary, naming the action', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-instances',
            operation: 'ListWorkspaceInstances',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(result.errors.map((e) => `${e.region} ${e.code}`).sort()).toEqual([
      `${EMPTY_REGION} AccessDeniedException`,
      `${REGION} AccessDeniedException`,
    ]);
    expect(result.errors[0]?.message).toContain('workspaces-instances:ListWorkspaceInstances');
  });

  it('at 1,000 instances the summary lists each region at 25 a page, with no per-instance call', async () => {
    const estate = generateEstate({ seed: 4, desktops: 0, managedInstances: 1000 });
    const pages = estate.settings.regions.reduce(
      (sum, region) =>
        sum + Math.ceil(estate.coreInstances.instances.filter((i) => i.region === region).length / 25),
      0,
    );
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(host.simulator.countsByAction()).toEqual({ 'workspaces-instances:ListWorkspaceInstances': pages });
    expect(result.services[0]?.total).toBe(1000);
  });
});
