import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  invokeOk,
  type SimulatorOptions,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../__tests__/demo.js';
import {
  always,
  type DesktopSpec,
  editedEstate,
  hourlyMetrics,
  onlyWhileRunning,
  workingHours,
} from '../__tests__/sim.js';
import { plugin } from '../index.js';
import type { recommendRunningMode } from './recommend-running-mode.js';

// The simulator's us-east-1 list prices for POWER, Windows Server (licence included), Root 175 /
// User 100: AlwaysOn $78, AutoStop $19 + $0.68/h → break-even 86.8 h (±10 % band: 78.1-95.4 h).
// BYOL (Windows 10/11): AlwaysOn $75.50, AutoStop $19 + $0.65/h.
// The window is 2 Nov 12:00 → 16 Nov 12:00 (336 h); AutoStop hours are projected × 730 / 336, + 1
// maintenance hour.
type Out = ToolOutput<typeof recommendRunningMode>;

const SPECS: DesktopSpec[] = [
  { id: 'ws-unused', mode: 'ALWAYS_ON' },
  { id: 'ws-light', mode: 'ALWAYS_ON' },
  { id: 'ws-heavy', mode: 'AUTO_STOP' },
  { id: 'ws-coin', mode: 'ALWAYS_ON' },
  { id: 'ws-byol', mode: 'ALWAYS_ON', os: 'WINDOWS_11' },
  { id: 'ws-optout', mode: 'ALWAYS_ON', tags: [{ Key: 'skip_convert', Value: '' }] },
  { id: 'ws-custom', mode: 'ALWAYS_ON', user: 77 },
];

function estate(region = 'us-east-1') {
  const e = editedEstate(SPECS, { regions: [region] });
  e.metricOverride = hourlyMetrics({
    'ws-unused': { UserConnected: always(0) },
    // Mon and Wed 09-13 + 1 h tail: 2 Nov 12-13 (1+1) + 4, 9, 11 Nov (5 each) + 16 Nov 09-12 (3) = 20 h.
    'ws-light': { UserConnected: workingHours([1, 3], 9, 13) },
    // Weekdays 09-17 + tail: 2 Nov 12-17 (5+1) + 3-6 Nov (4 × 9) + 9-13 Nov (5 × 9) + 16 Nov (3) = 90 h.
    'ws-heavy': { UserConnected: onlyWhileRunning(workingHours([1, 2, 3, 4, 5], 9, 17)) },
    // Weekdays 09-12 + tail: 3-6 Nov (4 × 4) + 9-13 Nov (5 × 4) + 16 Nov (3) = 39 h → 85.7 h/month.
    'ws-coin': { UserConnected: workingHours([1, 2, 3, 4, 5], 9, 12) },
    'ws-byol': { UserConnected: always(0) },
    'ws-optout': { UserConnected: always(0) },
    'ws-custom': { UserConnected: always(0) },
  });
  return e;
}

async function advise(e = estate(), simulator: SimulatorOptions = {}) {
  const host = await createTestHost({ plugins: [plugin], estate: e, simulator });
  const out = await invokeOk<Out>(host, 'recommend_running_mode', {
    decisions: [
      'switch-to-auto-stop',
      'switch-to-always-on',
      'keep',
      'coin-flip',
      'opted-out',
      'unpriced',
      'unknown',
    ],
  });
  const row = (id: string) => {
    const found = out.recommendations.find((r) => r.workspaceId === id);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  };
  return { out, row, host };
}

