import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { getMetricDataBatched } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { simulatedClient } from '../__tests__/client.js';
import { createSimulator } from '../engine.js';
import { generateEstate } from '../estate.js';
import { DAY_MS, HOUR_MS } from '../model.js';
import { aggregate } from './cloudwatch-metrics.js';

const query = (
  id: string,
  workspaceId: string,
  metricName: string,
  stat: string,
  period = 3600,
): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: {
      Namespace: 'AWS/WorkSpaces',
      MetricName: metricName,
      Dimensions: [{ Name: 'WorkspaceId', Value: workspaceId }],
    },
    Period: period,
    Stat: stat,
  },
});

function setup() {
  const estate = generateEstate({ seed: 31, desktops: 150 });
  const sim = createSimulator(estate);
  return { estate, sim, cw: simulatedClient(CloudWatchClient, sim) };
}

describe('simulated CloudWatch GetMetricData', () => {
  it('aggregates with the CloudWatch statistics, percentiles included', () => {
    expect(aggregate([1, 2, 3, 4], 'Sum')).toBe(10);
    expect(aggregate([1, 2, 3, 4], 'Average')).toBe(2.5);
    expect(aggregate([1, 2, 3, 4], 'Maximum')).toBe(4);
    expect(aggregate([1, 2, 3, 4], 'SampleCount')).toBe(4);
    expect(
      aggregate(
        Array.from({ length: 100 }, (_, i) => i + 1),
        'p95',
      ),
    ).toBe(95);
    expect(aggregate([], 'Sum')).toBeUndefined();
  });

  it('refuses more than 500 queries and duplicate ids', async () => {
    const { estate, cw } = setup();
    const id = estate.personal.desktops[0]?.workspace.WorkspaceId ?? '';
    const end = estate.settings.now;
    const start = new Date(end.getTime() - DAY_MS);
    const many = Array.from({ length: 501 }, (_, i) => query(`q${i}`, id, 'CPUUsage', 'Average'));
    await expect(
      cw.send(new GetMetricDataCommand({ MetricDataQueries: many, StartTime: start, EndTime: end })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
    const dup = [query('a', id, 'CPUUsage', 'Average'), query('a', id, 'MemoryUsage', 'Average')];
    await expect(
      cw.send(new GetMetricDataCommand({ MetricDataQueries: dup, StartTime: start, EndTime: end })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });

  it('serves hourly UserConnected that agrees with the desktop usage pattern', async () => {
    const { estate, cw } = setup();
    const end = new Date(Math.floor(estate.settings.now.getTime() / HOUR_MS) * HOUR_MS);
    const start = new Date(end.getTime() - 14 * DAY_MS);
    const fullTime = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.usage === 'full-time' &&
        d.workspace.State === 'AVAILABLE' &&
        d.createdAt < start,
    );
    const never = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.usage === 'never' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON',
    );
    const queries = [query('ft', fullTime?.workspace.WorkspaceId ?? '', 'UserConnected', 'Maximum')];
    if (never) queries.push(query('nv', never.workspace.WorkspaceId ?? '', 'UserConnected', 'Maximum'));
    const result = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
      }),
    );
    const ft = result.MetricDataResults?.find((r) => r.Id === 'ft');
    const connectedHours = (ft?.Values ?? []).filter((v) => v === 1).length;
    // A full-time user: most of ten working days at ~7-10 h a day.
    expect(connectedHours).toBeGreaterThan(50);
    expect(connectedHours).toBeLessThan(120);
    expect(ft?.Timestamps?.[0]?.getTime()).toBeLessThan(ft?.Timestamps?.[1]?.getTime() ?? 0);
    if (never) {
      const nv = result.MetricDataResults?.find((r) => r.Id === 'nv');
      // An ALWAYS_ON desktop nobody uses runs all the time: every hour has a 0.
      expect(nv?.Values?.every((v) => v === 0)).toBe(true);
      expect(nv?.Values?.length).toBeGreaterThan(0);
    }
  });

  it('pages at MaxDatapoints and marks the cut series PartialData', async () => {
    const { estate, cw } = setup();
    const end = estate.settings.now;
    const start = new Date(end.getTime() - 2 * DAY_MS);
    const alwaysOn = estate.personal.desktops.filter(
      (d) =>
        d.region === 'us-east-1' &&
        d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' &&
        d.workspace.State === 'AVAILABLE' &&
        d.createdAt < start,
    );
    const queries = alwaysOn
      .slice(0, 3)
      .map((d, i) => query(`c${i}`, d.workspace.WorkspaceId ?? '', 'CPUUsage', 'Average', 300));
    const first = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: start,
        EndTime: end,
        MaxDatapoints: 700,
      }),
    );
    expect(first.NextToken).toBeDefined();
    expect(first.MetricDataResults?.some((r) => r.StatusCode === 'PartialData')).toBe(true);
    const pointsFirst = (first.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
    expect(pointsFirst).toBe(700);
    let total = pointsFirst;
    let token = first.NextToken;
    let pages = 1;
    while (token) {
      const page = await cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: start,
          EndTime: end,
          MaxDatapoints: 700,
          NextToken: token,
        }),
      );
      total += (page.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
      token = page.NextToken;
      pages++;
    }
    // Three always-on desktops × 576 five-minute samples over two days, in ceil(1728 / 700) pages.
    expect(total).toBe(3 * 576);
    expect(pages).toBe(3);
  });

  it('keeps 5-minute data for 63 days only, hourly data for longer', async () => {
    const { estate, cw } = setup();
    const desktop = estate.personal.desktops.find(
      (d) =>
        d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' &&
        d.workspace.State === 'AVAILABLE' &&
        estate.settings.now.getTime() - d.createdAt.getTime() > 120 * DAY_MS,
    );
    const id = desktop?.workspace.WorkspaceId ?? '';
    const end = new Date(estate.settings.now.getTime() - 80 * DAY_MS);
    const start = new Date(end.getTime() - DAY_MS);
    const fine = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query('f', id, 'Available', 'Maximum', 300)],
        StartTime: start,
        EndTime: end,
      }),
    );
    const coarse = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query('c', id, 'Available', 'Maximum', 3600)],
        StartTime: start,
        EndTime: end,
      }),
    );
    expect(fine.MetricDataResults?.[0]?.Values).toEqual([]);
    expect(coarse.MetricDataResults?.[0]?.Values?.length).toBe(24);
  });

  it('counts one connection attempt per session started, failures on top', async () => {
    const { estate, cw } = setup();
    const { sessionsOnDay } = await import('../domains/personal/usage.js');
    const end = new Date(Math.floor(estate.settings.now.getTime() / HOUR_MS) * HOUR_MS);
    const start = new Date(end.getTime() - 7 * DAY_MS);
    const desktop = estate.personal.desktops.find(
      (d) =>
        d.region === 'us-east-1' &&
        d.usage === 'full-time' &&
        d.workspace.State === 'AVAILABLE' &&
        d.connectionFailureRate === 0 &&
        d.createdAt < start,
    );
    const id = desktop?.workspace.WorkspaceId ?? '';
    let started = 0;
    for (let day = Math.floor(start.getTime() / DAY_MS); day <= Math.floor(end.getTime() / DAY_MS); day++)
      for (const [s] of desktop ? sessionsOnDay(desktop, day) : [])
        if (s >= start.getTime() && s < end.getTime()) started++;
    const result = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          query('a', id, 'ConnectionAttempt', 'Sum', 86_400),
          query('f', id, 'ConnectionFailure', 'Sum', 86_400),
        ],
        StartTime: start,
        EndTime: end,
      }),
    );
    const sum = (qid: string) =>
      (result.MetricDataResults?.find((r) => r.Id === qid)?.Values ?? []).reduce((a, b) => a + b, 0);
    expect(started).toBeGreaterThan(3);
    expect(sum('a')).toBe(started);
    expect(sum('f')).toBe(0);
  });
});

