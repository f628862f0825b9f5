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
import { goLive, portalEstate, portalOf } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getSecureBrowserPortalUsage } from './get-secure-browser-portal-usage.js';

type Usage = ToolOutput<typeof getSecureBrowserPortalUsage>;
const TOOL = 'get_secure_browser_portal_usage';
const DAY_MS = 86_400_000;

describe('get_secure_browser_portal_usage', () => {
  it('live sessions with users and ages, and the week of session starts the metrics count', async () => {
    const estate = portalEstate();
    const portal = portalOf(estate, 'well-configured');
    const live = goLive(portal, 3);
    const now = estate.settings.now.getTime();
    const windowStart = Math.floor((now - 7 * DAY_MS) / DAY_MS) * DAY_MS;
    const started = portal.sessions.filter((s) => (s.startTime?.getTime() ?? 0) >= windowStart).length;
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Usage>(host, TOOL, { portal: portal.portalId });
    expect(result.live).toMatchObject({ total: 3, byStatus: { Active: 3 } });
    expect(result.live?.sessions.map((s) => s.sessionId)).toEqual(live);
    const newestStart = portal.sessions.find((s) => s.sessionId === live[0])?.startTime?.getTime() ?? 0;
    expect(result.live?.newest?.ageMinutes).toBe(Math.floor((now - newestStart) / 60_000));
    expect(result.history).toMatchObject({ lookbackDays: 7, successes: started });
    expect(result.summary).toContain('3 live session(s)');
    expect(result.errors).toEqual([]);
  });

  it('an idle portal publishes no metrics: zero sessions, said plainly, not an error', async () => {
    const estate = portalEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Usage>(host, TOOL, {
      portal: portalOf(estate, 'idle').portalId,
      lookbackDays: 30,
    });
    expect(result.history).toMatchObject({ attempts: 0, successes: 0, daily: [] });
    expect(result.live?.total).toBe(0);
    expect(result.summary).toContain('no session attempts in the last 30 day(s)');
    expect(result.errors).toEqual([]);
  });

  it('when CloudWatch fails the live sessions still answer and the failure is in errors', async () => {
    const estate = portalEstate();
    const portal = portalOf(estate, 'well-configured');
    goLive(portal, 1);
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'AccessDeniedException' }],
      },
    });
    const result = await invokeOk<Usage>(host, TOOL, { portal: portal.portalId });
    expect(result.live?.total).toBe(1);
    expect(result.history).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({ service: 'Amazon CloudWatch', code: 'AccessDeniedException' }),
    ]);
  });

  it('a portal id not in the selected regions is an error naming the input', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: portalEstate() });
    const result = await host.invoke(TOOL, { portal: 'Nobody uses this', regions: ['us-east-1'] });
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      'portal: no Secure Browser portal with id or display name "Nobody uses this"',
    );
  });

  it('300 live sessions: every page is read, the answer shows the newest 20 and stays within budget', async () => {
    expect(toolSchemaBytes(getSecureBrowserPortalUsage)).toBeLessThanOrEqual(TOOL_SCHEMA_BUDGET);
    const estate = portalEstate();
    const portal = portalOf(estate, 'risky');
    goLive(portal, 300);
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Usage>(host, TOOL, { portal: portal.portalId, lookbackDays: 90 });
    expect(result.live?.total).toBe(300);
    expect(result.live?.sessions).toHaveLength(20);
    expect(result.live?.topUsers.length).toBeLessThanOrEqual(5);
    expect(host.simulator.countsByAction()['workspaces-web:ListSessions']).toBeGreaterThan(1);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
