import type { Workspace, WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import {
  type ErrorEntry,
  errorEntry,
  getMetricDataBatched,
  mapBounded,
  type Scope,
  SERVICE_LABELS,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { describeSubnetsByIds } from '../aws/ec2.js';
import { cloudWatchSdk, workspacesSdk } from '../aws/sdk.js';
import {
  describeDirectoriesByIds,
  describeWorkspacesByIds,
  listAllWorkspaces,
  listDirectories,
  workspacesClient,
} from '../aws/workspaces.js';
import { type DirectoryCapacity, directoryCapacity } from '../directories/subnets.js';
import { meanOf, metricErrors, metricWindow, sumOf, valuesOf, workspaceQuery } from '../metrics/metrics.js';
import type { ConnectionMetricFacts } from './connection-findings.js';

/** How the connectivity diagnosis can name a desktop. */
export interface DesktopLookup {
  readonly workspaceId?: string;
  readonly userName?: string;
  readonly directoryId?: string;
  readonly computerName?: string;
}

const HOUR = 3600;

/**
 * Above this many directories in a region, a per-directory user lookup costs more than it saves;
 * below it, one DescribeWorkspaces(DirectoryId, UserName) per directory beats paging every desktop
 * (10,000 desktops are 400 pages of 25).
 */
export const MAX_DIRECTORIES_FOR_USER_LOOKUP = 50;

/**
 * The desktops of a user anywhere in the region. UserName is a server-side filter only together
 * with DirectoryId (API reference), so each Personal directory is asked once; if that finds
 * nothing (AWS may match the name more strictly than an admin types it) the region is scanned and
 * matched case-insensitively.
 */
export async function desktopsOfUser(ctx: ToolContext, scope: Scope, userName: string): Promise<Workspace[]> {
  const directories = (await listDirectories(ctx, scope)).filter(
    (d) => d.DirectoryId && d.WorkspaceType !== 'POOLS' && d.State !== 'DEREGISTERED',
  );
  if (directories.length > 0 && directories.length <= MAX_DIRECTORIES_FOR_USER_LOOKUP) {
    const { DescribeWorkspacesCommand } = await workspacesSdk();
    const client = await workspacesClient(ctx, scope);
    const settled = await mapBounded(
      directories,
      ctx.limits.concurrency,
      async (d) =>
        (await client.send(new DescribeWorkspacesCommand({ DirectoryId: d.DirectoryId, UserName: userName })))
          .Workspaces ?? [],
      { signal: ctx.signal },
    );
    const found = settled.flatMap((outcome) => {
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
    if (found.length > 0) return found;
  }
  const wanted = userName.toLowerCase();
  return (await listAllWorkspaces(ctx, scope)).filter((ws) => ws.UserName?.toLowerCase() === wanted);
}

/** Finds the desktop(s) the input names; the first is diagnosed, the rest are listed. */
export async function resolveDesktops(
  ctx: ToolContext,
  scope: Scope,
  input: DesktopLookup,
): Promise<{ by: string; matches: Workspace[] }> {
  if (input.workspaceId) {
    const found = await describeWorkspacesByIds(ctx, scope, [input.workspaceId]);
    return { by: `workspaceId ${input.workspaceId}`, matches: [...found.values()] };
  }
  if (input.userName && input.directoryId) {
    // UserName is a server-side filter only together with DirectoryId (API reference).
    const { DescribeWorkspacesCommand } = await workspacesSdk();
    const page = await (await workspacesClient(ctx, scope)).send(
      new DescribeWorkspacesCommand({ DirectoryId: input.directoryId, UserName: input.userName }),
    );
    return { by: `user ${input.userName} in ${input.directoryId}`, matches: page.Workspaces ?? [] };
  }
  if (input.userName)
    return { by: `user ${input.userName}`, matches: await desktopsOfUser(ctx, scope, input.userName) };
  const wanted = (input.computerName ?? '').toLowerCase();
  return {
    by: `computer ${input.computerName}`,
    matches: (await listAllWorkspaces(ctx, scope)).filter((ws) => ws.ComputerName?.toLowerCase() === wanted),
  };
}

/**
 * Connection metrics (and CPU, a documented UNHEALTHY cause) for one desktop in ONE GetMetricData
 * call: counts as Sum, times and CPU as Average, hourly.
 */
export async function connectionMetrics(
  ctx: ToolContext,
  scope: Scope,
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
    workspaceQuery('cpu', workspaceId, 'CPUUsage', 'Average', HOUR),
  ];
  const { CloudWatchClient } = await cloudWatchSdk();
  const series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
    signal: ctx.signal,
  });
  errors.push(...metricErrors(series.values(), scope));
  return {
    lookbackHours,
    attempts: sumOf(valuesOf(series.get('attempts'))),
    failures: sumOf(valuesOf(series.get('failures'))),
    latencyMs: meanOf(valuesOf(series.get('latency'))),
    launchSeconds: meanOf(valuesOf(series.get('launch'))),
    cpuAvgPercent: meanOf(valuesOf(series.get('cpu'))),
  };
}

/** Runs a secondary lookup; its failure becomes an `errors[]` entry and an undefined part. */
export async function bestEffort<T>(
  errors: ErrorEntry[],
  service: string,
  scope: Scope,
  work: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    errors.push(errorEntry(service, scope, error));
    return undefined;
  }
}

/**
 * The desktop's directory and the free IPs of its subnets (one DescribeWorkspaceDirectories and
 * one ec2:DescribeSubnets call); each part is best effort.
 */
export async function directoryWithCapacity(
  ctx: ToolContext,
  scope: Scope,
  directoryId: string,
  errors: ErrorEntry[],
): Promise<{ record: WorkspaceDirectory | undefined; capacity: DirectoryCapacity | undefined }> {
  const found = await bestEffort(errors, SERVICE_LABELS.personal, scope, () =>
    describeDirectoriesByIds(ctx, scope, [directoryId]),
  );
  const record = found?.find((d) => d.DirectoryId === directoryId);
  const subnetIds = record?.SubnetIds ?? [];
  if (subnetIds.length === 0) return { record, capacity: undefined };
  const subnets = await bestEffort(errors, SERVICE_LABELS.ec2, scope, () =>
    describeSubnetsByIds(ctx, scope, subnetIds),
  );
  return { record, capacity: subnets ? directoryCapacity(subnetIds, subnets) : undefined };
}
