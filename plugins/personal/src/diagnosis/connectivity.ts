import type { WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import {
  type ErrorEntry,
  errorEntry,
  getMetricDataBatched,
  type Scope,
  type ScopeSelection,
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { describeSubnetsByIds } from '../aws/ec2.js';
import { type LocatedWorkspace, locateWorkspaces, type SearchFailure, searchScopes } from '../aws/locate.js';
import { cloudWatchSdk, workspacesSdk } from '../aws/sdk.js';
import { desktopsOfUser } from '../aws/user-lookup.js';
import { describeDirectoriesByIds, listAllWorkspaces, workspacesClient } from '../aws/workspaces.js';
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

/** The desktops the input names, each with its scope, and where the search looked. */
export interface ResolvedDesktops {
  /** The field the desktops were named by, for a not-found error. */
  readonly field: 'workspaceId' | 'userName' | 'computerName';
  /** The value searched for, as the summary says it. */
  readonly by: string;
  readonly matches: readonly LocatedWorkspace[];
  readonly scopes: readonly Scope[];
  readonly failures: readonly SearchFailure[];
}

/**
 * Finds the desktop(s) the input names in every selected scope; the first is diagnosed, the rest
 * are listed. An id is asked by id (DescribeWorkspaces, no scan); a user name per directory (with
 * directoryId, only that directory); a computer name needs a scan of each scope (shared).
 */
export async function resolveDesktops(
  ctx: ToolContext,
  selection: ScopeSelection,
  input: DesktopLookup,
): Promise<ResolvedDesktops> {
  if (input.workspaceId) {
    const search = await locateWorkspaces(ctx, selection, [input.workspaceId]);
    const found = search.found.get(input.workspaceId);
    return {
      field: 'workspaceId',
      by: input.workspaceId,
      matches: found ? [found] : [],
      scopes: search.scopes,
      failures: search.failures,
    };
  }
  const scopes = selectScopes(ctx.aws, selection);
  const { userName, directoryId } = input;
  if (userName) {
    if (directoryId) {
      // UserName is a server-side filter only together with DirectoryId (API reference).
      const { DescribeWorkspacesCommand } = await workspacesSdk();
      const search = await searchScopes(
        ctx,
        scopes,
        async (scope) =>
          (
            await (
              await workspacesClient(ctx, scope)
            ).send(new DescribeWorkspacesCommand({ DirectoryId: directoryId, UserName: userName }))
          ).Workspaces ?? [],
      );
      return {
        field: 'userName',
        by: `user ${userName} in ${directoryId}`,
        matches: search.found,
        scopes,
        failures: search.failures,
      };
    }
    const search = await desktopsOfUser(ctx, scopes, userName);
    const [first] = search.failures;
    if (first && search.failures.length === scopes.length) throw first.error;
    return {
      field: 'userName',
      by: `user ${userName}`,
      matches: search.found,
      scopes,
      failures: search.failures,
    };
  }
  const wanted = (input.computerName ?? '').toLowerCase();
  const search = await searchScopes(ctx, scopes, async (scope) =>
    (await listAllWorkspaces(ctx, scope)).filter((ws) => ws.ComputerName?.toLowerCase() === wanted),
  );
  return {
    field: 'computerName',
    by: `computer ${input.computerName}`,
    matches: search.found,
    scopes,
    failures: search.failures,
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