describe('simulated GetMetricData paging at the 100,800-datapoint cap', () => {
  const alwaysOnIds = (estate: ReturnType<typeof setup>['estate'], since: Date) =>
    estate.personal.desktops
      .filter(
        (d) =>
          d.region === 'us-east-1' &&
          d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON' &&
          d.workspace.State === 'AVAILABLE' &&
          d.createdAt < since,
      )
      .map((d) => d.workspace.WorkspaceId ?? '');

  it('500 dense 5-minute days (144,000 points) fill one response exactly at 100,800 and the other 150 series come with the NextToken', async () => {
    const { estate, cw } = setup();
    const end = new Date(Math.floor(estate.settings.now.getTime() / DAY_MS) * DAY_MS);
    const start = new Date(end.getTime() - DAY_MS);
    const ids = alwaysOnIds(estate, start);
    // Ids may repeat across queries (CloudWatch only needs the query Ids unique): 288 points each.
    const queries = Array.from({ length: 500 }, (_, i) =>
      query(`q${i}`, ids[i % ids.length] ?? '', 'CPUUsage', 'Average', 300),
    );
    const ask = (NextToken?: string) =>
      cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampAscending',
          NextToken,
        }),
      );
    const first = await ask();
    const points = (page: typeof first) =>
      (page.MetricDataResults ?? []).reduce((n, r) => n + (r.Values?.length ?? 0), 0);
    expect(points(first)).toBe(100_800);
    // 100,800 / 288 = 350 whole series: query 350 is the first one left, so nothing is cut.
    expect(first.MetricDataResults).toHaveLength(350);
    expect(first.MetricDataResults?.every((r) => r.StatusCode === 'Complete')).toBe(true);
    expect(first.NextToken).toBeDefined();
    const second = await ask(first.NextToken);
    expect(points(second)).toBe(150 * 288);
    expect(second.MetricDataResults?.[0]?.Id).toBe('q350');
    expect(second.NextToken).toBeUndefined();
  });

  it('a series cut at the cap is PartialData; its rest leads the next page in order; empty series are returned where reached', async () => {
    const { estate, cw } = setup();
    const end = new Date(Math.floor(estate.settings.now.getTime() / DAY_MS) * DAY_MS);
    const start = new Date(end.getTime() - DAY_MS);
    const [a, b] = alwaysOnIds(estate, start);
    const queries = [
      query('a', a ?? '', 'CPUUsage', 'Average', 300),
      query('b', b ?? '', 'CPUUsage', 'Average', 300),
      query('none', 'ws-doesnotexist', 'CPUUsage', 'Average', 300),
    ];
    const ask = (NextToken?: string) =>
      cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampAscending',
          MaxDatapoints: 400,
          NextToken,
        }),
      );
    const whole = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [queries[1] as MetricDataQuery],
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
      }),
    );
    const first = await ask();
    expect(first.MetricDataResults?.map((r) => [r.Id, r.StatusCode, r.Values?.length])).toEqual([
      ['a', 'Complete', 288],
      ['b', 'PartialData', 112],
    ]);
    const second = await ask(first.NextToken);
    expect(second.MetricDataResults?.map((r) => [r.Id, r.StatusCode, r.Values?.length])).toEqual([
      ['b', 'Complete', 176],
      ['none', 'Complete', 0],
    ]);
    expect(second.NextToken).toBeUndefined();
    const merged = [
      ...(first.MetricDataResults?.[1]?.Timestamps ?? []),
      ...(second.MetricDataResults?.[0]?.Timestamps ?? []),
    ].map((t) => t.getTime());
    expect(merged).toEqual((whole.MetricDataResults?.[0]?.Timestamps ?? []).map((t) => t.getTime()));
    await expect(ask('bm90LWEtdG9rZW4')).rejects.toMatchObject({ name: 'InvalidNextToken' });
  });

  it("the host's batcher reads 1,200 sparse series in ceil(1200 / 500) = 3 requests and 500 dense ones (144,000 points) in 2 pages, merged whole", async () => {
    const { estate, sim, cw } = setup();
    const end = new Date(Math.floor(estate.settings.now.getTime() / DAY_MS) * DAY_MS);
    const fortnight = { start: new Date(end.getTime() - 14 * DAY_MS), end, periodSeconds: 3600 };
    const desktops = estate.personal.desktops.filter((d) => d.region === 'us-east-1');
    // Sparse: hourly ConnectionFailure sums are published only in hours with a failed connection.
    const sparse = Array.from({ length: 1200 }, (_, i) =>
      query(`s${i}`, desktops[i % desktops.length]?.workspace.WorkspaceId ?? '', 'ConnectionFailure', 'Sum'),
    );
    sim.resetCalls();
    const sparseRead = await getMetricDataBatched(cw, sparse, fortnight, { concurrency: 2 });
    expect(sim.calls.filter((c) => c.action === 'cloudwatch:GetMetricData')).toHaveLength(3);
    expect(sparseRead.size).toBe(1200);
    const sparsePoints = [...sparseRead.values()].reduce((n, s) => n + s.values.length, 0);
    // Datapoint-sized batches would assume 336 points each (300 a request, 4 requests).
    expect(sparsePoints).toBeLessThan(1200 * 336 * 0.25);
    // Dense: 500 always-on 5-minute CPU days, 144,000 points: one batch, two pages.
    const day = { start: new Date(end.getTime() - DAY_MS), end, periodSeconds: 300 };
    const ids = alwaysOnIds(estate, day.start);
    const dense = Array.from({ length: 500 }, (_, i) =>
      query(`d${i}`, ids[i % ids.length] ?? '', 'CPUUsage', 'Average', 300),
    );
    sim.resetCalls();
    const denseRead = await getMetricDataBatched(cw, dense, day);
    expect(sim.calls.filter((c) => c.action === 'cloudwatch:GetMetricData')).toHaveLength(2);
    expect(new Set([...denseRead.values()].map((s) => `${s.status} ${s.values.length}`))).toEqual(
      new Set(['Complete 288']),
    );
    // Computing 1,700 series takes a few seconds on a busy machine.
  }, 60_000);
});
