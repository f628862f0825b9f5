import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DescribeWorkspacesCommand, type Workspace } from '@aws-sdk/client-workspaces';
import { getMetricDataBatched, type ToolContext } from '@workspaces-euc-mcp/host';
import { describeWorkspacesByIds, listAllWorkspaces, type Where, workspacesClient } from './aws.js';
import type { ConnectionMetricFacts } from './diagnosis.js';
import {
  failedSeries,
  meanOf,
  metricErrorEntry,
  metricWindow,
  sumOf,
  valuesOf,
  workspaceQuery,
} from './metrics.js';
import { type ErrorEntry, errorEntry } from './schemas.js';

/** How the connectivity diagnosis can name a desktop. */
export interface DesktopLookup {
  readonly workspaceId?: string;
  readonly userName?: string;
  readonly directoryId?: string;
  readonly computerName?: string;
}

const HOUR = 3600;

/** Finds the desktop(s) the input names; the first is diagnosed, the rest are listed. */
export async function resolveDesktops(
  ctx: ToolContext,
  where: Where,
  input: DesktopLookup,
): Promise<{ by: string; matches: Workspace[] }> {
  if (input.workspaceId) {
    const found = await describeWorkspacesByIds(ctx, where, [input.workspaceId]);
    return { by: `workspaceId ${input.workspaceId}`, matches: [...found.values()] };
  }
  if (input.userName && input.directoryId) {
    // UserName is a server-side filter only together with DirectoryId (API reference).
    const page = await workspacesClient(ctx, where).send(
      new DescribeWorkspacesCommand({ DirectoryId: input.directoryId, UserName: input.userName }),
    );
    return { by: `user ${input.userName} in ${input.directoryId}`, matches: page.Workspaces ?? [] };
  }
  const all = await listAllWorkspaces(ctx, where);
  if (input.userName) {
    const wanted = input.userName.toLowerCase();
    return {
      by: `user ${input.userName}`,
      matches: all.filter((ws) => ws.UserName?.toLowerCase() === wanted),
    };
  }
  const wanted = (input.computerName ?? '').toLowerCase();
  return {
    by: `computer ${input.computerName}`,
    matches: all.filter((ws) => ws.ComputerName?.toLowerCase() === wanted),
  };
}

/** Connection metrics for one desktop in ONE GetMetricData call: counts as Sum, times as Average, hourly. */
export async function connectionMetrics(
  ctx: ToolContext,
  where: Where,
  workspaceId: string,
  lookbackHours: number,
  errors: ErrorEntry[],
): Promise<ConnectionMetricFacts> {
  const window = metricWindow(ctx.now(), lookbackHours * HOUR, HOUR);
  const queries = [
    workspaceQuery('attempts', workspaceId, 'ConnectionAttempt', 'Sum', HOUR),
    workspaceQuery('failures', workspaceId, 'ConnectionFailure', 'Sum', HOUR),
    workspaceQuery('latency', workspaceId, 'InSessionLatency', 'Average', HOUR),
    workspaceQuery('launch', workspaceId, 'SessionLaunchTime', 'Average', HOUR),
  ];
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, where), queries, window, {
    signal: ctx.signal,
  });
  const failed = failedSeries(series.values());
  if (failed) errors.push(metricErrorEntry(failed, where.region));
  return {
    lookbackHours,
    attempts: sumOf(valuesOf(series.get('attempts'))),
    failures: sumOf(valuesOf(series.get('failures'))),
    latencyMs: meanOf(valuesOf(series.get('latency'))),
    launchSeconds: meanOf(valuesOf(series.get('launch'))),
  };
}

/** Runs a secondary lookup; its failure becomes an `errors[]` entry and an undefined part. */
export async function bestEffort<T>(
  errors: ErrorEntry[],
  service: string,
  region: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    errors.push(errorEntry(service, region, error));
    return undefined;
  }
}
