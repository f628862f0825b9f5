import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import { generatedEstate } from '../__tests__/estate-generated.js';
import { awsError } from '../__tests__/fake-aws.js';
import { call, operations, personalHost } from '../__tests__/host.js';

interface Performance {
  summary: string;
  counts: {
    selected: number;
    notRunning: number;
    overCap: number;
    measured: number;
    noData: number;
    underPressure: number;
  };
  top: {
    workspaceId: string;
    pressure: number | null;
    signals: string[];
    gpuAvg: number | null;
    uptimeHours: number | null;
  }[];
  noDataIds: string[];
  metricRequests: number;
  errors: { code: string; iamAction?: string }[];
}
const TOOL = 'get_workspace_performance';

describe('get_workspace_performance', () => {
  it('ranks running desktops by pressure, GPU only for graphics, stopped ones skipped', async () => {
    const { host, requests } = await personalHost(smallEstate());
    const result = await call<Performance>(host, TOOL, {});
    expect(result.counts).toEqual({
      selected: 9,
      notRunning: 4,
      overCap: 0,
      measured: 5,
      noData: 2,
      underPressure: 2,
    });
    expect(result.top.map((r) => [r.workspaceId, r.pressure])).toEqual([
      ['ws-unheal001', 97],
      ['ws-graph0001', 91],
      ['ws-avail0001', 50],
    ]);
    expect(result.top[0]?.signals).toEqual(['CPU 97% average']);
    expect(result.top[1]?.signals).toEqual(['memory 85% average', 'GPU 91% average', 'latency 300 ms']);
    expect(result.top[2]?.uptimeHours).toBe(2);
    expect(result.noDataIds.sort()).toEqual(['ws-admin0001', 'ws-impdir001']);
    const metricCalls = requests.filter((r) => r.operation === 'GetMetricData');
    expect(metricCalls).toHaveLength(1);
    // 5 desktops × 9 queries + 2 GPU queries for the one graphics desktop.
    expect(metricCalls[0]?.input.MetricDataQueries).toHaveLength(47);
    expect(result.metricRequests).toBe(1);
  });

  it('measures 1,000 desktops in as few GetMetricData requests as 500 queries each allow', async () => {
    const estate = generatedEstate(1000);
    const running = estate.workspaces.filter((w) => ['AVAILABLE', 'UNHEALTHY'].includes(w.State ?? ''));
    const graphics = running.filter((w) =>
      w.WorkspaceProperties?.ComputeTypeName?.startsWith('GRAPHICS'),
    ).length;
    const { host, requests } = await personalHost(estate);
    const result = await call<Performance>(host, TOOL, { maxDesktops: 2000, topN: 5 });
    const queries = running.length * 9 + graphics * 2;
    const metricCalls = requests.filter((r) => r.operation === 'GetMetricData');
    expect(metricCalls).toHaveLength(Math.ceil(queries / 500));
    expect(metricCalls.every((r) => (r.input.MetricDataQueries as unknown[]).length <= 500)).toBe(true);
    expect(result.metricRequests).toBe(metricCalls.length);
    expect(operations(requests).filter((op) => op === 'DescribeWorkspaces')).toHaveLength(40);
    expect(result.top).toHaveLength(5);
    expect(result.counts.measured).toBe(running.length);
  });

  it('caps the desktops measured and says how many were left out', async () => {
    const { host } = await personalHost(generatedEstate(200));
    const result = await call<Performance>(host, TOOL, { maxDesktops: 10 });
    expect(result.counts.measured).toBe(10);
    expect(result.counts.overCap).toBeGreaterThan(0);
  });

  it('a throttled metric batch is an error entry, not a failed call', { timeout: 20_000 }, async () => {
    const { host } = await personalHost(smallEstate(), {
      overrides: {
        GetMetricData: () => {
          throw awsError('ThrottlingException', 'Rate exceeded');
        },
      },
    });
    const result = await call<Performance>(host, TOOL, { workspaceIds: ['ws-avail0001'] });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ThrottlingException', iamAction: 'cloudwatch:GetMetricData' }),
    ]);
    expect(result.counts.noData).toBe(1);
  });
});