describe('recommend_running_mode on the simulated Price List', () => {
  it('moves an unused AlwaysOn desktop to AutoStop: $78 − ($19 + 1 h × $0.68) = $58.32/month', async () => {
    const { row } = await advise();
    expect(row('ws-unused')).toMatchObject({
      region: 'us-east-1',
      decision: 'switch-to-auto-stop',
      alwaysOnUsd: 78,
      autoStopUsd: 19.68,
      monthlySavingUsd: 58.32,
      breakEvenHours: 86.8,
      switchWhen: 'before-month-end',
    });
  });

  it('projects a part-time user: 20 billable h → 44.5 h/month → AutoStop $49.23, saving $28.77', async () => {
    const { row } = await advise();
    expect(row('ws-light')).toMatchObject({
      decision: 'switch-to-auto-stop',
      hoursPerMonth: 44.5,
      autoStopUsd: 49.23,
      monthlySavingUsd: 28.77,
    });
  });

  it('moves a heavy AutoStop user to AlwaysOn at once: 90 h → 196.5 h/month, AutoStop $152.64 vs $78', async () => {
    const { row } = await advise();
    expect(row('ws-heavy')).toMatchObject({
      decision: 'switch-to-always-on',
      hoursPerMonth: 196.5,
      autoStopUsd: 152.64,
      monthlySavingUsd: 74.64,
      switchWhen: 'now',
    });
    expect(row('ws-heavy').thisMonthUsd).toBeGreaterThan(0);
  });

  it('keeps the current mode inside the coin-flip band around the break-even', async () => {
    const { row } = await advise();
    expect(row('ws-coin')).toMatchObject({
      decision: 'coin-flip',
      monthlySavingUsd: 0,
      hoursPerMonth: 85.7,
    });
  });

  it('prices Windows 11 as BYOL on its own SKUs', async () => {
    const { row } = await advise();
    expect(row('ws-byol')).toMatchObject({
      licence: 'BYOL Windows',
      alwaysOnUsd: 75.5,
      autoStopUsd: 19.65,
      monthlySavingUsd: 55.85,
    });
  });

  it('honours the Skip_Convert tag (any case) and prices custom volumes from a listed pairing plus per-GB storage', async () => {
    const { row, out } = await advise();
    expect(row('ws-optout').decision).toBe('opted-out');
    // Root 175 / User 77 is not a listed pairing. The closest at or below it is Root 80 / User 50
    // (AlwaysOn $68.25, AutoStop $9.25): + 95 GB root × $0.05 + 27 GB user × $0.10 = $7.45 →
    // AlwaysOn $75.70, AutoStop $16.70 + $0.68 × 1 h = $17.38, saving $58.32.
    expect(row('ws-custom')).toMatchObject({
      decision: 'switch-to-auto-stop',
      alwaysOnUsd: 75.7,
      autoStopUsd: 17.38,
      monthlySavingUsd: 58.32,
    });
    expect(out.unmatchedConfigurations).toEqual([]);
    expect(out.totalMonthlySavingUsd).toBe(275.9);
  });

  it('on the demo estate leaves no desktop unpriced for its volume sizes', { timeout: 60_000 }, async () => {
    const host = await createTestHost({ plugins: [plugin], estate: DEMO });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', { decisions: ['unpriced'], limit: 200 });
    // Only bundles with no priced storage pairing at all (retired) may stay unpriced; a custom
    // volume pairing of a sold bundle is priced.
    expect(out.unmatchedConfigurations.filter((u) => u.pricedStorage.length > 0).map((u) => u.why)).toEqual(
      [],
    );
    expect(out.recommendations.filter((r) => /not priced with/.test(r.reason ?? ''))).toEqual([]);
    expect(out.counts['switch-to-auto-stop']).toBeGreaterThan(0);
  });

  it('prices a region outside any short list through the regionCode filter (af-south-1)', async () => {
    const { row, out, host } = await advise(estate('af-south-1'));
    // af-south-1 is 1.28 × us-east-1: AlwaysOn $99.75, AutoStop $24.25 + $0.87/h.
    expect(row('ws-unused')).toMatchObject({
      region: 'af-south-1',
      alwaysOnUsd: 99.75,
      autoStopUsd: 25.12,
      monthlySavingUsd: 74.63,
    });
    expect(out.errors).toEqual([]);
    // The Price List client is in us-east-1 whatever the desktops' region.
    expect(
      host.requests
        .filter((request) => request.action === 'pricing:GetProducts')
        .every((request) => request.region === 'us-east-1'),
    ).toBe(true);
  });

  it('reports desktops as unpriced, with the error, when the Price List refuses', async () => {
    const { out } = await advise(estate(), {
      faults: [{ service: 'pricing', code: 'AccessDeniedException' }],
    });
    expect(out.counts.unpriced).toBe(7);
    expect(out.errors[0]).toMatchObject({ service: 'AWS Price List', code: 'AccessDeniedException' });
  });

  it('reuses the Price List answer across calls (cached six hours): the second call asks nothing', async () => {
    const { host } = await advise();
    const before = host.simulator.countsByAction()['pricing:GetProducts'] ?? 0;
    expect(before).toBeGreaterThan(0);
    await host.invoke('recommend_running_mode', {});
    expect(host.simulator.countsByAction()['pricing:GetProducts']).toBe(before);
  });

  it('states the switch timing once in the summary, not on every row', async () => {
    const { out } = await advise();
    expect(out.summary).toContain('to AUTO_STOP before 2026-12-01');
    expect(out.summary).toContain("'on-last-day' rows on 2026-11-30");
    for (const r of out.recommendations) expect(JSON.stringify(r)).not.toContain('renewal');
  });

  it('on the default two-region estate, the total is the sum of both regions’ totals', {
    timeout: 60_000,
  }, async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', {});
    expect(out.byScope.map((s) => s.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    for (const scope of out.byScope) {
      expect(scope.desktops).toBeGreaterThan(0);
      expect(scope.monthlySavingUsd).toBeGreaterThan(0);
    }
    const perRegion = out.byScope.reduce((sum, s) => sum + s.monthlySavingUsd, 0);
    expect(out.totalMonthlySavingUsd).toBeCloseTo(perRegion, 2);
    expect(out.totalMonthlySavingUsd).toBeCloseTo(out.savingToAutoStopUsd + out.savingToAlwaysOnUsd, 2);
    expect(new Set(out.recommendations.map((r) => r.region))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    // The same estate asked one region at a time adds up to the same total.
    const east = await invokeOk<Out>(host, 'recommend_running_mode', { regions: ['us-east-1'] });
    const west = await invokeOk<Out>(host, 'recommend_running_mode', { regions: ['eu-west-1'] });
    expect(east.totalMonthlySavingUsd + west.totalMonthlySavingUsd).toBeCloseTo(out.totalMonthlySavingUsd, 2);
  });

  it('answers for the regions that work when one region fails, naming the failed one in errors', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 42, desktops: 200 },
      simulator: {
        faults: [{ operation: 'DescribeWorkspaces', region: 'eu-west-1', code: 'AccessDeniedException' }],
      },
    });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', {});
    expect(out.byScope.map((s) => s.region)).toEqual(['us-east-1']);
    expect(out.totalMonthlySavingUsd).toBeGreaterThan(0);
    expect(out.errors).toEqual([
      expect.objectContaining({
        region: 'eu-west-1',
        code: 'AccessDeniedException',
        service: 'WorkSpaces Personal',
      }),
    ]);
  });

  it('names the account on rows only when the answer spans several accounts', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 42, desktops: 120, accounts: ['111122223333', '444455556666'], regions: ['us-east-1'] },
    });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', {});
    expect(out.byScope.map((s) => s.account).sort()).toEqual(['111122223333', '444455556666']);
    expect(out.recommendations.every((r) => r.account !== undefined)).toBe(true);
    const one = await invokeOk<Out>(host, 'recommend_running_mode', { accounts: ['444455556666'] });
    expect(one.recommendations.every((r) => r.account === undefined)).toBe(true);
  });

  it('reads the tags in one GetResources scan per scope, kept across pages, again with fresh', async () => {
    const { host, out } = await advise();
    const counts = () => host.simulator.countsByAction();
    const scans = () => counts()['tag:GetResources'] ?? 0;
    // Seven desktops in one scope: one page, whatever the number of switch candidates.
    expect(scans()).toBe(1);
    expect(counts()['workspaces:DescribeTags']).toBeUndefined();
    // Every candidate is checked: ws-optout's key is 'skip_convert', honoured without case.
    expect(out.recommendations.find((r) => r.workspaceId === 'ws-optout')).toMatchObject({
      decision: 'opted-out',
      skipConvert: 'opted-out',
    });
    await host.invoke('recommend_running_mode', { limit: 1 });
    expect(scans()).toBe(1);
    const fresh = await invokeOk<Out>(host, 'recommend_running_mode', { fresh: true, limit: 2 });
    expect(scans()).toBe(2);
    // A cursor from a fresh call pages the same list without rescanning.
    const next = await invokeOk<Out>(host, 'recommend_running_mode', { limit: 2, cursor: fresh.nextCursor });
    expect(next.offset).toBe(2);
    expect(scans()).toBe(2);
  });

  it('at 10,000 desktops in two regions answers within the 20 KB budget with the fewest requests', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 10_000 } });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', {});
    const counts = host.simulator.countsByAction();
    const perRegion = ['us-east-1', 'eu-west-1'].map(
      (region) => host.simulator.estate.personal.desktops.filter((d) => d.region === region).length,
    );
    expect(counts['workspaces:DescribeWorkspaces']).toBe(
      perRegion.reduce((n, d) => n + Math.ceil(d / 25), 0),
    );
    // The cost plan reads UserConnected, CPUUsage and MemoryUsage of every desktop (GPUUsage of the
    // graphics ones), 500 series a request; NextToken pages only for dense series; the
    // never-connected desktops' Available and Stopped series are the rest.
    const floor = perRegion.reduce((n, d) => n + 3 * Math.ceil(d / 500), 0);
    expect(out.requests.metricRequests).toBeGreaterThanOrEqual(floor);
    expect(out.requests.metricRequests).toBeLessThanOrEqual(floor + perRegion.length);
    expect(counts['cloudwatch:GetMetricData']).toBeGreaterThanOrEqual(out.requests.metricRequests);
    expect(counts['cloudwatch:GetMetricData']).toBeLessThanOrEqual(2 * out.requests.metricRequests + 4);
    // At most three licence models per region, and the per-GB storage SKUs where volumes are custom.
    expect(out.requests.priceListQueries).toBeLessThanOrEqual(8);
    // Skip_Convert of every switch candidate, from one tag scan per region: 100 tagged desktops a
    // page (every generated desktop has a CostCenter tag), no DescribeTags.
    const tagged = ['us-east-1', 'eu-west-1'].map(
      (region) =>
        host.simulator.estate.personal.desktops.filter((d) => d.region === region && d.tags.length > 0)
          .length,
    );
    expect(counts['tag:GetResources']).toBe(tagged.reduce((n, t) => n + Math.ceil(t / 100), 0));
    expect(counts['workspaces:DescribeTags']).toBeUndefined();
    expect(out.requests.tagChecks).toBeGreaterThan(200);
    expect(out.counts['opted-out']).toBeGreaterThan(0);
    expect(out.plan.unconfirmedMonthlySavingUsd).toBe(0);
    expect(out.recommendations).toHaveLength(10);
    expect(out.nextCursor).toBeDefined();
    expect(out.summary).toContain('pass nextCursor');
    expect(out.totalMonthlySavingUsd).toBeGreaterThan(0);
    const bytes = answerBytes(out);
    expect(bytes).toBeLessThanOrEqual(ANSWER_BUDGET);
    console.info(`running mode at 10k: ${JSON.stringify(counts)}, ${bytes} bytes, ${out.summary}`);
  }, 600_000);
});

