import type { Statistic } from './metrics.js';

/** The connection metrics, as [field, CloudWatch metric, statistic]: counts are summed, never averaged. */
export const CONNECTION_METRICS: readonly (readonly [ConnectionField, string, Statistic])[] = [
  ['connected', 'UserConnected', 'Maximum'],
  ['attempts', 'ConnectionAttempt', 'Sum'],
  ['successes', 'ConnectionSuccess', 'Sum'],
  ['failures', 'ConnectionFailure', 'Sum'],
  ['disconnects', 'SessionDisconnect', 'Sum'],
  ['launchSeconds', 'SessionLaunchTime', 'Average'],
  ['latencyMs', 'InSessionLatency', 'Average'],
];

export type ConnectionField =
  | 'connected'
  | 'attempts'
  | 'successes'
  | 'failures'
  | 'disconnects'
  | 'launchSeconds'
  | 'latencyMs';

/** One period of connection history; null = no datapoint in that period. */
export type ConnectionBucket = { readonly start: string } & Readonly<Record<ConnectionField, number | null>>;

/**
 * Totals over the window. A count is null when CloudWatch returned no datapoint of that metric in
 * any period: no data is not zero (a stopped or DCV desktop publishes none).
 */
export interface ConnectionTotals {
  readonly buckets: number;
  /** Buckets with a UserConnected maximum of at least 1; null without any UserConnected datapoint. */
  readonly connectedBuckets: number | null;
  /** Buckets with any datapoint at all. */
  readonly bucketsWithData: number;
  readonly attempts: number | null;
  readonly successes: number | null;
  readonly failures: number | null;
  readonly disconnects: number | null;
  /** failures / attempts in %, null without attempts. */
  readonly failureRatePct: number | null;
  readonly avgLaunchSeconds: number | null;
  readonly avgLatencyMs: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Totals over the buckets: counts summed, times averaged over the buckets that have them. */
export function connectionTotals(buckets: readonly ConnectionBucket[]): ConnectionTotals {
  const present = (field: ConnectionField) => buckets.flatMap((b) => (b[field] === null ? [] : [b[field]]));
  const sum = (field: ConnectionField) => {
    const values = present(field);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  const attempts = sum('attempts');
  const failures = sum('failures');
  return {
    buckets: buckets.length,
    connectedBuckets:
      present('connected').length === 0 ? null : buckets.filter((b) => (b.connected ?? 0) >= 1).length,
    bucketsWithData: buckets.filter((b) => Object.entries(b).some(([k, v]) => k !== 'start' && v !== null))
      .length,
    attempts,
    successes: sum('successes'),
    failures,
    disconnects: sum('disconnects'),
    failureRatePct: attempts ? Math.round(((failures ?? 0) / attempts) * 1000) / 10 : null,
    avgLaunchSeconds: mean(present('launchSeconds')),
    avgLatencyMs: mean(present('latencyMs')),
  };
}

/** A plain-language paragraph about the history. */
export function connectionStory(totals: ConnectionTotals, periodHours: number, lookbackDays: number): string {
  const unit = periodHours === 24 ? 'daily' : periodHours === 1 ? 'hourly' : `${periodHours}-hour`;
  if (totals.bucketsWithData === 0)
    return `No connection datapoints in the last ${lookbackDays} day(s): nobody connected, or the desktop (for example a DCV/WSP one) publishes no connection metrics.`;
  const parts = [
    totals.connectedBuckets === null
      ? `No UserConnected data in the last ${lookbackDays} day(s) (the desktop was not running, or published none), so connected time is unknown.`
      : totals.connectedBuckets === 0
        ? `No user was connected in any of the ${totals.buckets} ${unit} periods of the last ${lookbackDays} day(s) — unused in this window.`
        : `A user was connected in ${totals.connectedBuckets} of ${totals.buckets} ${unit} periods over the last ${lookbackDays} day(s).`,
  ];
  if (totals.attempts)
    parts.push(
      `${totals.attempts} connection attempt(s), ${totals.failures ?? 0} failed${totals.failureRatePct !== null && totals.failures ? ` (${totals.failureRatePct}%)` : ''}.`,
    );
  else if (totals.attempts === null)
    parts.push(
      'No connection-attempt data: attempt, success and failure counts are unknown (null), not zero.',
    );
  if (totals.avgLaunchSeconds !== null)
    parts.push(`Sessions took ${Math.round(totals.avgLaunchSeconds)} s to launch on average.`);
  if (totals.avgLatencyMs !== null)
    parts.push(`In-session latency averaged ${Math.round(totals.avgLatencyMs)} ms.`);
  return parts.join(' ');
}
