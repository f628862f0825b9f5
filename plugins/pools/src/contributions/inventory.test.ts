import type { InventoryReport, InventorySummary } from '@workspaces-euc-mcp/host';
import { contributionProbe, createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  CORP_DIR,
  EMPTY_REGION,
  NOIP_DIR,
  OPEN_DIR,
  POOL,
  REGION,
  smallEstate,
} from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const SERVICE = 'WorkSpaces Pools (end of support 2027-12-31)';

describe('pools inventory contributor', () => {
  it('counts pools by state, running mode, directory and error code, and sums their user sessions', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    const pools = result.services.find((s) => s.service === SERVICE);
    expect(pools).toMatchObject({
      resourceType: 'Pool',
      total: 11,
      byRegion: { [REGION]: 11, [EMPTY_REGION]: 0 },
    });
    expect(pools?.byState).toEqual({ RUNNING: 8, STOPPED: 1, UPDATING: 1, CREATING: 1 });
    expect(pools?.breakdowns).toEqual({
      runningMode: { AUTO_STOP: 8, ALWAYS_ON: 3 },
      directory: { [CORP_DIR]: 9, [NOIP_DIR]: 1, [OPEN_DIR]: 1 },
      bundle: { 'wsb-pools2022': 11 },
      errorCode: { DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND: 1, SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES: 1 },
      userSessions: { desired: 240, actual: 115, active: 23, available: 92 },
    });
    // The summary sentence itself carries the end-of-support date.
    expect(result.summary).toContain('WorkSpaces Pools (end of support 2027-12-31): 11 Pools');
  });

  it('gives one row per pool with name, state, mode, bundle, directory, the four session counts and errors', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    const report = await invokeOk<InventoryReport>(host, 'generate_inventory_report', {
      services: ['Pools'],
      search: 'training',
    });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({
      service: SERVICE,
      id: POOL.subnetShort,
      name: 'training',
      state: 'RUNNING',
      attributes: {
        runningMode: 'ALWAYS_ON',
        bundleId: 'wsb-pools2022',
        directoryId: CORP_DIR,
        desiredUserSessions: 10,
        actualUserSessions: 5,
        activeUserSessions: 1,
        availableUserSessions: 4,
        errorCount: 1,
        errorCodes: 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES',
        idleDisconnectTimeoutSeconds: 0,
        endOfSupport: '2027-12-31',
      },
    });
  });

  it('answers a "Pools" or "WorkSpaces Pools" filter and stays out of a "Personal" one', async () => {
    const host = await createTestHost({ ...withPlugin, estate: smallEstate() });
    for (const services of [['Pools'], ['WorkSpaces Pools']]) {
      const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', { services });
      expect(result.services.map((s) => s.service)).toEqual([SERVICE]);
    }
    const personal = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {
      services: ['Personal'],
    });
    expect(personal.services).toEqual([]);
  });

  it('a denied scan is reported per region by the summary, not as a failed call', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: smallEstate(),
      simulator: {
        faults: [
          { service: 'workspaces', operation: 'DescribeWorkspacesPools', code: 'AccessDeniedException' },
        ],
      },
    });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(result.errors.map((e) => `${e.service} ${e.region} ${e.code}`).sort()).toEqual([
      `${SERVICE} ${EMPTY_REGION} AccessDeniedException`,
      `${SERVICE} ${REGION} AccessDeniedException`,
    ]);
    expect(result.errors[0]?.message).toContain('workspaces:DescribeWorkspacesPools');
  });

  it('at 600 pools the summary reads each region at 25 pools a page and returns counts, not rows', async () => {
    const estate = generateEstate({ seed: 9, desktops: 0, pools: 600 });
    const pages = estate.settings.regions.reduce(
      (sum, region) => sum + Math.ceil(estate.pools.pools.filter((p) => p.region === region).length / 25),
      0,
    );
    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspacesPools']).toBe(pages);
    expect(result.services.find((s) => s.service === SERVICE)?.total).toBe(600);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });
});
