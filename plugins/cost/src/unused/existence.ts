import type { ErrorEntry, Scope, ToolContext } from '@workspaces-euc-mcp/host';
import { fetchHourlyMaxima, type HourlyReduction, metricErrors } from '../desktops/hourly-metrics.js';
import { HOUR_MS, type HourWindow } from '../shared/hours.js';
import { type Existence, existenceFrom } from './unused.js';

/** Available and Stopped are read for their first day and kept as datapoint counts, never as points. */
export const DATAPOINT_COUNT: HourlyReduction<number> = {
  name: 'datapoints',
  reduce: (series) => series.values.length,
};

/**
 * Whether never-connected desktops existed at the window start: any Available or Stopped hourly
 * datapoint on the window's first day (Cost Optimizer for WorkSpaces uses Available the same way).
 */
export async function readExistence(
  ctx: ToolContext,
  scope: Scope,
  workspaceIds: readonly string[],
  windowStart: Date,
): Promise<{ existence: Map<string, Existence>; errors: ErrorEntry[] }> {
  const firstDay: HourWindow = {
    start: windowStart,
    end: new Date(windowStart.getTime() + 24 * HOUR_MS),
    hours: 24,
  };
  const [available, stopped] = await Promise.all([
    fetchHourlyMaxima(ctx, scope, workspaceIds, 'Available', firstDay, DATAPOINT_COUNT),
    fetchHourlyMaxima(ctx, scope, workspaceIds, 'Stopped', firstDay, DATAPOINT_COUNT),
  ]);
  const existence = new Map<string, Existence>();
  for (const id of workspaceIds) {
    const outcomes = [available.get(id), stopped.get(id)].filter((o) => o !== undefined);
    existence.set(id, existenceFrom(outcomes));
  }
  const errors = metricErrors(
    [...available.values(), ...stopped.values()],
    scope,
    (count) =>
      `Health metrics unavailable for ${count} series of never-connected desktops (not reported as unused)`,
  );
  return { existence, errors };
}
