import { contributionProbe, createTestHost, invokeOk, type TestHost } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { portalEstate } from '../__tests__/estate.js';
import plugin from '../index.js';

/** This plugin with the host's inventory tools and the contribution probe. */
const withPlugin = { plugins: [plugin, contributionProbe], hostTools: true };

// The Gets that follow the portal scan (the status reason of an Incomplete portal, the rules of
// the IP access settings in use). The estate snapshot keeps them like the scan.
const FOLLOW_UPS = ['workspaces-web:GetPortal', 'workspaces-web:GetIpAccessSettings'];

/** How many of each follow-up Get one findings pass sent, by action. */
async function followUpsOf(host: TestHost, input: Record<string, unknown>) {
  const before = host.requests.length;
  await invokeOk(host, 'collect_test_findings', input);
  const sent: Record<string, number> = {};
  for (const request of host.requests.slice(before))
    if (FOLLOW_UPS.includes(request.action)) sent[request.action] = (sent[request.action] ?? 0) + 1;
  return sent;
}

describe('the portal findings asked again', () => {
  it('send no GetPortal or GetIpAccessSettings until fresh is asked for', async () => {
    const host = await createTestHost({ ...withPlugin, estate: portalEstate() });
    const first = await followUpsOf(host, {});
    expect(Object.keys(first).sort()).toEqual([...FOLLOW_UPS].sort());
    expect(first['workspaces-web:GetPortal']).toBe(1);
    expect(await followUpsOf(host, {})).toEqual({});
    expect(await followUpsOf(host, { fresh: true })).toEqual(first);
  });

  it('keep nothing from a failed Get: the next pass asks again', async () => {
    const host = await createTestHost({
      ...withPlugin,
      estate: portalEstate(),
      simulator: {
        faults: [
          {
            service: 'workspaces-web',
            operation: 'GetIpAccessSettings',
            code: 'AccessDeniedException',
            httpStatusCode: 403,
            times: 1,
          },
        ],
      },
    });
    const denied = await invokeOk<{ errors: { contributor: string }[] }>(host, 'collect_test_findings', {});
    expect(denied.errors.map((e) => e.contributor)).toEqual(['secure-browser.ip-access']);
    const retried = await followUpsOf(host, {});
    expect(retried['workspaces-web:GetIpAccessSettings']).toBeGreaterThan(0);
    expect(retried['workspaces-web:GetPortal']).toBeUndefined();
  });
});
