/**
 * A small, hand-described WorkSpaces estate answered at the SDK middleware level, for targeted
 * tests. It enforces the API limits the tools must respect (25 desktops per DescribeWorkspaces
 * page, 25 ids per DescribeWorkspacesConnectionStatus, 500 queries and 100,800 datapoints per
 * GetMetricData), so a tool that breaks them fails the test instead of passing silently.
 */
import type { Plugin } from '@workspaces-euc-mcp/host';
import { createTestHost } from '@workspaces-euc-mcp/host/testing';
import { awsError, type FakeHandler, type FakeRequest, fakeAws } from './fake-aws.js';

const HOUR_MS = 3_600_000;

/** One desktop as DescribeWorkspaces returns it (the fields the cost tools read). */
export interface FakeDesktop {
  WorkspaceId: string;
  UserName?: string;
  DirectoryId?: string;
  State?: string;
  WorkspaceProperties?: {
    RunningMode?: string;
    RunningModeAutoStopTimeoutInMinutes?: number;
    ComputeTypeName?: string;
    OperatingSystemName?: string;
    RootVolumeSizeGib?: number;
    UserVolumeSizeGib?: number;
  };
  RelatedWorkspaces?: { WorkspaceId: string; Type: 'PRIMARY' | 'STANDBY' }[];
}

/** Hourly value of a metric at an hour start; undefined = no datapoint that hour. */
export type HourlyValue = (hourStart: Date) => number | undefined;

/** The estate: desktops and what each API says about them. */
export interface FakeEstate {
  desktops: FakeDesktop[];
  /** workspaceId → metric name → hourly value. */
  metrics?: Record<string, Partial<Record<string, HourlyValue>>>;
  /** workspaceId → StatusCode CloudWatch reports for every query of that desktop. */
  metricStatus?: Record<string, string>;
  lastConnection?: Record<string, Date | undefined>;
  tags?: Record<string, { Key: string; Value: string }[]>;
  /** Price List documents (the JSON objects GetProducts returns as strings). */
  products?: Record<string, unknown>[];
  costAndUsage?: (input: Record<string, unknown>) => Record<string, unknown>;
  costForecast?: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Operations that fail with this error (e.g. `GetMetricData` → InternalFailure). */
  failures?: Record<string, Error>;
  /** Finer failures: return an error to fail that one request. */
  failIf?: (request: FakeRequest) => Error | undefined;
}

function offsetToken(token: unknown): number {
  return typeof token === 'string' ? Number(token) : 0;
}

function getMetricData(estate: FakeEstate, input: Record<string, unknown>) {
  const queries = input.MetricDataQueries as {
    Id: string;
    MetricStat: { Metric: { MetricName: string; Dimensions: { Value: string }[] }; Period: number };
  }[];
  const start = (input.StartTime as Date).getTime();
  const end = (input.EndTime as Date).getTime();
  if (queries.length > 500)
    throw awsError('ValidationError', `${queries.length} queries in one request (max 500)`);
  const hours = Math.ceil((end - start) / HOUR_MS);
  if (queries.length * hours > 100_800)
    throw awsError(
      'ValidationError',
      `${queries.length * hours} datapoints requested in one call (max 100,800)`,
    );
  return {
    MetricDataResults: queries.map((query) => {
      const workspaceId = query.MetricStat.Metric.Dimensions[0]?.Value ?? '';
      const status = estate.metricStatus?.[workspaceId];
      if (status && status !== 'Complete')
        return { Id: query.Id, StatusCode: status, Timestamps: [], Values: [], Messages: [] };
      const valueAt = estate.metrics?.[workspaceId]?.[query.MetricStat.Metric.MetricName];
      const timestamps: Date[] = [];
      const values: number[] = [];
      for (let t = start; t < end; t += HOUR_MS) {
        const value = valueAt?.(new Date(t));
        if (value === undefined) continue;
        timestamps.push(new Date(t));
        values.push(value);
      }
      return { Id: query.Id, StatusCode: 'Complete', Timestamps: timestamps, Values: values };
    }),
  };
}

function matchesFilters(doc: Record<string, unknown>, filters: { Field: string; Value: string }[]): boolean {
  const product = (doc.product ?? {}) as { productFamily?: string; attributes?: Record<string, string> };
  return filters.every(({ Field, Value }) =>
    Field === 'productFamily' ? product.productFamily === Value : product.attributes?.[Field] === Value,
  );
}

