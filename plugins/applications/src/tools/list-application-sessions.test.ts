import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';
import { listApplicationSessions } from './list-application-sessions.js';

type Listed = ToolOutput<typeof listApplicationSessions>;
const TOOL = 'list_application_sessions';
const describeSessions = (counts: Record<string, number> | undefined) =>
  counts?.['appstream:DescribeSessions'] ?? 0;

describe('list_application_sessions', () => {
  it('lists every session of every associated stack/fleet pair, asking each authentication type', async () => {
    expect(toolSchemaBytes(listApplicationSessions)).toBeLessThanOrEqual(650);
    const estate = fleetEstate();
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Listed>(host, TOOL);
    const sessions = estate.applications.sessions.map((s) => s.session);
    expect(result.total).toBe(sessions.length);
    const states: Record<string, number> = {};
    for (const s of sessions) states[s.State ?? ''] = (states[s.State ?? ''] ?? 0) + 1;
    expect(result.byState).toEqual(states);
    const pairs = estate.applications.stackFleets.length;
    // DescribeSessions needs StackName and FleetName, and lists only API sessions without a type.
    expect(describeSessions(host.simulator?.countsByAction())).toBe(pairs * 4);
    const oldest = [...sessions].sort(
      (a, b) => (a.StartTime?.getTime() ?? 0) - (b.StartTime?.getTime() ?? 0),
    )[0];
    const row =
      result.rows.find((r) => r.sessionId === oldest?.Id) ?? (await findRow(host, oldest?.Id ?? ''));
    expect(row).toMatchObject({
      user: oldest?.UserId,
      fleet: oldest?.FleetName,
      stack: oldest?.StackName,
      ageMinutes: Math.floor((estate.settings.now.getTime() - (oldest?.StartTime?.getTime() ?? 0)) / 60_000),
    });
  });

  it('filters by fleet, user, state and authentication type, reading only what the filter needs', async () => {
    const estate = fleetEstate();
    const sessions = estate.applications.sessions.map((s) => s.session);
    const saml = sessions.find((s) => s.AuthenticationType === 'SAML' && s.State === 'ACTIVE');
    if (!saml?.FleetName || !saml.UserId) throw new Error('no SAML session');
    const host = await createTestHost({ plugins: [plugin], estate });
    const byFleet = await invokeOk<Listed>(host, TOOL, { fleet: saml.FleetName, auth: 'SAML' });
    expect(byFleet.total).toBe(
      sessions.filter((s) => s.FleetName === saml.FleetName && s.AuthenticationType === 'SAML').length,
    );
    const fleetPairs = estate.applications.stackFleets.filter((p) => p.fleetName === saml.FleetName).length;
    expect(describeSessions(host.simulator?.countsByAction())).toBe(fleetPairs);
    const byUser = await invokeOk<Listed>(host, TOOL, { user: saml.UserId.toUpperCase(), state: 'ACTIVE' });
    expect(byUser.rows.map((r) => r.sessionId)).toEqual([saml.Id]);
    const none = await invokeOk<Listed>(host, TOOL, { stack: 'no-such-stack' });
    expect(none).toMatchObject({ total: 0, rows: [] });
  });

  it('reports a failing region and answers for the other; a throttled page is retried', async () => {
    const estate = generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9 });
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'DescribeSessions',
            region: 'eu-west-1',
            code: 'AccessDeniedException',
          },
          {
            service: 'appstream',
            operation: 'DescribeSessions',
            region: 'us-east-1',
            code: 'ThrottlingException',
            times: 2,
          },
        ],
      },
    });
    const result = await invokeOk<Listed>(host, TOOL);
    expect(result.total).toBe(estate.applications.sessions.filter((s) => s.region === 'us-east-1').length);
    expect(result.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'appstream:DescribeSessions',
      }),
    ]);
  });

  it('at 10,000 desktops the first page is within budget and names what was cut', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const first = await invokeOk<Listed>(host, TOOL);
    expect(first.total).toBe(estate.applications.sessions.length);
    expect(first.total).toBeGreaterThan(500);
    expect(first.rows).toHaveLength(20);
    expect(first.summary).toContain('Showing 1–20; pass nextCursor for more.');
    expect(first.summary).toContain(`${first.total - 20} more not shown.`);
    expect(answerBytes(first)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('the cursor walks every session once', { timeout: 60_000 }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 800 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const first = await invokeOk<Listed>(host, TOOL);
    expect(first.total).toBeGreaterThan(20);
    const seen = new Set(first.rows.map((r) => r.sessionId));
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await invokeOk<Listed>(host, TOOL, { cursor });
      for (const r of next.rows) seen.add(r.sessionId);
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(first.total);
  });
});

/** The row of one session, walking pages. */
async function findRow(host: Awaited<ReturnType<typeof createTestHost>>, sessionId: string) {
  let cursor: string | undefined;
  do {
    const page = await invokeOk<Listed>(host, TOOL, cursor ? { cursor } : {});
    const hit = page.rows.find((r) => r.sessionId === sessionId);
    if (hit) return hit;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}
