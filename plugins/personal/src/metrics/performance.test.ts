import { describe, expect, it } from 'vitest';
import { byPressure, type PerformanceSample, pressureOf } from './performance.js';

const empty: PerformanceSample = {
  cpuAvg: null,
  cpuMax: null,
  memoryAvg: null,
  memoryMax: null,
  rootDiskMax: null,
  userDiskMax: null,
  gpuAvg: null,
  gpuMax: null,
  latencyMs: null,
  packetLossPct: null,
  uptimeSeconds: null,
};

describe('pressureOf', () => {
  it('scores the worst of CPU, memory, GPU averages and disk peaks; null without data', () => {
    expect(pressureOf(empty)).toEqual({ score: null, signals: [] });
    expect(pressureOf({ ...empty, cpuAvg: 35, memoryAvg: 62, rootDiskMax: 71, cpuMax: 100 }).score).toBe(71);
  });

  it('names each signal at its threshold and not below', () => {
    const below = {
      ...empty,
      cpuAvg: 79.9,
      memoryAvg: 79,
      gpuAvg: 79,
      rootDiskMax: 89,
      userDiskMax: 89,
      latencyMs: 249,
      packetLossPct: 4.9,
    };
    expect(pressureOf(below).signals).toEqual([]);
    const at = {
      ...empty,
      cpuAvg: 80,
      memoryAvg: 80,
      gpuAvg: 80,
      rootDiskMax: 90,
      userDiskMax: 95,
      latencyMs: 250,
      packetLossPct: 5,
    };
    expect(pressureOf(at).signals).toEqual([
      'CPU 80% average',
      'memory 80% average',
      'GPU 80% average',
      'root volume 90% full',
      'user volume 95% full',
      'latency 250 ms',
      'UDP packet loss 5.0%',
    ]);
  });

  it('sorts highest score first, signals breaking ties, no data last', () => {
    const rows = [
      { id: 'none', pressure: { score: null, signals: [] } },
      { id: 'calm', pressure: { score: 50, signals: [] } },
      { id: 'laggy', pressure: { score: 50, signals: ['latency 300 ms'] } },
      { id: 'hot', pressure: { score: 95, signals: ['CPU 95% average'] } },
    ];
    expect(rows.sort(byPressure).map((r) => r.id)).toEqual(['hot', 'laggy', 'calm', 'none']);
  });
});