/** The handler answering every operation the cost tools send. */
export function estateHandler(estate: FakeEstate): FakeHandler {
  return (request: FakeRequest) => {
    const failure = estate.failures?.[request.operation] ?? estate.failIf?.(request);
    if (failure) throw failure;
    const { input } = request;
    switch (request.operation) {
      case 'DescribeWorkspaces': {
        const limit = Number(input.Limit ?? 25);
        if (limit > 25) throw awsError('InvalidParameterValuesException', 'Limit must be at most 25');
        const from = offsetToken(input.NextToken);
        const page = estate.desktops.slice(from, from + limit);
        const next = from + limit < estate.desktops.length ? String(from + limit) : undefined;
        return { Workspaces: page, ...(next ? { NextToken: next } : {}) };
      }
      case 'DescribeWorkspacesConnectionStatus': {
        const ids = (input.WorkspaceIds as string[] | undefined) ?? [];
        if (ids.length === 0 || ids.length > 25)
          throw awsError('InvalidParameterValuesException', `${ids.length} WorkspaceIds (1-25 allowed)`);
        return {
          WorkspacesConnectionStatus: ids.map((id) => ({
            WorkspaceId: id,
            ConnectionState: 'DISCONNECTED',
            ...(estate.lastConnection?.[id]
              ? { LastKnownUserConnectionTimestamp: estate.lastConnection[id] }
              : {}),
          })),
        };
      }
      case 'DescribeTags':
        return { TagList: estate.tags?.[String(input.ResourceId)] ?? [] };
      case 'GetMetricData':
        return getMetricData(estate, input);
      case 'GetProducts': {
        const filters = (input.Filters as { Field: string; Value: string }[] | undefined) ?? [];
        const all = (estate.products ?? []).filter(
          (doc) => doc.serviceCode === input.ServiceCode && matchesFilters(doc, filters),
        );
        const size = Number(input.MaxResults ?? 100);
        const from = offsetToken(input.NextToken);
        const next = from + size < all.length ? String(from + size) : undefined;
        return {
          PriceList: all.slice(from, from + size).map((doc) => JSON.stringify(doc)),
          FormatVersion: 'aws_v1',
          ...(next ? { NextToken: next } : {}),
        };
      }
      case 'GetCostAndUsage':
        if (!estate.costAndUsage)
          throw awsError('AccessDeniedException', 'no Cost Explorer data in this estate');
        return estate.costAndUsage(input);
      case 'GetCostForecast':
        if (!estate.costForecast) throw awsError('AccessDeniedException', 'no forecast in this estate');
        return estate.costForecast(input);
      default:
        throw awsError('UnknownOperation', `${request.operation} is not simulated`);
    }
  };
}

/** A test host with the plugin, answering from the estate, with the tool clock at `now`. */
export async function estateHost(
  plugin: Plugin,
  estate: FakeEstate,
  options: { now: Date; region?: string; pageSize?: number; extraPlugins?: Plugin[] },
): Promise<{
  host: Awaited<ReturnType<typeof createTestHost>>;
  requests: FakeRequest[];
  count: (operation: string) => number;
}> {
  const aws = fakeAws(estateHandler(estate));
  const host = await createTestHost({
    plugins: [plugin, ...(options.extraPlugins ?? [])],
    aws: { clientHook: aws.clientHook as never, defaultRegion: options.region ?? 'eu-west-1' },
    now: options.now,
    limits: { pageSize: options.pageSize ?? 50 },
  });
  const count = (operation: string) => aws.requests.filter((r) => r.operation === operation).length;
  return { host, requests: aws.requests, count };
}

/** An hourly value that is 1 on the given UTC hours of the given weekdays (0 = Sunday), else 0. */
export function workingHours(days: readonly number[], fromHour: number, toHour: number): HourlyValue {
  return (t) =>
    days.includes(t.getUTCDay()) && t.getUTCHours() >= fromHour && t.getUTCHours() < toHour ? 1 : 0;
}

/** An AutoStop desktop reports only while running: the value while connected, nothing otherwise. */
export function onlyWhileRunning(connected: HourlyValue, tailHours = 1): HourlyValue {
  return (t) => {
    for (let back = 0; back <= tailHours; back += 1)
      if (connected(new Date(t.getTime() - back * HOUR_MS)) === 1) return back === 0 ? 1 : 0;
    return undefined;
  };
}

/** A constant hourly value. */
export const always =
  (value: number): HourlyValue =>
  () =>
    value;
