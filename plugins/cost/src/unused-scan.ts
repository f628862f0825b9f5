import { DescribeWorkspacesConnectionStatusCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { chunk, mapBounded, type ToolContext } from '@workspaces-euc-mcp/host';
import { HOUR_MS, type HourWindow } from './billable-hours.js';
import { type ErrorEntry, errorEntry, SERVICE_LABEL } from './common.js';
import type { Desktop } from './desktops.js';
import { failureSummary, fetchHourlyMaxima } from './hourly-metrics.js';
import { type ConnectionLookup, type Existence, existenceFrom } from './unused.js';

/** DescribeWorkspacesConnectionStatus accepts at most 25 WorkspaceIds per call. */
const CONNECTION_STATUS_BATCH = 25;

/**
 * Last known user connection of each desktop, 25 ids per DescribeWorkspacesConnectionStatus
 * call. A failed batch makes its desktops `ok: false` (treated as in use), with one error entry.
 */
export async function readLastConnections(
  ctx: ToolContext,
  region: string,
  desktops: readonly Desktop[],
): Promise<{ lookups: Map<string, ConnectionLookup>; errors: ErrorEntry[] }> {
  const client = ctx.aws.client(WorkSpacesClient, { region });
  const batches = chunk(
    desktops.map((d) => d.workspaceId),
    CONNECTION_STATUS_BATCH,
  );
  const settled = await mapBounded(
    batches,
    ctx.limits.concurrency,
    async (ids) => {
      const answer = await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }), {
        abortSignal: ctx.signal,
      });
      return answer.WorkspacesConnectionStatus ?? [];
    },
    { signal: ctx.signal },
  );
  const lookups = new Map<string, ConnectionLookup>();
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (!outcome.ok) {
      const entry = errorEntry(
        SERVICE_LABEL.workspaces,
        region,
        outcome.error,
        `Last connection unknown for ${outcome.item.length} desktop(s), counted as in use: `,
      );
      errors.push(entry);
      for (const id of outcome.item) lookups.set(id, { ok: false, message: entry.code });
      continue;
    }
    for (const status of outcome.value) {
      if (!status.WorkspaceId) continue;
      const last = status.LastKnownUserConnectionTimestamp;
      lookups.set(status.WorkspaceId, { ok: true, ...(last ? { lastConnection: new Date(last) } : {}) });
    }
    for (const id of outcome.item)
      if (!lookups.has(id))
        lookups.set(id, { ok: false, message: 'not in the DescribeWorkspacesConnectionStatus answer' });
  }
  return { lookups, errors };
}

/**
 * Whether never-connected desktops existed at the window start: any Available or Stopped hourly
 * datapoint on the window's first day (Cost Optimizer for WorkSpaces uses Available the same way).
 */
export async function readExistence(
  ctx: ToolContext,
  region: string,
  workspaceIds: readonly string[],
  windowStart: Date,
): Promise<{ existence: Map<string, Existence>; errors: ErrorEntry[] }> {
  const firstDay: HourWindow = {
    start: windowStart,
    end: new Date(windowStart.getTime() + 24 * HOUR_MS),
    hours: 24,
  };
  const [available, stopped] = await Promise.all([
    fetchHourlyMaxima(ctx, region, workspaceIds, 'Available', firstDay),
    fetchHourlyMaxima(ctx, region, workspaceIds, 'Stopped', firstDay),
  ]);
  const existence = new Map<string, Existence>();
  for (const id of workspaceIds) {
    const outcomes = [available.get(id), stopped.get(id)].filter((o) => o !== undefined);
    existence.set(id, existenceFrom(outcomes));
  }
  const errors = failureSummary([...available.values(), ...stopped.values()]).map(
    ({ status, count, message }): ErrorEntry => ({
      service: SERVICE_LABEL.cloudwatch,
      region,
      code: status.replace(/^Error:/, ''),
      message: `Health metrics unavailable for ${count} series of never-connected desktops (not reported as unused)${message ? `: ${message}` : '.'}`,
    }),
  );
  return { existence, errors };
}
