import { CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { awsError, fakeAws } from '../../test/fixtures/fake-aws.js';
import { createAwsAccess } from './context.js';
import { getMetricDataBatched, queriesPerRequest } from './metrics.js';

const DAY = 86_400_000;
const start = new Date('2026-11-01T00:00:00Z');

function queries(n: number): MetricDataQuery[] {
  return Array.from({ length: n }, (_, i) => ({
    Id: `q${i}`,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/WorkSpaces',
        MetricName: 'UserConnected',
        Dimensions: [{ Name: 'WorkspaceId', Value: `ws-${i}` }],
      },
      Period: 3600,
      Stat: 'Maximum',
    },
  }));
}

describe('GetMetricData batching', () => {
  it('sizes batches to the 500-query and 100,800-datapoint limits', () => {
    expect(queriesPerRequest({ start, end: new Date(start.getTime() + DAY), periodSeconds: 300 })).toBe(350);
    expect(queriesPerRequest({ start, end: new Date(start.getTime() + DAY), periodSeconds: 3600 })).toBe(500);
    expect(queriesPerRequest({ start, end: new Date(start.getTime() + 30 * DAY), periodSeconds: 3600 })).toBe(
      140,
    );
  });

  it('uses ceil(N / batch) requests, follows NextToken, and a failed request fails only its queries', async () => {
    let call = 0;
    const fake = fakeAws((request) => {
      call += 1;
      const batch = request.input.MetricDataQueries as MetricDataQuery[];
      if (batch.length > 500) throw awsError('ValidationError', 'too many queries');
      if (call === 3) throw awsError('AccessDenied', 'denied', 403);
      const token = request.input.NextToken;
      const results = batch.map((q) => ({
        Id: q.Id,
        Timestamps: [new Date(start.getTime() + (token ? 3_600_000 : 0))],
        Values: [token ? 2 : 1],
        StatusCode: 'Complete',
      }));
      return token ? { MetricDataResults: results } : { MetricDataResults: results, NextToken: 'page2' };
    });
    const aws = createAwsAccess({
      defaultRegion: 'eu-west-1',
      targets: [],
      maxAttempts: 1,
      userAgent: 't',
      credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      clientHook: fake.clientHook,
    });
    const client = aws.client(CloudWatchClient);
    const series = await getMetricDataBatched(
      client,
      queries(1200),
      { start, end: new Date(start.getTime() + DAY), periodSeconds: 3600 },
      { concurrency: 1 },
    );
    // 1,200 queries → batches of 500, 500, 200; each pages twice except the second, whose first request fails.
    expect(fake.requests.map((r) => (r.input.MetricDataQueries as unknown[]).length)).toEqual([
      500, 500, 500, 200, 200,
    ]);
    expect(series.get('q0')?.values).toEqual([1, 2]);
    expect(series.get('q700')?.status).toBe('Failed');
    expect(series.get('q700')?.error).toMatchObject({
      code: 'AccessDenied',
      iamAction: 'cloudwatch:GetMetricData',
    });
    expect(series.get('q700')?.values).toEqual([]);
    expect(series.get('q1000')?.values).toEqual([1, 2]);
    expect(series.size).toBe(1200);
    aws.destroy();
  });
});
