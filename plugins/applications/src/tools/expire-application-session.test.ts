import type { WriteOutcome } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  confirmOk,
  createTestHost,
  generateEstate,
  invokeOk,
  type SentRequest,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { fleetEstate } from '../__tests__/fixtures.js';
import plugin from '../index.js';
import { expireApplicationSession } from './expire-application-session.js';

const TOOL = 'expire_application_session';
const UNKNOWN = '00000000-0000-0000-0000-000000000000';
const expires = (requests: readonly SentRequest[]) =>
  requests.filter((r) => r.action === 'appstream:ExpireSession');

function setup() {
  const estate = fleetEstate();
  const sessions = estate.applications.sessions.map((s) => s.session);
  const live = sessions.filter((s) => s.State === 'ACTIVE').slice(0, 2);
  const ended = sessions.find((s) => s.State === 'EXPIRED');
  if (live.length < 2 || !ended?.Id) throw new Error('the estate lacks live or expired sessions');
  const liveIds = live.map((s) => s.Id ?? '');
  return { estate, live, liveIds, ended: ended.Id, sessionIds: [...liveIds, ended.Id, UNKNOWN] };
}

describe('expire_application_session', () => {
  it('without confirm plans each live session with user, fleet, stack and age; skips expired and unknown ones', async () => {
    expect(toolSchemaBytes(expireApplicationSession)).toBeLessThanOrEqual(650);
    const { estate, live, liveIds, ended, sessionIds } = setup();
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await invokeOk<WriteOutcome>(host, TOOL, { sessionIds });
    expect(result).toMatchObject({ status: 'planned', dryRun: true, counts: { actionable: 2, skipped: 2 } });
    const byId = new Map(result.targets.map((t) => [t.id, t]));
    const first = live[0];
    expect(byId.get(liveIds[0] ?? '')).toMatchObject({
      status: 'planned',
      current: 'ACTIVE',
      detail: {
        user: first?.UserId,
        fleet: first?.FleetName,
        stack: first?.StackName,
        region: 'us-east-1',
        ageMinutes: Math.floor((estate.settings.now.getTime() - (first?.StartTime?.getTime() ?? 0)) / 60_000),
      },
    });
    expect(byId.get(ended)?.message).toBe('already EXPIRED: nothing to end.');
    expect(byId.get(UNKNOWN)?.message).toMatch(
      /^not found in .*us-east-1.*: already ended, or a wrong id\.$/,
    );
    expect(result.warnings.join(' ')).toContain('disconnects its user immediately');
    expect(expires(host.requests)).toEqual([]);
  });

  it('with confirm ends each live session with one ExpireSession; a second plan finds them gone', async () => {
    const { estate, liveIds, sessionIds } = setup();
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { sessionIds });
    expect(result).toMatchObject({ status: 'applied', counts: { ok: 2, failed: 0, skipped: 2 } });
    expect(expires(host.requests).map((r) => r.input)).toEqual(
      expect.arrayContaining(liveIds.map((SessionId) => ({ SessionId }))),
    );
    const again = await invokeOk<WriteOutcome>(host, TOOL, { sessionIds: liveIds });
    expect(again.status).toBe('nothing-to-do');
    expect(again.targets.every((t) => t.message?.startsWith('not found'))).toBe(true);
  });

  it('narrowed to a fleet, reads only that fleet; a session that fails to expire fails alone', async () => {
    const { estate, live } = setup();
    const fleet = live[0]?.FleetName ?? '';
    const same = estate.applications.sessions
      .map((s) => s.session)
      .filter((s) => s.FleetName === fleet && s.State === 'ACTIVE')
      .slice(0, 2)
      .map((s) => s.Id ?? '');
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'ExpireSession',
            code: 'InternalServiceError',
            httpStatusCode: 500,
            when: (input) => input.SessionId === same[0],
          },
        ],
      },
    });
    const result = await confirmOk<WriteOutcome>(host, TOOL, { sessionIds: same, fleet });
    const reads = host.requests.filter((r) => r.action === 'appstream:DescribeSessions');
    expect(new Set(reads.map((r) => r.input.FleetName))).toEqual(new Set([fleet]));
    expect(result.targets.find((t) => t.id === same[0])).toMatchObject({ status: 'failed' });
    if (same.length > 1) expect(result.targets.find((t) => t.id === same[1])?.status).toBe('ok');
  });

  it('searches every region; one that cannot be read is named in the skip reason', async () => {
    const estate = generateEstate({ seed: 7, desktops: 10, regions: ['us-east-1', 'eu-west-1'], fleets: 9 });
    const west = estate.applications.sessions.find(
      (s) => s.region === 'eu-west-1' && s.session.State === 'ACTIVE',
    );
    const host = await createTestHost({
      plugins: [plugin],
      estate,
      enableWrites: true,
      simulator: {
        faults: [
          {
            service: 'appstream',
            operation: 'DescribeStacks',
            region: 'us-east-1',
            code: 'AccessDeniedException',
          },
        ],
      },
    });
    const result = await invokeOk<WriteOutcome>(host, TOOL, {
      sessionIds: [west?.session.Id ?? '', UNKNOWN],
    });
    expect(result.targets[0]).toMatchObject({ status: 'planned', detail: { region: 'eu-west-1' } });
    expect(result.targets[1]?.message).toContain(
      'could not read 111122223333/us-east-1 (AccessDeniedException)',
    );
  });

  it('at 10,000 desktops the plan for as many sessions as one confirm may end fits the answer budget', {
    timeout: 60_000,
  }, async () => {
    const estate = generateEstate({ seed: 42, desktops: 10_000 });
    const host = await createTestHost({ plugins: [plugin], estate, enableWrites: true });
    const sessionIds = estate.applications.sessions.slice(0, 25).map((s) => s.session.Id ?? '');
    const plan = await invokeOk<WriteOutcome>(host, TOOL, { sessionIds });
    expect(plan).toMatchObject({ status: 'planned', maxBulkTargets: 25, withinBulkCap: true });
    expect(answerBytes(plan)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });
});
