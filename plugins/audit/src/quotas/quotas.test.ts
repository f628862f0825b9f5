import { describe, expect, it } from 'vitest';
import {
  mergeQuotas,
  type QuotaRow,
  quotaFinding,
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
  valueSource: 'applied',
  usage: 50,
  utilizationPct: 50,
  adjustable: true,
  usageSource: 'usage-metric',
  ...over,
});

describe('quota judgement', () => {
  it('computes utilization to one decimal, unknown without usage or with a zero limit', () => {
    expect(utilizationPct(120, 136)).toBe(88.2);
    expect(utilizationPct(null, 136)).toBeNull();
    expect(utilizationPct(3, 0)).toBeNull();
  });

  it('warns at the threshold, is critical at the limit, and says when AWS will not raise it', () => {
    expect(quotaFinding(row({ usage: 79, utilizationPct: 79 }), 80)).toBeUndefined();
    expect(quotaFinding(row({ usage: 80, utilizationPct: 80 }), 80)).toMatchObject({
      severity: 'warning',
      action: expect.stringContaining('Request an increase'),
    });
    expect(quotaFinding(row({ usage: 100, utilizationPct: 100 }), 80)?.severity).toBe('critical');
    expect(
      quotaFinding(
        row({ quotaName: 'Directories', adjustable: false, usage: 45, limit: 50, utilizationPct: 90 }),
        80,
      )?.action,
    ).toMatch(/^NOT adjustable/);
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
