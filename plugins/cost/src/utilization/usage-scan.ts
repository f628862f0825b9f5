import type { ErrorEntry, Scope, ToolContext } from '@workspaces-euc-mcp/host';
import { type ConnectionLookup, readLastConnections } from '../desktops/connections.js';
import { type Desktop, isBilled, listDesktops } from '../desktops/desktops.js';
import {
  fetchHourlyMaxima,
  type HourlyReduction,
  metricErrors,
  metricRequestsFor,
  type ReducedOutcome,
} from '../desktops/hourly-metrics.js';
import { type HourWindow, hourWindowEndingAt } from '../shared/hours.js';
import {
  autoStopTailHours,
  type ConnectedHours,
  connectedHoursOf,
  measureConnectedHours,
  type UsageMeasure,
  type UsageOutcome,
} from './billable-hours.js';

/** UserConnected is read once per window and kept as connected hours (bits), never as points. */
export const CONNECTED_HOURS: HourlyReduction<ConnectedHours> = {
  name: 'connected-hours',
  reduce: connectedHoursOf,
};

/** One desktop with its hourly UserConnected outcome and, when there is data, its measure. */
export interface DesktopUsage {
  readonly desktop: Desktop;
  readonly outcome: UsageOutcome;
}

/** The estate-wide usage read shared by the utilisation and running-mode tools. */
export interface UsageScan {
  readonly window: HourWindow;
  /** Billed, non-standby desktops, each with its usage. */
  readonly usage: readonly DesktopUsage[];
  readonly standbyExcluded: number;
  readonly notBilledExcluded: number;
  /** GetMetricData requests the read needed (before retries and NextToken pages). */
  readonly metricRequests: number;
  /**
   * Last known user connection of the non-AlwaysOn desktops that published no UserConnected
   * datapoint (asked only with `resolveSilence`), to tell a stopped desktop from missing metrics.
   */
  readonly lastConnections: ReadonlyMap<string, ConnectionLookup>;
  /** DescribeWorkspacesConnectionStatus requests sent for them (25 ids each). */
  readonly connectionStatusRequests: number;
  readonly errors: readonly ErrorEntry[];
}

/** The AutoStop idle tail this desktop has, or would get if switched (AWS default 60 minutes). */
export function tailHoursOf(desktop: Desktop): number {
  return autoStopTailHours(desktop.runningMode === 'AUTO_STOP' ? desktop.autoStopTimeoutMinutes : undefined);
}

function toUsageOutcome(
  desktop: Desktop,
  outcome: ReducedOutcome<ConnectedHours>,
  window: HourWindow,
): UsageOutcome {
  if (!outcome.ok) return { kind: 'failed', failure: outcome.failure };
  const measure: UsageMeasure = measureConnectedHours(outcome.value, window, {
    tailHours: tailHoursOf(desktop),
    // AlwaysOn desktops report every hour they exist: project a new one from its own history.
    observeFrom: desktop.runningMode === 'ALWAYS_ON' ? 'first-datapoint' : 'window',
  });
  return { kind: 'measured', measure };
}

/**
 * Lists the desktops (ceil(N/25) DescribeWorkspaces pages) and reads hourly UserConnected for
 * the billed, non-standby ones in batched GetMetricData requests. Shared within one client call.
 */
export async function scanUsage(
  ctx: ToolContext,
  scope: Scope,
  lookbackDays: number,
  options: { readonly resolveSilence?: boolean } = {},
): Promise<UsageScan> {
  const window = hourWindowEndingAt(ctx.now(), lookbackDays);
  const all = await listDesktops(ctx, scope);
  const billed = all.filter(isBilled);
  const measured = billed.filter((d) => !d.isStandby);
  const ids = measured.map((d) => d.workspaceId);
  const outcomes = await fetchHourlyMaxima(ctx, scope, ids, 'UserConnected', window, CONNECTED_HOURS);
  const errors = metricErrors(
    outcomes.values(),
    scope,
    (count) => `UserConnected unavailable for ${count} desktop(s), classified unknown`,
  );
  const usage = measured.map((desktop) => ({
    desktop,
    outcome: toUsageOutcome(
      desktop,
      outcomes.get(desktop.workspaceId) ?? { ok: false, failure: { code: 'Missing', message: 'no result' } },
      window,
    ),
  }));
  // Only the silent, non-AlwaysOn desktops need their last connection: 25 ids per request.
  const silent = options.resolveSilence
    ? usage
        .filter(
          ({ desktop, outcome }) =>
            outcome.kind === 'measured' &&
            outcome.measure.datapoints === 0 &&
            desktop.runningMode !== 'ALWAYS_ON',
        )
        .map(({ desktop }) => desktop)
    : [];
  const connections = silent.length > 0 ? await readLastConnections(ctx, scope, silent) : undefined;
  if (connections) errors.push(...connections.errors);
  return {
    window,
    usage,
    lastConnections: connections?.lookups ?? new Map(),
    connectionStatusRequests: Math.ceil(silent.length / 25),
    standbyExcluded: billed.length - measured.length,
    notBilledExcluded: all.length - billed.length,
    metricRequests: metricRequestsFor(ids.length, window),
    errors,
  };
}
