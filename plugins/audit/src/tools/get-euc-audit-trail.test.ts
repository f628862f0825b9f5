import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { createTestHost, fakeClock, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { sharedEstate } from '../__tests__/estate.js';
import audit from '../index.js';
import type { getEucAuditTrail } from './get-euc-audit-trail.js';

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
  it('lists last week’s EUC changes, flagging the termination, the rebuild and the refused termination', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', {});
    expect(trail.mode).toBe('mutations');
    expect(trail.windowFullyCovered).toBe(true);
    expect(trail.events.every((e) => !e.readOnly)).toBe(true);
    expect(new Set(trail.events.map((e) => e.service)).size).toBeGreaterThan(0);
    expect(
      trail.events.every((e) => ['workspaces', 'applications', 'secure-browser', 'core'].includes(e.service)),
    ).toBe(true);
    const flagged = trail.flagged.map((e) => `${e.eventName}:${e.accessDenied ? 'denied' : e.impact}`);
    expect(flagged).toContain('TerminateWorkspaces:data-loss');
    expect(flagged).toContain('TerminateWorkspaces:denied');
    expect(flagged).toContain('RebuildWorkspaces:data-loss');
    const bob = trail.byUser.find((u) => u.username === 'bob.helpdesk@example.com');
    expect(bob?.accessDenied).toBeGreaterThanOrEqual(1);
    expect(trail.summary).toContain('The whole window was read');
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
      expect(scope.coveredFrom > trail.window.start).toBe(true);
    }
    expect(trail.summary).toContain('PARTIAL');
  });

  it('follows one person with a Username lookup, e.g. the root user over 90 days', async () => {
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const trail = await invokeOk<Trail>(host, 'get_euc_audit_trail', { lookbackDays: 90, username: 'root' });
    expect(trail.mode).toBe('username');
    expect(trail.events.length).toBeGreaterThan(0);
    expect(trail.events.every((e) => e.username === 'root' && e.identityType === 'Root')).toBe(true);
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
});
