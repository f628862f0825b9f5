import type { InventoryReport, InventorySummary } from '@workspaces-euc-mcp/host';
import { createTestHost, generateEstate, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { compositePlugin } from '../__tests__/consumer.js';
import { AD, IMPAIRED_AD, smallEstate, WSD } from '../__tests__/estate.js';
import plugin from '../index.js';

describe('inventory contributor', () => {
  it('counts desktops by state, running mode, compute type and directory', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), hostTools: true });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    const personal = result.services.find((s) => s.service === 'WorkSpaces Personal');
    expect(personal?.total).toBe(9);
    expect(personal?.byState).toEqual({
      AVAILABLE: 3,
      UNHEALTHY: 1,
      STOPPED: 2,
      ADMIN_MAINTENANCE: 1,
      ERROR: 1,
      SUSPENDED: 1,
    });
    expect(personal?.breakdowns).toEqual({
      runningMode: { AUTO_STOP: 5, ALWAYS_ON: 3, MANUAL: 1 },
      computeType: { STANDARD: 7, VALUE: 1, GRAPHICS_G4DN: 1 },
      directory: { [AD]: 6, [WSD]: 2, [IMPAIRED_AD]: 1 },
    });
  });

  it('names every problem state with its count, however few, in the summary and the report', async () => {
    const estate = generateEstate({ seed: 42, desktops: 2_000 });
    const count = (state: string) =>
      estate.personal.desktops.filter((d) => d.workspace.State === state).length;
    const states = [...new Set(estate.personal.desktops.map((d) => d.workspace.State ?? ''))];
    const top3 = states.sort((a, b) => count(b) - count(a)).slice(0, 3);
    const host = await createTestHost({ plugins: [plugin], estate, hostTools: true });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    const report = await invokeOk<InventoryReport>(host, 'generate_inventory_report', {});
    for (const state of ['ERROR', 'IMPAIRED', 'SUSPENDED', 'UNHEALTHY']) {
      // Not among the three commonest states, which is all the summary used to name.
      expect(count(state)).toBeGreaterThan(0);
      if (state !== 'UNHEALTHY') expect(top3).not.toContain(state);
      expect(summary.summary).toContain(`${count(state)} ${state}`);
      expect(report.summary).toContain(`${count(state)} ${state}`);
    }
    expect(summary.summary).toMatch(
      /WorkSpaces Personal: 2000 WorkSpaces \(\d+ AVAILABLE, \d+ STOPPED, [^;]+; needs attention: /,
    );
    expect(report.summary).toContain('Needing attention among them: ');
    // Busy states are not problems: a desktop STARTING or REBOOTING is not named as one.
    expect(summary.summary.split('needs attention:')[1]).not.toMatch(/STARTING|REBOOTING|PENDING/);
  });

  it('gives one row per desktop with user, computer, IP, bundle, mode, compute and encryption', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), hostTools: true });
    const result = await invokeOk<InventoryReport>(host, 'generate_inventory_report', { search: 'bob' });
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      id: 'ws-unheal001',
      name: 'WSAMZ-BOB',
      state: 'UNHEALTHY',
      attributes: {
        userName: 'bob',
        ipAddress: '10.0.12.13',
        bundleId: 'wsb-abc123def',
        directoryId: AD,
        runningMode: 'ALWAYS_ON',
        computeType: 'STANDARD',
        rootVolumeEncrypted: false,
        userVolumeEncrypted: true,
      },
    });
  });

  it('a service filter in the words users type selects the Personal desktops, through the plugin aliases', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate(), hostTools: true });
    for (const services of [['personal workspaces'], ['WorkSpaces'], ['personal']]) {
      const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', { services });
      expect(
        result.services.map((s) => s.service),
        services.join(),
      ).toEqual(['WorkSpaces Personal']);
    }
  });

  it('a composite call scans the estate once for the summary and the personal tools', async () => {
    const estate = generateEstate({ seed: 3, desktops: 100, regions: ['us-east-1'] });
    const host = await createTestHost({ plugins: [plugin, compositePlugin], estate, hostTools: true });
    const result = await invokeOk<{ ok: boolean[] }>(host, 'run_test_composite', {});
    expect(result.ok).toEqual([true, true, true]);
    // 100 desktops at 25 a page: one scan is 4 requests, shared by the summary and both tools.
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaces']).toBe(4);
  });

  it('a denied scan is reported per service by the summary, not as a failed call', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      hostTools: true,
      simulator: {
        faults: [{ service: 'workspaces', operation: 'DescribeWorkspaces', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Personal', code: 'AccessDeniedException' }),
    ]);
    expect(result.errors[0]?.message).toContain('workspaces:DescribeWorkspaces');
  });
});

describe('inventory contributor at scale', () => {
  it('at 10,000 desktops the summary scans each region once at 25 a page and returns counts, not rows', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const pages = estate.settings.regions.reduce(
      (total, region) =>
        total + Math.ceil(estate.personal.desktops.filter((d) => d.region === region).length / 25),
      0,
    );
    const host = await createTestHost({ plugins: [plugin], estate, hostTools: true });
    const result = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary', {});
    expect(host.simulator.countsByAction()['workspaces:DescribeWorkspaces']).toBe(pages);
    expect(result.services.find((s) => s.service === 'WorkSpaces Personal')?.total).toBe(10_000);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });
});
