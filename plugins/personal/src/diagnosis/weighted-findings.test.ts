import { describe, expect, it } from 'vitest';
import { rankFindings, statusOf, type WeightedFinding } from './weighted-findings.js';

const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('ranking and status', () => {
  const f = (id: string, severity: WeightedFinding['severity'], weight: number): WeightedFinding => ({
    id,
    severity,
    weight,
    title: id,
    detail: '',
  });

  it('ranks by severity, then by weight, keeping input order for ties', () => {
    const ranked = rankFindings([
      f('a', 'info', 99),
      f('b', 'warning', 10),
      f('c', 'critical', 50),
      f('d', 'critical', 90),
      f('e', 'warning', 10),
    ]);
    expect(ids(ranked)).toEqual(['d', 'c', 'b', 'e', 'a']);
    expect(ranked[0]).not.toHaveProperty('weight');
  });

  it('is unhealthy with any critical, degraded with any warning, healthy otherwise', () => {
    expect(statusOf([{ severity: 'info' }, { severity: 'critical' }])).toBe('unhealthy');
    expect(statusOf([{ severity: 'info' }, { severity: 'warning' }])).toBe('degraded');
    expect(statusOf([{ severity: 'info' }])).toBe('healthy');
    expect(statusOf([])).toBe('healthy');
  });
});
