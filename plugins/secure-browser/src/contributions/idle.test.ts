import { type CollectedIdle, contributionProbe, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

const DAY_MS = 86_400_000;

describe('idle portals', () => {
  it('lists the Active portal nobody signed in to for weeks, idle days matching its session history', async () => {
    const estate = portalEstate();
    const idle = estate.secureBrowser.portals.find((p) => p.profile === 'idle');
    const lastStart = idle?.sessions.at(-1)?.startTime?.getTime() ?? 0;
    // The daily SessionSuccess bucket of the last session ends at the next UTC midnight.
    const bucketEnd = (Math.floor(lastStart / DAY_MS) + 1) * DAY_MS;
    const expected = Math.floor((estate.settings.now.getTime() - bucketEnd) / DAY_MS);
    expect(expected).toBeGreaterThanOrEqual(30);

    const host = await createTestHost({ ...withPlugin, estate });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.idle).toEqual([
      {
        contributor: 'secure-browser.idle-portals',
        service: 'WorkSpaces Secure Browser',
        account: idle?.account,
        region: idle?.region,
        id: idle?.portal.portalArn,
        resourceType: 'Portal',
        idleDays: expected,
        usageSignal: 'last-use',
        monthlyCostUsd: 0,
        reason: expect.stringContaining(`no session for ${expected} days`),
      },
    ]);
    expect(result.idle[0]?.reason).toContain('bills per monthly active user');
    // Four Active portals' SessionSuccess in one request (ListSessions would be one per portal).
    expect(host.simulator.countsByAction()['cloudwatch:GetMetricData']).toBe(1);
    expect(host.simulator.countsByAction()['workspaces-web:ListSessions']).toBeUndefined();
  });

  it('with a window longer than its idle time, the portal is in use and nothing is listed', async () => {
    const host = await createTestHost({ ...withPlugin, estate: portalEstate() });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 60 });
    expect(result.idle).toEqual([]);
  });

  it('a failing GetMetricData is an error for the idle portals, never "no sessions"', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: portalEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<CollectedIdle>(host, 'collect_test_idle', { idleDays: 30 });
    expect(result.idle).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ contributor: 'secure-browser.idle-portals', code: 'AccessDeniedException' }),
    ]);
  });
});
