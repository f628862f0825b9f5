import { describe, expect, it } from 'vitest';
import { judgeRightsizing, type PeakStats, peakStats } from './rightsizing.js';

const s = (p95: number, peak = p95, datapoints = 336): PeakStats => ({ p95, peak, datapoints });

describe('peakStats', () => {
  it('takes the nearest-rank 95th percentile of hourly maxima and the maximum', () => {
    // 1..100: rank ceil(0.95 × 100) = 95 → the value 95.
    expect(peakStats(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({
      p95: 95,
      peak: 100,
      datapoints: 100,
    });
    expect(peakStats([])).toBeUndefined();
  });

  it('one spike among 24 hours does not move the p95', () => {
    // 23 hours at 10% and one at 100%: rank ceil(0.95 × 24) = 23 → the 23rd value, 10.
    expect(peakStats([...Array<number>(23).fill(10), 100])?.p95).toBe(10);
  });
});

describe('judgeRightsizing', () => {
  it('steps POWER down to PERFORMANCE when the halved size keeps headroom', () => {
    // POWER 4 vCPU/16 GiB → PERFORMANCE 2/8: CPU 20 × 4/2 = 40%, memory 30 × 16/8 = 60%, peak 40 × 2 = 80%.
    const verdict = judgeRightsizing({ computeType: 'POWER', cpu: s(20), memory: s(30, 40) });
    expect(verdict).toMatchObject({
      action: 'downsize',
      targetComputeType: 'PERFORMANCE',
      confidence: 'medium',
    });
  });

  it('keeps POWER when the smaller size would run memory at 80% (p95 40 × 2)', () => {
    expect(judgeRightsizing({ computeType: 'POWER', cpu: s(20), memory: s(40) }).action).toBe('keep');
  });

  it('keeps POWER when the memory peak would page (45 × 2 = 90% is the limit, 46 × 2 = 92%)', () => {
    expect(judgeRightsizing({ computeType: 'POWER', cpu: s(10), memory: s(30, 45) }).action).toBe('downsize');
    expect(judgeRightsizing({ computeType: 'POWER', cpu: s(10), memory: s(30, 46) }).action).toBe('keep');
  });

  it('steps PERFORMANCE down to STANDARD on memory alone (same 2 vCPU, 8 → 4 GiB)', () => {
    // CPU stays 50%; memory 30 × 8/4 = 60%; peak 44 × 2 = 88%.
    const verdict = judgeRightsizing({ computeType: 'PERFORMANCE', cpu: s(50), memory: s(30, 44) });
    expect(verdict).toMatchObject({ action: 'downsize', targetComputeType: 'STANDARD' });
  });

  it('steps up on sustained pressure, high confidence from 95%', () => {
    expect(judgeRightsizing({ computeType: 'STANDARD', cpu: s(30), memory: s(90) })).toMatchObject({
      action: 'upsize',
      targetComputeType: 'PERFORMANCE',
      confidence: 'medium',
    });
    expect(judgeRightsizing({ computeType: 'STANDARD', cpu: s(96), memory: s(50) }).confidence).toBe('high');
  });

  it('keeps the largest and the smallest of a family', () => {
    expect(
      judgeRightsizing({ computeType: 'GENERALPURPOSE_8XLARGE', cpu: s(90), memory: s(50) }).action,
    ).toBe('keep');
    expect(judgeRightsizing({ computeType: 'VALUE', cpu: s(5), memory: s(10) }).action).toBe('keep');
  });

  it('enforces the minimum datapoints', () => {
    const verdict = judgeRightsizing({ computeType: 'POWER', cpu: s(5, 5, 10), memory: s(5, 5, 10) });
    expect(verdict.action).toBe('unknown');
    expect(verdict.reason).toContain('10 hourly CPUUsage datapoints (need 24)');
  });

  it('skips a graphics bundle without GPU data, with the reason', () => {
    const verdict = judgeRightsizing({ computeType: 'GRAPHICS_G6_2XLARGE', cpu: s(5), memory: s(5) });
    expect(verdict.action).toBe('skipped');
    expect(verdict.reason).toContain('GPUUsage');
  });

  it('sizes a graphics bundle within its family when GPU data exists', () => {
    // G6 2xlarge 8 vCPU/32 GiB → xlarge 4/16, same whole GPU: CPU 40%, memory 60%, peak 80%, GPU 30%.
    const verdict = judgeRightsizing({
      computeType: 'GRAPHICS_G6_2XLARGE',
      cpu: s(20),
      memory: s(30, 40),
      gpu: s(30),
    });
    expect(verdict).toMatchObject({ action: 'downsize', targetComputeType: 'GRAPHICS_G6_XLARGE' });
    // GPU load decides an upsize too.
    expect(
      judgeRightsizing({ computeType: 'GRAPHICS_G4DN', cpu: s(20), memory: s(20), gpu: s(90) }),
    ).toMatchObject({ action: 'upsize', targetComputeType: 'GRAPHICSPRO_G4DN' });
  });

  it('skips retired and unknown compute types', () => {
    expect(judgeRightsizing({ computeType: 'GRAPHICS', cpu: s(5), memory: s(5), gpu: s(5) }).action).toBe(
      'skipped',
    );
    expect(judgeRightsizing({ computeType: undefined, cpu: s(5), memory: s(5) }).action).toBe('skipped');
  });
});
