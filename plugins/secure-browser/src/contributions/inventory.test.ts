import type { InventoryReport, InventorySummary } from '@workspaces-euc-mcp/host';
import { contributionProbe, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

describe('secure browser inventory', () => {
  it('counts portals by status', async () => {
    const host = await createTestHost({ ...withPlugin, estate: portalEstate() });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary');
    expect(summary.services).toEqual([
      expect.objectContaining({
        resourceType: 'Portal',
        total: 6,
        byState: { Active: 4, Incomplete: 1, Pending: 1 },
      }),
    ]);
    // Every settings ARN is on the portal summary: one ListPortals, no Get per portal.
    expect(host.simulator.countsByAction()).toEqual({ 'workspaces-web:ListPortals': 1 });
  });

  it('each row has the browser, renderer, authentication, instance type, session cap and attached settings', async () => {
    const estate = portalEstate();
    const risky = estate.secureBrowser.portals.find((p) => p.profile === 'risky')?.portal;
    const host = await createTestHost({ ...withPlugin, estate });
    const report = await invokeOk<InventoryReport>(host, 'generate_inventory_report', {
      services: ['Secure Browser'],
    });
    const row = report.rows.find((r) => r.id === risky?.portalArn);
    expect(row).toMatchObject({
      name: 'Contractor SaaS 2',
      state: 'Active',
      attributes: {
        browserType: 'Chrome',
        rendererType: 'AppStream',
        authenticationType: risky?.authenticationType,
        instanceType: risky?.instanceType,
        maxConcurrentSessions: risky?.maxConcurrentSessions,
        settingsAttached: 'userSettings, browserSettings',
        ipAccessSettings: false,
        userAccessLogging: false,
        dataProtectionSettings: false,
      },
    });
  });

  it('a denied ListPortals is an error entry naming the action, not a failed call', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: portalEstate(),
      simulator: {
        faults: [{ service: 'workspaces-web', operation: 'ListPortals', code: 'AccessDeniedException' }],
      },
    });
    const summary = await invokeOk<InventorySummary>(host, 'get_euc_inventory_summary');
    expect(summary.errors).toEqual([
      expect.objectContaining({ service: 'WorkSpaces Secure Browser', code: 'AccessDeniedException' }),
    ]);
    expect(summary.errors[0]?.message).toContain('workspaces-web:ListPortals');
  });
});
