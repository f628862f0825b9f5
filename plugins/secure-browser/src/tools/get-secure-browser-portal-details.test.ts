import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  invokeOk,
  TOOL_SCHEMA_BUDGET,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate, portalOf } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getSecureBrowserPortalDetails } from './get-secure-browser-portal-details.js';

type Details = ToolOutput<typeof getSecureBrowserPortalDetails>;
const TOOL = 'get_secure_browser_portal_details';

describe('get_secure_browser_portal_details', () => {
  it('a well-configured portal, by display name: locked-down user settings, office ranges, allow-list policy, redaction, logging, no findings', async () => {
    const estate = portalEstate();
    const portal = portalOf(estate, 'well-configured');
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Details>(host, TOOL, { portal: portal.portal.displayName?.toUpperCase() });
    expect(result.portal).toMatchObject({ portalId: portal.portalId, status: 'Active', region: 'us-east-1' });
    expect(result.userSettings).toMatchObject({
      copyAllowed: 'Disabled',
      downloadAllowed: 'Disabled',
      printAllowed: 'Disabled',
      idleDisconnectTimeoutInMinutes: 15,
    });
    expect(result.network?.subnetIds.length).toBeGreaterThanOrEqual(2);
    expect(result.ipAccess).toMatchObject({ rangeCount: 2, openToInternet: [] });
    expect(result.browserPolicy).toMatchObject({ allowlistOnly: true, urlAllowlist: { count: 3 } });
    expect(result.dataProtection).toMatchObject({ patternCount: 3, customPatterns: ['EmployeeId'] });
    expect(result.logging.userAccessLoggingStream).toMatch(/stream\/amazon-workspaces-web-/);
    expect(result.logging).toMatchObject({
      sessionLogger: true,
      sessionLogDestination: 's3://euc-session-logs-111122223333-us-east-1/secure-browser/',
    });
    expect(result.identityProviders).toEqual(
      portal.identityProviders.map((p) => ({ name: p.identityProviderName, type: 'SAML' })),
    );
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('a risky portal, by ARN: every transfer open is critical, no IP restriction, developer tools allowed', async () => {
    const estate = portalEstate();
    const portal = portalOf(estate, 'risky');
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Details>(host, TOOL, { portal: portal.portal.portalArn });
    expect(result.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ checkId: 'secure-browser.user-settings-transfer', severity: 'critical' }),
        expect.objectContaining({ checkId: 'secure-browser.no-ip-access-settings', severity: 'warning' }),
        expect.objectContaining({ checkId: 'secure-browser.no-user-access-logging' }),
        expect.objectContaining({ checkId: 'secure-browser.no-session-logging', severity: 'info' }),
      ]),
    );
    expect(result.logging).toEqual({ sessionLogger: false });
    expect(host.requests.some((r) => r.action === 'workspaces-web:GetSessionLogger')).toBe(false);
    expect(result.browserPolicy?.notable).toContain('DeveloperToolsAvailability=1 (developer tools allowed)');
    expect(result.ipAccess).toBeUndefined();
    expect(result.summary).toContain('worst critical');
    // The ARN names the region: ListPortals is asked there only.
    expect(host.requests.filter((r) => r.action === 'workspaces-web:ListPortals')).toHaveLength(1);
  });

  it('an Incomplete portal says why (GetPortal status reason)', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Details>(host, TOOL, { portal: portalOf(estate, 'incomplete').portalId });
    expect(result.portal.statusReason).toContain('no identity provider');
    expect(result.findings.map((f) => f.checkId)).toEqual(['secure-browser.portal-not-usable']);
  });

  it('an unknown portal is an error naming the input and where it looked; an unconfigured account too', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: portalEstate() });
    const unknown = await host.invoke(TOOL, { portal: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.ok).toBe(false);
    expect(unknown.text).toContain('portal: no Secure Browser portal with id or display name');
    expect(unknown.text).toContain('111122223333/us-east-1');
    const foreign = await host.invoke(TOOL, {
      portal: 'arn:aws:workspaces-web:us-east-1:999999999999:portal/00000000-0000-0000-0000-000000000000',
    });
    expect(foreign.ok).toBe(false);
    expect(foreign.text).toContain('not a configured target');
  });

  it('a settings read that fails is reported; the rest of the portal still answers', async () => {
    const estate = portalEstate();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          { service: 'workspaces-web', operation: 'GetBrowserSettings', code: 'AccessDeniedException' },
        ],
      },
    });
    const result = await invokeOk<Details>(host, TOOL, {
      portal: portalOf(estate, 'well-configured').portalId,
    });
    expect(result.browserPolicy).toBeUndefined();
    expect(result.userSettings).toBeDefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'AccessDeniedException',
        iamAction: 'workspaces-web:GetBrowserSettings',
      }),
    ]);
  });

  it('a denied GetSessionLogger still says a logger is attached, without its destination, and reports the denial', async () => {
    const estate = portalEstate();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [{ service: 'workspaces-web', operation: 'GetSessionLogger', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<Details>(host, TOOL, {
      portal: portalOf(estate, 'well-configured').portalId,
    });
    expect(result.logging.sessionLogger).toBe(true);
    expect(result.logging.sessionLogDestination).toBeUndefined();
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'AccessDeniedException',
        iamAction: 'workspaces-web:GetSessionLogger',
      }),
    ]);
  });

  it('a huge browser policy and hundreds of IP ranges stay within the answer budget', async () => {
    expect(toolSchemaBytes(getSecureBrowserPortalDetails)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    const estate = portalEstate();
    const portal = portalOf(estate, 'well-configured');
    const browser = estate.secureBrowser.browserSettings.find(
      (s) => s.arn === portal.portal.browserSettingsArn,
    );
    const ip = estate.secureBrowser.ipAccessSettings.find((s) => s.arn === portal.portal.ipAccessSettingsArn);
    if (!browser || !ip) throw new Error('the well-configured portal has browser and IP access settings');
    const urls = Array.from(
      { length: 2000 },
      (_, i) => `https://very-long-subdomain-${i}.partner.example.com/*`,
    );
    browser.settings.browserPolicy = JSON.stringify({
      chromePolicies: Object.fromEntries([
        ['URLAllowlist', { value: urls }],
        ['URLBlocklist', { value: urls }],
        ...Array.from({ length: 300 }, (_, i) => [`Policy${i}`, { value: i }]),
      ]),
    });
    ip.settings.ipRules = Array.from({ length: 500 }, (_, i) => ({
      ipRange: `10.${i >> 8}.${i & 255}.0/24`,
      description: `site ${i}`,
    }));
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Details>(host, TOOL, { portal: portal.portalId });
    expect(result.browserPolicy).toMatchObject({ policyCount: 302, urlAllowlist: { count: 2000 } });
    expect(result.ipAccess?.rangeCount).toBe(500);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