describe('recommend_running_mode edge cases (issue #15 point 6)', () => {
  function edgeEstate(maintenance: boolean) {
    const e = editedEstate([
      { id: 'ws-restoring', mode: 'ALWAYS_ON', state: 'RESTORING' },
      { id: 'ws-glued', mode: 'AUTO_STOP' },
      { id: 'ws-unused', mode: 'ALWAYS_ON' },
      { id: 'ws-light', mode: 'ALWAYS_ON' },
    ]);
    for (const d of e.personal.directories) {
      const props = d.directory.WorkspaceCreationProperties;
      if (props) props.EnableMaintenanceMode = maintenance;
    }
    e.metricOverride = hourlyMetrics({
      'ws-restoring': { UserConnected: always(0) },
      // Connected every hour of the 336-hour window: a client left running, or real round-the-clock use.
      'ws-glued': { UserConnected: always(1) },
      'ws-unused': { UserConnected: always(0) },
      'ws-light': { UserConnected: workingHours([1, 3], 9, 13) },
    });
    return e;
  }
  const every = [...['switch-to-auto-stop', 'switch-to-always-on', 'coin-flip', 'keep', 'opted-out']].concat([
    'unpriced',
    'unknown',
    'skipped',
    'check-client',
    'superseded',
  ]);

  it('shows each row’s state and skips a desktop whose state cannot be modified (RESTORING)', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: edgeEstate(true) });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', { decisions: every });
    const restoring = out.recommendations.find((r) => r.workspaceId === 'ws-restoring');
    expect(restoring).toMatchObject({ state: 'RESTORING', decision: 'skipped', monthlySavingUsd: 0 });
    expect(restoring?.reason).toContain('AVAILABLE or STOPPED');
    expect(out.recommendations.every((r) => typeof r.state === 'string')).toBe(true);
    const listed = await invokeOk<Out>(host, 'recommend_running_mode', {});
    expect(listed.recommendations.map((r) => r.workspaceId)).not.toContain('ws-restoring');
  });

  it('flags a desktop connected 336 of 336 hours as a possible client left running, not an AlwaysOn switch', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: edgeEstate(true) });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', { decisions: every });
    const glued = out.recommendations.find((r) => r.workspaceId === 'ws-glued');
    expect(glued?.decision).toBe('check-client');
    expect(glued?.reason).toContain('336 of 336');
    expect(out.counts['switch-to-always-on']).toBe(0);
    expect(out.savingToAlwaysOnUsd).toBe(0);
  });

  it('adds the monthly maintenance hour only where the directory’s maintenance mode is on', async () => {
    const on = await invokeOk<Out>(
      await createTestHost({ plugins: [plugin], estate: edgeEstate(true) }),
      'recommend_running_mode',
      {},
    );
    const off = await invokeOk<Out>(
      await createTestHost({ plugins: [plugin], estate: edgeEstate(false) }),
      'recommend_running_mode',
      {},
    );
    const unused = (out: Out) => out.recommendations.find((r) => r.workspaceId === 'ws-unused');
    // $78 − ($19 + 1 h × $0.68) with maintenance; $78 − $19 without.
    expect(unused(on)).toMatchObject({ hoursPerMonth: 1, monthlySavingUsd: 58.32 });
    expect(unused(off)).toMatchObject({ hoursPerMonth: 0, monthlySavingUsd: 59 });
  });

  it('reports a failed tag scan and skips its switches, their saving held back from the total', async () => {
    const fine = await invokeOk<Out>(
      await createTestHost({ plugins: [plugin], estate: edgeEstate(true) }),
      'recommend_running_mode',
      {},
    );
    const host = await createTestHost({
      plugins: [plugin],
      estate: edgeEstate(true),
      simulator: { faults: [{ operation: 'GetResources', code: 'AccessDeniedException' }] },
    });
    const out = await invokeOk<Out>(host, 'recommend_running_mode', { decisions: every });
    // ws-unused ($58.32) and ws-light ($28.77) would switch; their tags cannot be read.
    expect(fine.totalMonthlySavingUsd).toBe(87.09);
    expect(out.totalMonthlySavingUsd).toBe(0);
    expect(out.plan.unconfirmedMonthlySavingUsd).toBe(87.09);
    for (const id of ['ws-unused', 'ws-light'])
      expect(out.recommendations.find((r) => r.workspaceId === id)).toMatchObject({
        decision: 'skipped',
        skipConvert: 'lookup-failed',
      });
    expect(out.errors).toEqual([
      expect.objectContaining({
        code: 'AccessDeniedException',
        region: 'us-east-1',
        message: expect.stringContaining('2 switch candidate(s)'),
      }),
    ]);
    expect(out.summary).toContain('Partial: 1 error(s)');
  });
});
