import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, fakeClock, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_BUDGET,
  FIVE_ACCOUNTS_FOUR_REGIONS,
  sentBytes,
  sharedEstate,
  TEN_THOUSAND,
} from '../__tests__/estate.js';
import audit from '../index.js';
import { getEucAuditTrail } from './get-euc-audit-trail.js';

type Trail = ToolOutput<typeof getEucAuditTrail>;

/**
 * A host over a CloudTrail that throttles LookupEvents at its real limit (2 per second), on a
 * fake clock the host's limiters wait on too, recording when each request reached it, per region.
 */
async function pacedTrailHost() {
  const clock = fakeClock(0);
  const sent: { region: string; at: number }[] = [];
  const host = await createTestHost({
    plugins: [audit],
    estate: sharedEstate(),
    pacing: clock,
    simulator: {
      clock: clock.now,
      throttling: { 'cloudtrail:LookupEvents': { rate: 2, burst: 2 } },
      observe: (request) => {
        if (request.operation === 'LookupEvents') sent.push({ region: request.region, at: clock.now() });
      },
    },
  });
  return { host, sent };
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? 0));
}

describe('get_euc_audit_trail', () => {
  // Eight inputs (scope, window, services, reads, person, request budget, page) leave no room for
  // 650 bytes; the description says only what the schema cannot (defaults, pace, coverage).
  it('costs the assistant at most 850 bytes of description and input schema', () => {
    expect(toolSchemaBytes(getEucAuditTrail)).toBeLessThanOrEqual(850);
  });

  it('lists last week’s EUC changes, flagging the termination, the rebuild and the refused termination', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', { limit: 200 });
    expect(trail.mode).toBe('mutations');
    expect(trail.windowFullyCovered).toBe(true);
    expect(trail.events.every((e) => e.impact !== 'read')).toBe(true);
    expect(new Set(trail.events.map((e) => e.service)).size).toBeGreaterThan(0);
    expect(
      trail.events.every((e) => ['workspaces', 'applications', 'secure-browser', 'core'].includes(e.service)),
    ).toBe(true);
    const flaggedRows = trail.events.slice(0, trail.flaggedTotal);
    const flagged = flaggedRows.map((e) => `${e.eventName}:${e.accessDenied ? 'denied' : e.impact}`);
    expect(flagged).toContain('TerminateWorkspaces:data-loss');
    expect(flagged).toContain('TerminateWorkspaces:denied');
    expect(flagged).toContain('RebuildWorkspaces:data-loss');
    const bob = trail.byUser.find((u) => u.username === 'bob.helpdesk@example.com');
    expect(bob?.accessDenied).toBeGreaterThanOrEqual(1);
    expect(trail.summary).toContain('The whole window was read');
    // Flagged calls lead the one list; every event appears once.
    expect(flaggedRows.every((e) => e.accessDenied || e.impact !== 'change')).toBe(true);
    expect(
      trail.events.slice(trail.flaggedTotal).every((e) => !e.accessDenied && e.impact === 'change'),
    ).toBe(true);
    expect(new Set(trail.events.map((e) => e.eventId)).size).toBe(trail.events.length);
  });

  it('pages the list with a cursor, each event on exactly one page', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const first = await invokeOk<Trail>(host, 'get_euc_audit_trail', { lookbackDays: 30, limit: 5 });
    expect(first.events).toHaveLength(5);
    expect(first.nextCursor).toBeDefined();
    const second = await invokeOk<Trail>(host, 'get_euc_audit_trail', {
      lookbackDays: 30,
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(second.offset).toBe(5);
    const ids = [...first.events, ...second.events].map((e) => e.eventId);
    expect(new Set(ids).size).toBe(10);
    expect(first.summary).toContain('pass nextCursor');
  });

  it('refuses an out-of-range input with an error naming the field', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const result = await host.invoke('get_euc_audit_trail', { lookbackDays: 91 });
    expect(result.ok).toBe(false);
    expect(result.text).toContain('lookbackDays');
  });

  it('paces LookupEvents to 2 per second per region, with no throttling, over a 90-day sweep', async () => {
    const { host, sent } = await pacedTrailHost();
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', {
      lookbackDays: 90,
      includeReadOnly: true,
    });
    expect(trail.windowFullyCovered).toBe(true);
    const perRegion = ['us-east-1', 'eu-west-1'].map((region) =>
      sent.filter((s) => s.region === region).map((s) => s.at),
    );
    for (const times of perRegion) {
      expect(times.length).toBeGreaterThan(4);
      expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(500);
    }
    expect(host.requests.filter((r) => r.error)).toEqual([]);
    expect(trail.scopes.reduce((n, s) => n + s.requests, 0)).toBe(sent.length);
  });

  it('shares the pace between concurrent calls, so two audits together still send 2 per second', async () => {
    const { host, sent } = await pacedTrailHost();
    const input = { lookbackDays: 60, regions: ['us-east-1'] };
    await Promise.all([
      invokeOk(host, 'get_euc_audit_trail', input),
      invokeOk(host, 'get_euc_audit_trail', input),
    ]);
    const times = sent.map((s) => s.at);
    expect(times.length).toBeGreaterThan(2);
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(500);
    expect(host.requests.filter((r) => r.error)).toEqual([]);
  });

  it('says how far back it got when the request budget runs out', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', {
      lookbackDays: 90,
      includeReadOnly: true,
      maxRequests: 1,
    });
    expect(trail.windowFullyCovered).toBe(false);
    for (const scope of trail.scopes) {
      expect(scope.requests).toBe(1);
      expect(scope.complete).toBe(false);
      expect((scope.coveredFrom ?? '') > trail.window.start).toBe(true);
    }
    expect(trail.summary).toContain('PARTIAL');
  });

  it('follows one person with a Username lookup, e.g. the root user over 90 days', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', { lookbackDays: 90, username: 'root' });
    expect(trail.mode).toBe('username');
    expect(trail.events.length).toBeGreaterThan(0);
    expect(trail.events.every((e) => e.username === 'root')).toBe(true);
    expect(trail.byUser).toEqual([expect.objectContaining({ username: 'root', identityType: 'Root' })]);
  });

  it('keeps only the services asked for', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', {
      lookbackDays: 30,
      services: ['applications'],
    });
    expect(trail.events.length).toBeGreaterThan(0);
    expect(trail.events.every((e) => e.service === 'applications')).toBe(true);
  });

  it('reports a region it may not read as an error, and still answers for the others', async () => {
    const host = await createTestHost({
      plugins: [audit],
      estate: sharedEstate(),
      pacing: fakeClock(),
      simulator: { faults: [{ service: 'cloudtrail', region: 'eu-west-1', code: 'AccessDeniedException' }] },
    });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', {});
    expect(trail.errors).toEqual([
      expect.objectContaining({
        service: 'AWS CloudTrail',
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        iamAction: 'cloudtrail:LookupEvents',
      }),
    ]);
    expect(trail.windowFullyCovered).toBe(false);
    expect(trail.events.every((e) => e.region === 'us-east-1')).toBe(true);
    expect(trail.eventsTotal).toBeGreaterThan(0);
  });

  it('answers within 20 KB at 10,000 desktops and across 5 accounts × 4 regions, each event once', {
    timeout: 120_000,
  }, async () => {
    for (const options of [TEN_THOUSAND, FIVE_ACCOUNTS_FOUR_REGIONS]) {
      const host = await createTestHost({
        plugins: [audit],
        estate: sharedEstate(options),
        pacing: fakeClock(),
      });
      const progress: number[] = [];
      const result = await host.invoke(
        'get_euc_audit_trail',
        { lookbackDays: 30 },
        { progress: (done) => progress.push(done) },
      );
      if (!result.ok) throw new Error(result.text);
      const trail = result.structured as Trail;
      expect(trail.eventsTotal).toBeGreaterThan(trail.events.length);
      expect(trail.events).toHaveLength(10);
      expect(new Set(trail.events.map((e) => e.eventId)).size).toBe(10);
      expect(sentBytes(trail)).toBeLessThanOrEqual(ANSWER_BUDGET);
      expect(progress).toHaveLength(trail.scopes.length);
    }
  });
});
