import type { ToolOutput } from '@workspaces-euc-mcp/host';
import { ANSWER_BUDGET, answerBytes, createTestHost, invokeOk } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { always, editedEstate, hourlyMetrics } from '../__tests__/sim.js';
import { plugin } from '../index.js';
import type { recommendBundleRightsizing } from './recommend-bundle-rightsizing.js';

// The estate's now is 2026-11-16 12:00 UTC.
const firstTenHours = (value: number) => (t: Date) =>
  t.getTime() >= Date.parse('2026-11-16T02:00:00Z') ? value : undefined;

function estate() {
  const e = editedEstate([
    { id: 'ws-big', computeType: 'POWER' },
    { id: 'ws-hot', computeType: 'STANDARD' },
    { id: 'ws-gpu', computeType: 'GRAPHICS_G6_2XLARGE' },
    { id: 'ws-new', computeType: 'POWER' },
  ]);
  e.metricOverride = hourlyMetrics({
    'ws-big': { CPUUsage: always(20), MemoryUsage: always(30) },
    'ws-hot': { CPUUsage: always(40), MemoryUsage: always(96) },
    'ws-gpu': { CPUUsage: always(5), MemoryUsage: always(5) },
    // 16 Nov 02:00-11:00: 10 hourly datapoints, fewer than the 24 required.
    'ws-new': { CPUUsage: firstTenHours(5), MemoryUsage: firstTenHours(5) },
  });
  return e;
}

type Out = ToolOutput<typeof recommendBundleRightsizing>;

describe('recommend_bundle_rightsizing', () => {
  it('recommends one step per desktop, skips GPU desktops without GPU data and enforces minimum datapoints', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const out = await invokeOk<Out>(host, 'recommend_bundle_rightsizing', {
      actions: ['upsize', 'downsize', 'unknown', 'skipped', 'keep'],
    });
    const byId = Object.fromEntries(out.recommendations.map((r) => [r.workspaceId, r]));
    // Priced at us-east-1 list prices, AlwaysOn kept (no UserConnected data to judge the mode):
    // with Root 175 / User 100: POWER $78 → PERFORMANCE $59.75 ($50 + 95 GB × $0.05 + 50 GB × $0.10)
    // saves $18.25; STANDARD $44.75 → PERFORMANCE $59.75 costs $15 more.
    expect(byId['ws-big']).toMatchObject({
      action: 'downsize',
      targetComputeType: 'PERFORMANCE',
      targetMode: 'ALWAYS_ON',
      monthlySavingUsd: 18.25,
    });
    expect(byId['ws-hot']).toMatchObject({
      action: 'upsize',
      targetComputeType: 'PERFORMANCE',
      confidence: 'high',
      monthlySavingUsd: -15,
    });
    expect(out.totalMonthlySavingUsd).toBe(18.25);
    expect(out.stepUpMonthlyCostUsd).toBe(15);
    expect(byId['ws-gpu']?.action).toBe('skipped');
    expect(byId['ws-new']?.action).toBe('unknown');
    expect(out.counts).toEqual({ upsize: 1, downsize: 1, unknown: 1, skipped: 1, keep: 0, superseded: 0 });
    // UserConnected (the cost plan's usage), CPU and memory for 4 desktops (one request each),
    // GPU for the one graphics desktop, and the never-connected desktops' Available and Stopped.
    expect(host.simulator.countsByAction()['cloudwatch:GetMetricData']).toBe(6);
    expect(out.metricRequests).toBe(4);
    expect(byId['ws-gpu']?.reason).toBeDefined();
    expect(byId['ws-hot']?.reason).toBeUndefined();
  });

  it('lists only step-ups and step-downs by default, step-ups first', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: estate() });
    const out = await invokeOk<Out>(host, 'recommend_bundle_rightsizing', {});
    expect(out.recommendations.map((r) => r.workspaceId)).toEqual(['ws-hot', 'ws-big']);
    expect(out.totalListed).toBe(2);
  });

  it('judges a failed metric read unknown, one error entry per metric rather than per desktop', async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: estate(),
      simulator: { faults: [{ operation: 'GetMetricData', code: 'AccessDeniedException' }] },
    });
    const out = await invokeOk<Out>(host, 'recommend_bundle_rightsizing', { actions: ['unknown'] });
    expect(out.counts).toMatchObject({ upsize: 0, downsize: 0, unknown: 4, skipped: 0 });
    const metrics = out.errors.map((e) => e.message.split(' ')[0]);
    expect(metrics.filter((m) => m?.endsWith('Usage')).sort()).toEqual([
      'CPUUsage',
      'GPUUsage',
      'MemoryUsage',
    ]);
    expect(new Set(metrics).size).toBe(metrics.length);
  });

  it('sizes a generated estate from its load profiles: heavy users step up, light users step down', {
    timeout: 60_000,
  }, async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 200 } });
    const out = await invokeOk<Out>(host, 'recommend_bundle_rightsizing', { limit: 200 });
    // An UNHEALTHY desktop runs hot in the simulator whatever its user does: judged on its own.
    const load = new Map(
      host.simulator.estate.personal.desktops.map((d) => [
        d.workspace.WorkspaceId,
        d.workspace.State === 'UNHEALTHY' ? 'heavy' : d.load,
      ]),
    );
    const up = out.recommendations.filter((r) => r.action === 'upsize');
    const down = out.recommendations.filter((r) => r.action === 'downsize');
    expect(up.length).toBeGreaterThan(0);
    expect(down.length).toBeGreaterThan(0);
    expect(up.every((r) => ['heavy', 'spiky'].includes(load.get(r.workspaceId) ?? ''))).toBe(true);
    expect(down.every((r) => ['light', 'typical'].includes(load.get(r.workspaceId) ?? ''))).toBe(true);
  });

  it('at 10,000 desktops in two regions answers within the 20 KB budget, rows naming their region', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 42, desktops: 10_000 } });
    const out = await invokeOk<Out>(host, 'recommend_bundle_rightsizing', {});
    expect(out.byScope.map((s) => s.region).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(out.recommendations).toHaveLength(20);
    expect(out.recommendations[0]?.action).toBe('upsize');
    expect(out.summary).toContain('pass nextCursor');
    const bytes = answerBytes(out);
    expect(bytes).toBeLessThanOrEqual(ANSWER_BUDGET);
    console.info(`rightsizing at 10k: ${JSON.stringify(host.simulator.countsByAction())}, ${bytes} bytes`);
  }, 600_000);
});
