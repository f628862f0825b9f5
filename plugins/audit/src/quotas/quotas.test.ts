import { describe, expect, it } from 'vitest';
import {
  mergeQuotas,
  type QuotaRow,
  quotaSeverity,
  rankQuotas,
  usageQuery,
  utilizationPct,
} from './quotas.js';

const row = (over: Partial<QuotaRow>): QuotaRow => ({
  region: 'us-east-1',
  serviceCode: 'workspaces',
  quotaCode: 'L-34278094',
  quotaName: 'WorkSpaces',
  limit: 100,
  usage: 50,
  utilizationPct: 50,
  adjustable: true,
  ...over,
});

describe('quota judgement', () => {
  it('computes utilization to one decimal, unknown without usage or with a zero limit', () => {
    expect(utilizationPct(120, 136)).toBe(88.2);
    expect(utilizationPct(null, 136)).toBeNull();
    expect(utilizationPct(3, 0)).toBeNull();
  });

  it('warns at the threshold and is critical at the limit', () => {
    expect(quotaSeverity(row({ usage: 79, utilizationPct: 79 }), 80)).toBeUndefined();
    expect(quotaSeverity(row({ usage: 80, utilizationPct: 80 }), 80)).toBe('warning');
    expect(quotaSeverity(row({ usage: 100, utilizationPct: 100 }), 80)).toBe('critical');
    expect(quotaSeverity(row({ usage: null, utilizationPct: null }), 80)).toBeUndefined();
  });

  it('fills in quotas that only have a default value, applied values winning', () => {
    const merged = mergeQuotas(
      [{ QuotaCode: 'L-1', Value: 200 }],
      [
        { QuotaCode: 'L-1', Value: 1 },
        { QuotaCode: 'L-2', Value: 5 },
      ],
    );
    expect(merged.map((m) => [m.quota.QuotaCode, m.quota.Value, m.valueSource])).toEqual([
      ['L-1', 200, 'applied'],
      ['L-2', 5, 'default'],
    ]);
  });

  it('reads usage with the statistic Service Quotas recommends, and needs a usage metric', () => {
    const query = usageQuery(
      'q0',
      {
        UsageMetric: {
          MetricNamespace: 'AWS/Usage',
          MetricName: 'ResourceCount',
          MetricDimensions: { Service: 'WorkSpaces', Type: 'Resource', Resource: 'WorkSpace', Class: 'None' },
          MetricStatisticRecommendation: 'Maximum',
        },
      },
      3600,
    );
    expect(query?.MetricStat?.Stat).toBe('Maximum');
    expect(query?.MetricStat?.Metric?.Dimensions).toHaveLength(4);
    expect(usageQuery('q1', { QuotaCode: 'L-8A6F32DC' }, 3600)).toBeUndefined();
  });

  it('ranks the most used first and quotas without usage last', () => {
    const ranked = rankQuotas([
      row({ quotaName: 'A', usage: null, utilizationPct: null }),
      row({ quotaName: 'B', utilizationPct: 20 }),
      row({ quotaName: 'C', utilizationPct: 90 }),
    ]);
    expect(ranked.map((r) => r.quotaName)).toEqual(['C', 'B', 'A']);
  });
});
