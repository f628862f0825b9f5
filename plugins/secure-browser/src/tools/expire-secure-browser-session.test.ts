import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import {
  confirmOk,
  createTestHost,
  invokeOk,
  type SentRequest,
  TOOL_SCHEMA_BUDGET,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { goLive, portalEstate, portalOf } from '../__tests__/estate.js';
import plugin from '../index.js';
import { expireSecureBrowserSession } from './expire-secure-browser-session.js';

const TOOL = 'expire_secure_browser_session';
const UNKNOWN = '00000000-0000-0000-0000-000000000000';

function setup() {
  const estate = portalEstate();
  const portal = portalOf(estate, 'well-configured');
  const live = goLive(portal, 2);
  const ended = portal.sessions.find((s) => s.status === 'Terminated')?.sessionId ?? '';
  return { estate, portal, live, ended, sessionIds: [...live, ended, UNKNOWN] };
}

const expires = (requests: readonly SentRequest[]) =>
  requests.filter((r) => r.action === 'workspaces-web:ExpireSession');

describe('expire_secure_browser_session', () => {
  it('without confirm plans each live session with its user and age, skips ended and unknown ones, and ends nothing', async () => {
    expect(toolSchemaBytes(expireSecureBrowserSession)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    const { estate, portal, live, ended, sessionIds } = setup();
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { portal: portal.portalId, sessionIds });
    expect(result).toMatchObject({ status: 'planned', dryRun: true, counts: { actionable: 2, skipped: 2 } });
    const first = portal.sessions.find((s) => s.sessionId === live[0]);
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    expect(byId.get(live[0] ?? '')).toMatchObject({
      status: 'planned',
      current: 'Active',
      detail: {
        user: first?.username,
        ageMinutes: Math.floor((estate.settings.now.getTime() - (first?.startTime?.getTime() ?? 0)) / 60_000),
      },
    });
    expect(byId.get(ended)?.message).toMatch(/^already terminated since /);
    expect(byId.get(UNKNOWN)?.message).toContain('not found');
    expect(expires(host.requests)).toEqual([]);
  });

  it('with confirm ends each live session with one ExpireSession, and a second plan finds nothing left to end', async () => {
    const { estate, portal, live, sessionIds } = setup();
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      portal: portal.portal.portalArn,
      sessionIds,
    });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2, failed: 0, skipped: 2 } });
    expect(expires(host.requests).map((r) => r.input)).toEqual(
      expect.arrayContaining(live.map((sessionId) => ({ portalId: portal.portalId, sessionId }))),
    );
    expect(portal.sessions.filter((s) => live.includes(s.sessionId ?? '')).map((s) => s.status)).toEqual([
      'Terminated',
      'Terminated',
    ]);
    const again = await invokeOk<WriteOutcome>(host, TOOL, { portal: portal.portalId, sessionIds: live });
    expect(again.status).toBe('nothing-to-do');
    expect(again.targets.every((t) => t.message?.startsWith('already terminated'))).toBe(true);
  });

  it('a session that fails to expire fails alone, with the AWS error code', async () => {
    const { estate, portal, live } = setup();
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [
          {
            service: 'workspaces-web',
            operation: 'ExpireSession',
            code: 'InternalServerException',
            when: (input) => input.sessionId === live[1],
          },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, {
      portal: portal.portalId,
      sessionIds: live,
    });
    expect(result).toMatchObject({ status: 'partially-applied', counts: { ok: 1, failed: 1 } });
    expect(result.targets.find((t) => t.id === live[1])).toMatchObject({
      status: 'failed',
      code: 'InternalServerException',
    });
  });

  it('is not registered without --enable-writes', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: portalEstate() });
    const result = await host.invoke(TOOL, { portal: UNKNOWN, sessionIds: [UNKNOWN] });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('Unknown tool expire_secure_browser_session');
  });
});
