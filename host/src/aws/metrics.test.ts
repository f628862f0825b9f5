import { CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { awsError, fakeAws } from '../../test/fixtures/fake-aws.js';
import { createAwsAccess } from './context.js';
import { getMetricDataBatched, MAX_DATAPOINTS_PER_GET_METRIC_DATA, queriesPerRequest } from './metrics.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const start = new Date('2026-11-01T00:00:00Z');
const fortnight = { start, end: new Date(start.getTime() + 14 * DAY), periodSeconds: 3600 };

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

/**
 * CloudWatch's paging, as the API reference describes it: every query's points concatenated in
 * query order, at most 100,800 per response; a query cut at the cap comes back `PartialData` and
 * its rest (same Id) leads the next page, which NextToken asks for.
 */
function pagingCloudWatch(pointsOf: (id: string) => number) {
  return fakeAws((request) => {
    const batch = request.input.MetricDataQueries as MetricDataQuery[];
    if (batch.length > 500) throw awsError('InvalidParameterValueException', 'at most 500 queries');
    let skip = Number(request.input.NextToken ?? 0);
    let budget = MAX_DATAPOINTS_PER_GET_METRIC_DATA;
    let consumed = Number(request.input.NextToken ?? 0);
    const results: Record<string, unknown>[] = [];
    for (const query of batch) {
      const total = pointsOf(query.Id ?? '');
      if (skip >= total && total > 0) {
        skip -= total;
        continue;
      }
      if (budget === 0) break;
      const from = skip;
      const take = Math.min(total - from, budget);
      skip = 0;
      budget -= take;
      consumed += take;
      results.push({
        Id: query.Id,
        Timestamps: Array.from({ length: take }, (_, k) => new Date(start.getTime() + (from + k) * HOUR)),
        Values: Array.from({ length: take }, (_, k) => from + k),
        StatusCode: from + take < total ? 'PartialData' : 'Complete',
      });
    }
    const remaining = batch.reduce((n, q) => n + pointsOf(q.Id ?? ''), 0) - consumed;
    return { MetricDataResults: results, ...(remaining > 0 ? { NextToken: String(consumed) } : {}) };
  });
}

function cloudWatchClient(fake: ReturnType<typeof fakeAws>) {
  const aws = createAwsAccess({
    defaultRegion: 'eu-west-1',
    targets: [],
    maxAttempts: 1,
    userAgent: 't',
    credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
    clientHook: fake.clientHook,
  });
  return { aws, client: aws.client(CloudWatchClient) };
}

describe('GetMetricData batching', () => {
  it('queriesPerRequest says how many series of a window one response holds without paging', () => {
    expect(queriesPerRequest({ start, end: new Date(start.getTime() + DAY), periodSeconds: 300 })).toBe(350);
    expect(queriesPerRequest({ start, end: new Date(start.getTime() + DAY), periodSeconds: 3600 })).toBe(500);
    expect(queriesPerRequest(fortnight)).toBe(300);
  });

  it('sparse series: 1,200 hourly fortnights take ceil(1200 / 500) = 3 requests, not the 4 that datapoint-sized batches would', async () => {
    // AutoStop desktops that ran a few hours: 10 points each, far under the response cap. (One at a
    // time: the fake keeps the pending request on the client, so it cannot serve concurrent ones.)
    const fake = pagingCloudWatch(() => 10);
    const { aws, client } = cloudWatchClient(fake);
    const series = await getMetricDataBatched(client, queries(1200), fortnight, { concurrency: 1 });
    expect(fake.requests.map((r) => (r.input.MetricDataQueries as unknown[]).length)).toEqual([
      500, 500, 200,
    ]);
    expect(fake.requests.every((r) => r.input.NextToken === undefined)).toBe(true);
    expect(series.size).toBe(1200);
    expect(series.get('q1199')).toMatchObject({ status: 'Complete', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    aws.destroy();
  });

  it('series of one read share one Date per instant, across queries and requests', async () => {
    const fake = pagingCloudWatch(() => 10);
    const { aws, client } = cloudWatchClient(fake);
    const series = await getMetricDataBatched(client, queries(600), fortnight, { concurrency: 1 });
    const first = series.get('q0')?.timestamps ?? [];
    const last = series.get('q599')?.timestamps ?? [];
    expect(first).toHaveLength(10);
    // q599 came in the second request: its Date objects are still q0's.
    last.forEach((timestamp, i) => {
      expect(timestamp).toBe(first[i]);
    });
    aws.destroy();
  });

  it('dense series: 500 full fortnights (168,000 points) page once at 100,800 and the cut query is merged whole and Complete', async () => {
    const fake = pagingCloudWatch(() => 336);
    const { aws, client } = cloudWatchClient(fake);
    const series = await getMetricDataBatched(client, queries(500), fortnight);
    // 100,800 / 336 = 300 queries fill the first response exactly; the other 200 come with the token.
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]?.input.NextToken).toBe('100800');
    for (const id of ['q0', 'q299', 'q300', 'q499']) {
      const one = series.get(id);
      expect(one?.status).toBe('Complete');
      expect(one?.values).toEqual(Array.from({ length: 336 }, (_, k) => k));
    }
    aws.destroy();
  });

  it('a query cut mid-series by the cap continues on the next page: its points are merged in order, PartialData becomes Complete', async () => {
    // q0 holds 100,000 points, q1 1,000: q1 is cut after 800 and its last 200 lead page 2.
    const fake = pagingCloudWatch((id) => (id === 'q0' ? 100_000 : 1_000));
    const { aws, client } = cloudWatchClient(fake);
    const series = await getMetricDataBatched(client, queries(3), fortnight);
    expect(fake.requests).toHaveLength(2);
    const cut = series.get('q1');
    expect(cut?.status).toBe('Complete');
    expect(cut?.values).toEqual(Array.from({ length: 1000 }, (_, k) => k));
    expect(cut?.timestamps.map((t) => t.getTime())).toEqual(
      Array.from({ length: 1000 }, (_, k) => start.getTime() + k * HOUR),
    );
    expect(series.get('q2')?.values).toHaveLength(1000);
    aws.destroy();
  });

  it('reduce: each series is reduced as its batch completes (every page merged first), and only the reductions are kept', async () => {
    // Dense: each 500-query batch takes two pages, so a reduction before the last page would see a cut series.
    const fake = pagingCloudWatch(() => 336);
    const { aws, client } = cloudWatchClient(fake);
    const requestsWhenReduced: number[] = [];
    const reduced = await getMetricDataBatched(client, queries(1000), fortnight, {
      concurrency: 1,
      reduce: (series) => {
        requestsWhenReduced.push(fake.requests.length);
        return { status: series.status, points: series.values.length, last: series.values.at(-1) };
      },
    });
    expect(fake.requests).toHaveLength(4);
    expect(reduced.size).toBe(1000);
    for (const id of ['q0', 'q299', 'q300', 'q999'])
      expect(reduced.get(id)).toEqual({ status: 'Complete', points: 336, last: 335 });
    // The first batch was reduced after its two pages and before the second batch was asked for.
    expect(requestsWhenReduced.slice(0, 500).every((n) => n === 2)).toBe(true);
    expect(requestsWhenReduced.slice(500).every((n) => n === 4)).toBe(true);
    aws.destroy();
  });

  it("reduce: a failed batch's queries are reduced from their Failed series; a reducer that throws is thrown, not reported as a failed read", async () => {
    let call = 0;
    const fake = fakeAws((request) => {
      call += 1;
      const batch = request.input.MetricDataQueries as MetricDataQuery[];
      if (call === 1) throw awsError('AccessDenied', 'denied', 403);
      return { MetricDataResults: batch.map((q) => ({ Id: q.Id, Timestamps: [start], Values: [1] })) };
    });
    const { aws, client } = cloudWatchClient(fake);
    const reduced = await getMetricDataBatched(client, queries(600), fortnight, {
      concurrency: 1,
      reduce: (series) => `${series.status}:${series.error?.code ?? series.values.join(',')}`,
    });
    expect(reduced.get('q0')).toBe('Failed:AccessDenied');
    expect(reduced.get('q599')).toBe('Complete:1');
    await expect(
      getMetricDataBatched(client, queries(3), fortnight, {
        reduce: () => {
          throw new TypeError('reducer bug');
        },
      }),
    ).rejects.toThrow('reducer bug');
    aws.destroy();
  });

  it('a failed request fails only its own batch, as data with the IAM action', async () => {
    let call = 0;
    const fake = fakeAws((request) => {
      call += 1;
      const batch = request.input.MetricDataQueries as MetricDataQuery[];
      if (call === 2) throw awsError('AccessDenied', 'denied', 403);
      return { MetricDataResults: batch.map((q) => ({ Id: q.Id, Timestamps: [start], Values: [1] })) };
    });
    const { aws, client } = cloudWatchClient(fake);
    const series = await getMetricDataBatched(client, queries(1200), fortnight, { concurrency: 1 });
    expect(fake.requests).toHaveLength(3);
    expect(series.get('q0')?.values).toEqual([1]);
    expect(series.get('q700')?.status).toBe('Failed');
    expect(series.get('q700')?.error).toMatchObject({
      code: 'AccessDenied',
      iamAction: 'cloudwatch:GetMetricData',
    });
    expect(series.get('q1100')?.values).toEqual([1]);
    expect(series.size).toBe(1200);
    aws.destroy();
  });
});
