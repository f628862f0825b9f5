import { describe, expect, it } from 'vitest';
import { parseEstateShape } from './measure.js';
import { duration, estateSection, shapeTitle } from './report.js';

const call = {
  ok: true,
  simulatedMs: 12_400,
  calls: 30,
  floor: 24,
  throttled: 3,
  otherErrors: 0,
  mcpBytes: 18_500,
  peakHeapMiB: 120.4,
  livePeakHeapMiB: 61.2,
  retainedHeapMiB: 2.25,
  overFloor: [{ action: 'cloudwatch:GetMetricData', calls: 12, floor: 6, errors: 0 }],
};

describe('benchmark report', () => {
  it('reads an estate as accounts x regions x desktops per account-region', () => {
    expect(parseEstateShape('5x4x2500')).toEqual({ accounts: 5, regions: 4, desktopsPer: 2500 });
    expect(shapeTitle(parseEstateShape('1x1x10000'))).toBe('1 account × 1 region × 10,000 desktops');
    expect(() => parseEstateShape('9x1x10')).toThrow(/1-5 accounts/);
    expect(() => parseEstateShape('10000')).toThrow();
  });

  it('rows a tool with its ratio, both calls and the actions above their floor; an unregistered tool says so', () => {
    const section = estateSection({
      shape: { accounts: 1, regions: 1, desktopsPer: 100 },
      desktops: 100,
      estateHeapMiB: 40,
      generationMs: 900,
      wallClockMs: 61_000,
      brokenPlugins: [],
      tools: [
        {
          tool: 'generate_euc_health_report',
          registered: true,
          first: call,
          repeat: { ...call, calls: 0, simulatedMs: 0 },
          wallClockMs: 5_000,
          simulatorKeptMiB: 11,
        },
        { tool: 'find_workspaces', registered: false },
      ],
    });
    expect(section).toContain(
      '| `generate_euc_health_report` | ok | 30 / 24 | 1.25 | 3 | 12 s | 0 | 0.0 s | 50 MiB | 11 MiB | 120 MiB | 2.3 MiB | 18,500 | 5.0 s |',
    );
    expect(section).toContain('- `generate_euc_health_report`: cloudwatch:GetMetricData 12 / 6');
    expect(section).toContain('| `find_workspaces` | not registered |');
    expect(duration(61_000)).toBe('61 s');
    expect(duration(754_000)).toBe('12 min 34 s');
  });
});
