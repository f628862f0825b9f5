import type { ToolOutput } from '@workspaces-euc-mcp/host';
import {
  ANSWER_BUDGET,
  answerBytes,
  createTestHost,
  generateEstate,
  invokeOk,
  toolSchemaBytes,
} from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import { smallEstate } from '../__tests__/estate.js';
import plugin from '../index.js';
import { getWorkspacePerformance } from './get-workspace-performance.js';

type Performance = ToolOutput<typeof getWorkspacePerformance>;
const TOOL = 'get_workspace_performance';
const RUNNING = new Set(['AVAILABLE', 'UNHEALTHY', 'IMPAIRED', 'ADMIN_MAINTENANCE', 'MAINTENANCE']);

describe('get_workspace_performance', () => {
  it('ranks running desktops by pressure, GPU only for graphics, stopped ones skipped', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: smallEstate() });
    const result = await invokeOk<Performance>(host, TOOL, {});
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
    expect(host.simulator.countsByAction()).toEqual({
      'cloudwatch:GetMetricData': 1,
      'workspaces:DescribeWorkspaces': 1,
    });
    // 5 desktops × 9 queries + 2 GPU queries for the one graphics desktop.
    expect(
      host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData')[0]?.input.MetricDataQueries,
    ).toHaveLength(47);
    expect(result.metricRequests).toBe(1);
  });

  it('at 10,000 desktops measures 2,000 in as few GetMetricData requests as 500 queries each allow', {
    timeout: 120_000,
  }, async () => {
    const estate = generateEstate({ seed: 11, desktops: 10_000 });
    const inRegion = estate.personal.desktops.filter((d) => d.region === 'us-east-1');
    const measured = inRegion.filter((d) => RUNNING.has(d.workspace.State ?? '')).slice(0, 2000);
    const graphics = measured.filter((d) =>
      d.workspace.WorkspaceProperties?.ComputeTypeName?.startsWith('GRAPHICS'),
    ).length;
    const queries = measured.length * 9 + graphics * 2;
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Performance>(host, TOOL, {
      maxDesktops: 2000,
      topN: 5,
      regions: ['us-east-1'],
    });
    expect(host.simulator.countsByAction()).toEqual({
      'cloudwatch:GetMetricData': Math.ceil(queries / 500),
      'workspaces:DescribeWorkspaces': Math.ceil(inRegion.length / 25),
    });
    expect(
      host.requests
        .filter((r) => r.action === 'cloudwatch:GetMetricData')
        .every((r) => (r.input.MetricDataQueries as unknown[]).length <= 500),
    ).toBe(true);
    expect(result.metricRequests).toBe(Math.ceil(queries / 500));
    expect(result.top).toHaveLength(5);
    expect(result.counts.measured).toBe(2000);
    expect(result.counts.overCap).toBeGreaterThan(0);
  });

  it('caps the desktops measured and says how many were left out', async () => {
    const host = await createTestHost({ plugins: [plugin], estate: { seed: 3, desktops: 200 } });
    const result = await invokeOk<Performance>(host, TOOL, { maxDesktops: 10 });
    expect(result.counts.measured).toBe(10);
    expect(result.counts.overCap).toBeGreaterThan(0);
    expect(result.summary).toContain('of 10 running desktops');
  });

  it('a throttled metric batch is an error entry, not a failed call', { timeout: 20_000 }, async () => {
    const host = await createTestHost({
      plugins: [plugin],
      estate: smallEstate(),
      simulator: {
        faults: [{ service: 'cloudwatch', operation: 'GetMetricData', code: 'ThrottlingException' }],
      },
    });
    const result = await invokeOk<Performance>(host, TOOL, { workspaceIds: ['ws-avail0001'] });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'ThrottlingException', iamAction: 'cloudwatch:GetMetricData' }),
    ]);
    expect(result.counts.noData).toBe(1);
  });

  it('at 10,000 desktops in one region the default answer stays within the answer budget', {
    timeout: 120_000,
  }, async () => {
    expect(toolSchemaBytes(getWorkspacePerformance)).toBeLessThanOrEqual(650);
    const host = await createTestHost({
      plugins: [plugin],
      estate: { seed: 11, desktops: 10_000, regions: ['us-east-1'] },
    });
    const result = await invokeOk<Performance>(host, TOOL, {});
    expect(result.counts.measured).toBe(500);
    expect(result.top).toHaveLength(10);
    expect(answerBytes(result)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('measures every region, each desktop asked of its own region’s CloudWatch', async () => {
    const estate = generateEstate({ seed: 42, desktops: 120 });
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Performance>(host, TOOL, { topN: 100 });
    const running = estate.personal.desktops.filter((d) => RUNNING.has(d.workspace.State ?? ''));
    expect(result.counts.measured).toBe(running.length);
    const regionOf = new Map(running.map((d) => [d.workspace.WorkspaceId, d.region]));
    expect(result.top.every((r) => regionOf.get(r.workspaceId) === r.region)).toBe(true);
    const metricRegions = host.requests
      .filter((r) => r.action === 'cloudwatch:GetMetricData')
      .map((r) => r.region);
    expect([...new Set(metricRegions)].sort()).toEqual(['eu-west-1', 'us-east-1']);
    for (const request of host.requests.filter((r) => r.action === 'cloudwatch:GetMetricData')) {
      const ids = (
        request.input.MetricDataQueries as { MetricStat: { Metric: { Dimensions: { Value: string }[] } } }[]
      ).map((q) => q.MetricStat.Metric.Dimensions[0]?.Value);
      expect(ids.every((id) => regionOf.get(id) === request.region)).toBe(true);
    }
  });

  it('given ids are found wherever they are; ids found nowhere are noted, or an error when none is found', async () => {
    const estate = generateEstate({ seed: 42, desktops: 60 });
    const eu = estate.personal.desktops.find(
      (d) => d.region === 'eu-west-1' && d.workspace.State === 'AVAILABLE',
    );
    const host = await createTestHost({ plugins: [plugin], estate });
    const result = await invokeOk<Performance>(host, TOOL, {
      workspaceIds: [eu?.workspace.WorkspaceId ?? '', 'ws-nothere01'],
    });
    expect(result.counts.selected).toBe(1);
    expect(result.notes[0]).toContain('1 id(s) not found in us-east-1, eu-west-1: ws-nothere01');
    const none = await host.invoke(TOOL, { workspaceIds: ['ws-nothere01'] });
    expect(none.ok).toBe(false);
    expect(none.text).toContain('workspaceIds: no WorkSpace ws-nothere01 in us-east-1, eu-west-1');
  });
});
