import { describe, expect, it } from 'vitest';
import { answerCounts, lowerBounds, type ObservedRequest } from './lower-bounds.js';

const req = (
  action: string,
  input: Record<string, unknown>,
  output?: Record<string, unknown>,
): ObservedRequest => ({
  action,
  region: 'us-east-1',
  account: '111122223333',
  input,
  ...(output ? { output } : {}),
});
const page = (n: number) => ({ Workspaces: new Array(n).fill({}) });

describe('benchmark lower bounds', () => {
  it('a full DescribeWorkspaces scan of 1,010 desktops needs 41 pages, however many were sent', () => {
    // 82 pages of about 12: twice the requests the 25-per-page limit needs.
    const pages = Array.from({ length: 82 }, (_, i) =>
      req('workspaces:DescribeWorkspaces', i === 0 ? {} : { NextToken: `t${i}` }, page(i < 81 ? 12 : 38)),
    );
    expect(lowerBounds(pages)['workspaces:DescribeWorkspaces']).toBe(41);
  });

  it('two scans with different filters each need their own pages', () => {
    const sent = [
      req('workspaces:DescribeWorkspaces', { DirectoryId: 'd-1' }, page(25)),
      req('workspaces:DescribeWorkspaces', { DirectoryId: 'd-1', NextToken: 'x' }, page(5)),
      req('workspaces:DescribeWorkspaces', { DirectoryId: 'd-2' }, page(0)),
    ];
    expect(lowerBounds(sent)['workspaces:DescribeWorkspaces']).toBe(3);
  });

  it('id lookups need one request per 25 distinct ids', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `ws-${i}`);
    const one = (slice: string[]) =>
      req('workspaces:DescribeWorkspacesConnectionStatus', { WorkspaceIds: slice });
    const sent = [
      one(ids.slice(0, 10)),
      one(ids.slice(10, 20)),
      one(ids.slice(20, 40)),
      one(ids.slice(40, 60)),
      one(ids.slice(0, 10)),
    ];
    expect(lowerBounds(sent)['workspaces:DescribeWorkspacesConnectionStatus']).toBe(3);
  });

  it('GetMetricData is bounded by 500 distinct queries and 100,800 datapoints per request', () => {
    const queries = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({
        Id: `q${i}`,
        MetricStat: { Metric: { MetricName: `m${i + offset}` }, Period: 3600, Stat: 'Sum' },
      }));
    const window = { StartTime: 'a', EndTime: 'b' };
    const sent = [
      req(
        'cloudwatch:GetMetricData',
        { ...window, MetricDataQueries: queries(300, 0) },
        { MetricDataResults: [{ Values: new Array(90_000).fill(1) }] },
      ),
      req(
        'cloudwatch:GetMetricData',
        { ...window, MetricDataQueries: queries(300, 300) },
        { MetricDataResults: [{ Values: new Array(90_000).fill(1) }] },
      ),
      req(
        'cloudwatch:GetMetricData',
        { ...window, MetricDataQueries: queries(300, 0) },
        { MetricDataResults: [{ Values: [] }] },
      ),
    ];
    // 600 distinct queries → 2; 180,000 datapoints → 2.
    expect(lowerBounds(sent)['cloudwatch:GetMetricData']).toBe(2);
  });

  it('counts the same single-resource request twice only once', () => {
    const sent = [
      req('workspaces:DescribeWorkspaceSnapshots', { WorkspaceId: 'ws-1' }),
      req('workspaces:DescribeWorkspaceSnapshots', { WorkspaceId: 'ws-1' }),
      req('workspaces:DescribeWorkspaceSnapshots', { WorkspaceId: 'ws-2' }),
    ];
    expect(lowerBounds(sent)['workspaces:DescribeWorkspaceSnapshots']).toBe(2);
  });
});

describe('benchmark answer counts', () => {
  it('bounds the same from counts as from the responses they summarise', () => {
    const output = { Workspaces: new Array(60).fill({}) };
    const kept = [req('workspaces:DescribeWorkspaces', {}, output)];
    const counted: ObservedRequest[] = [
      {
        action: 'workspaces:DescribeWorkspaces',
        region: 'us-east-1',
        account: '1',
        input: {},
        counts: answerCounts(output),
      },
    ];
    expect(lowerBounds(counted)).toEqual(lowerBounds(kept));
    expect(answerCounts({ MetricDataResults: [{ Values: [1, 2] }, { Values: [3] }] }).datapoints).toBe(3);
  });
});
