import { describe, expect, it } from 'vitest';
import { always, estateHost, type FakeDesktop } from '../__tests__/estate.js';
import { plugin } from '../index.js';

const NOW = new Date('2025-03-17T10:30:00Z');
const desk = (id: string, computeType: string): FakeDesktop => ({
  WorkspaceId: id,
  State: 'AVAILABLE',
  WorkspaceProperties: { RunningMode: 'ALWAYS_ON', ComputeTypeName: computeType },
});
const firstTenHours = (value: number) => (t: Date) =>
  t.getTime() >= Date.parse('2025-03-17T00:00:00Z') ? value : undefined;

const estate = {
  desktops: [
    desk('ws-big', 'POWER'),
    desk('ws-hot', 'STANDARD'),
    desk('ws-gpu', 'GRAPHICS_G6_2XLARGE'),
    desk('ws-new', 'POWER'),
    desk('ws-fail', 'POWER'),
  ],
  metrics: {
    'ws-big': { CPUUsage: always(20), MemoryUsage: always(30) },
    'ws-hot': { CPUUsage: always(40), MemoryUsage: always(96) },
    'ws-gpu': { CPUUsage: always(5), MemoryUsage: always(5) },
    // 17 Mar 00:00-09:00: 10 hourly datapoints, fewer than the 24 required.
    'ws-new': { CPUUsage: firstTenHours(5), MemoryUsage: firstTenHours(5) },
  },
  metricStatus: { 'ws-fail': 'Forbidden' },
};

describe('recommend_bundle_rightsizing', () => {
  it('recommends one step per desktop, skips GPU desktops without GPU data and enforces minimum datapoints', async () => {
    const { host, count } = await estateHost(plugin, estate, { now: NOW });
    const result = await host.invoke('recommend_bundle_rightsizing', {
      actions: ['upsize', 'downsize', 'unknown', 'skipped', 'keep'],
    });
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as {
      counts: Record<string, number>;
      recommendations: {
        workspaceId: string;
        action: string;
        targetComputeType?: string;
        confidence?: string;
      }[];
      errors: { code: string }[];
      metricRequests: number;
    };
    const byId = Object.fromEntries(out.recommendations.map((r) => [r.workspaceId, r]));
    expect(byId['ws-big']).toMatchObject({ action: 'downsize', targetComputeType: 'PERFORMANCE' });
    expect(byId['ws-hot']).toMatchObject({
      action: 'upsize',
      targetComputeType: 'PERFORMANCE',
      confidence: 'high',
    });
    expect(byId['ws-gpu']?.action).toBe('skipped');
    expect(byId['ws-new']?.action).toBe('unknown');
    expect(byId['ws-fail']?.action).toBe('unknown');
    expect(out.counts).toEqual({ upsize: 1, downsize: 1, unknown: 2, skipped: 1, keep: 0 });
    // One entry per metric that failed (CPUUsage and MemoryUsage), not one per desktop.
    expect(out.errors).toEqual([
      expect.objectContaining({
        code: 'Forbidden',
        message: expect.stringContaining('CPUUsage unavailable for 1'),
      }),
      expect.objectContaining({
        code: 'Forbidden',
        message: expect.stringContaining('MemoryUsage unavailable for 1'),
      }),
    ]);
    // CPU and memory for 5 desktops (one request each) + GPU for the one graphics desktop.
    expect(count('GetMetricData')).toBe(3);
    expect(out.metricRequests).toBe(3);
  });

  it('lists only step-ups and step-downs by default, step-ups first', async () => {
    const { host } = await estateHost(plugin, estate, { now: NOW });
    const result = await host.invoke('recommend_bundle_rightsizing', {});
    if (!result.ok) throw new Error(result.text);
    const out = result.structured as { recommendations: { workspaceId: string }[]; totalListed: number };
    expect(out.recommendations.map((r) => r.workspaceId)).toEqual(['ws-hot', 'ws-big']);
    expect(out.totalListed).toBe(2);
  });
});
