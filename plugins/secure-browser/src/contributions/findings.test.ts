import {
  type CollectedFindings,
  contributionProbe,
  createTestHost,
  invokeOk,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate } from '../__tests__/estate.js';
import { SECURE_BROWSER_CHECKS } from '../checks.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const arnOf = (estate: ReturnType<typeof portalEstate>, profile: string) =>
  estate.secureBrowser.portals.find((p) => p.profile === profile)?.portal.portalArn ?? '';

const onPortal = (found: CollectedFindings, arn: string) =>
  found.findings
    .filter((f) => f.resourceId === arn)
    .map((f) => `${f.checkId} ${f.severity}`)
    .sort();

describe('portal posture', () => {
  it('the wide-open portal fails every check, graded; the carefully set-up one passes all', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(onPortal(found, arnOf(estate, 'risky'))).toEqual([
      'secure-browser.no-data-protection info',
      'secure-browser.no-ip-access-settings warning',
      'secure-browser.no-session-logging info',
      'secure-browser.no-user-access-logging warning',
      'secure-browser.session-timeouts info',
      'secure-browser.user-settings-transfer critical',
    ]);
    const transfer = found.findings.find(
      (f) => f.resourceId === arnOf(estate, 'risky') && f.checkId === 'secure-browser.user-settings-transfer',
    );
    expect(transfer?.detail).toBe('Contractor SaaS 2: out: copy, download, print; in: paste, upload.');
    // Locked down (paste in only, 15-minute idle timeout, IP rules, access and session logging,
    // redaction). The idle portal is as careful but for the session logger it never got.
    expect(onPortal(found, arnOf(estate, 'well-configured'))).toEqual([]);
    expect(onPortal(found, arnOf(estate, 'idle'))).toEqual(['secure-browser.no-session-logging info']);
  });

  it('Incomplete and Pending portals are reported as not usable, with the status reason from one GetPortal', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(onPortal(found, arnOf(estate, 'incomplete'))).toEqual([
      'secure-browser.portal-not-usable warning',
    ]);
    expect(found.findings.find((f) => f.resourceId === arnOf(estate, 'incomplete'))?.detail).toBe(
      'Call centre CRM 3 is Incomplete: The portal has no identity provider. Add one to make the portal active.',
    );
    expect(onPortal(found, arnOf(estate, 'pending'))).toEqual(['secure-browser.portal-not-usable info']);
    expect(host.simulator.countsByAction()['workspaces-web:GetPortal']).toBe(1);
  });
});

describe('IP access', () => {
  it('flags the portal whose IP rules include 0.0.0.0/0, reading each IP access settings resource once', async () => {
    const estate = portalEstate();
    const web = estate.secureBrowser;
    const active = web.portals.filter(
      (p) => p.portal.portalStatus === 'Active' && p.portal.ipAccessSettingsArn,
    );
    const distinct = new Set(active.map((p) => p.portal.ipAccessSettingsArn));
    // The careful portals share one "corp-egress" resource: fewer Gets than portals.
    expect(distinct.size).toBeLessThan(active.length);
    const open = active.filter((p) =>
      web.ipAccessSettings
        .find((s) => s.arn === p.portal.ipAccessSettingsArn)
        ?.settings.ipRules?.some((r) => r.ipRange === '0.0.0.0/0'),
    );
    expect(open.map((p) => p.profile)).toEqual(['partial']);

    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    const flagged = found.findings.filter((f) => f.checkId === 'secure-browser.ip-open-to-internet');
    expect(flagged.map((f) => f.resourceId)).toEqual([open[0]?.portal.portalArn]);
    expect(flagged[0]?.detail).toContain('allow 0.0.0.0/0');
    expect(host.simulator.countsByAction()['workspaces-web:GetIpAccessSettings']).toBe(distinct.size);
  });

  it('a denied GetIpAccessSettings costs only the IP check', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: portalEstate(),
      simulator: {
        faults: [
          { service: 'workspaces-web', operation: 'GetIpAccessSettings', code: 'AccessDeniedException' },
        ],
      },
    });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.errors.map((e) => `${e.contributor} ${e.code}`)).toEqual([
      'secure-browser.ip-access AccessDeniedException',
    ]);
    expect(found.findings.some((f) => f.checkId === 'secure-browser.no-ip-access-settings')).toBe(true);
  });
});

describe('unassociated settings', () => {
  it('reports settings no portal uses, by kind, as info; the orphan /0 IP settings is clutter, not exposure', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ ...withPlugin, estate });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    const orphans = found.findings.filter((f) => f.checkId === 'secure-browser.unassociated-settings');
    expect(orphans.map((f) => `${f.severity} ${f.detail}`).sort()).toEqual([
      'info IP access settings "pilot-anywhere" is not associated with any portal.',
      'info User settings is not associated with any portal.',
    ]);
    const pilot = orphans.find((f) => f.detail?.includes('pilot-anywhere'))?.resourceId;
    expect(
      found.findings.filter(
        (f) => f.checkId === 'secure-browser.ip-open-to-internet' && f.resourceId === pilot,
      ),
    ).toEqual([]);
  });

  it('every check id is stable, namespaced and unique, and every finding names a declared check', async () => {
    const ids = SECURE_BROWSER_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^secure-browser\.[a-z-]+$/);
    const host = await createTestHost({ ...withPlugin, estate: portalEstate() });
    const found = await invokeOk<CollectedFindings>(host, 'collect_test_findings');
    expect(found.findings.filter((f) => !f.checkDeclared)).toEqual([]);
  });
});
