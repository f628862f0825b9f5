import type { ConnectionLookup } from '../desktops/connections.js';
import { projectToMonth, type UsageOutcome } from './billable-hours.js';

/** How much a desktop is used. `unknown` is never folded into `unused`: no data is not no use. */
export type UtilizationClass = 'unused' | 'idle' | 'part-time' | 'full-time' | 'unknown';

/** Ordering for lists: the classes an admin acts on first. */
export const CLASS_ORDER: readonly UtilizationClass[] = [
  'unused',
  'idle',
  'unknown',
  'part-time',
  'full-time',
];

/** Where the classes split, in connected hours per 730-hour month. */
export interface UtilizationThresholds {
  /** At or below this (and above 0) a desktop is idle. */
  readonly idleMaxHoursPerMonth: number;
  /** At or above this a desktop is full-time. */
  readonly fullTimeMinHoursPerMonth: number;
  /** Fewer observed hours than this gives `unknown` (too new to judge). */
  readonly minObservedHours: number;
}

/**
 * Defaults: idle ≤ 10 h/month (under ~2.5 h a week); full-time ≥ 120 h/month (~6 h on each of
 * 20 working days); at least three days observed, so a desktop handed out yesterday is not
 * called unused (the running-mode advice uses the same minimum).
 */
export const DEFAULT_THRESHOLDS: UtilizationThresholds = {
  idleMaxHoursPerMonth: 10,
  fullTimeMinHoursPerMonth: 120,
  minObservedHours: 72,
};

/** A desktop's class and the reason, in words for the admin. */
export interface UtilizationVerdict {
  readonly class: UtilizationClass;
  readonly reason: string;
  /** Connected hours projected to a 730-hour month; null when unknown. */
  readonly connectedHoursPerMonth: number | null;
}

/**
 * What else is known about a desktop that published no UserConnected datapoint in the window:
 * its running mode, the window start, and what DescribeWorkspacesConnectionStatus said of its
 * last user connection (absent when it was not asked).
 */
export interface SilenceContext {
  readonly runningMode?: string | undefined;
  /** The WorkSpaces state: ERROR and SUSPENDED desktops publish nothing whatever their use. */
  readonly state?: string | undefined;
  readonly windowStart: Date;
  readonly lastConnection?: ConnectionLookup | undefined;
}

/** States in which a desktop is running and so publishes WorkSpaces metrics every hour. */
const RUNNING_STATES: ReadonlySet<string> = new Set(['AVAILABLE', 'UNHEALTHY', 'IMPAIRED', 'REBOOTING']);

/**
 * A desktop with no UserConnected datapoint at all. A stopped AutoStop desktop publishes no
 * WorkSpaces metrics (the agent is not running), so silence is expected when nobody connected;
 * an AlwaysOn desktop reports every hour it exists, so its silence means missing metrics. The
 * honest rule: silence is `unused` only when the connection status confirms no user connected
 * since the window began (or ever); anything else, or a failed lookup, is `unknown`.
 */
function classifySilence(context: SilenceContext | undefined): UtilizationVerdict {
  const unknown = (reason: string): UtilizationVerdict => ({
    class: 'unknown',
    reason,
    connectedHoursPerMonth: null,
  });
  if (!context)
    return unknown(
      'No UserConnected datapoints in the window and no connection status to tell a stopped desktop from missing metrics.',
    );
  if (context.state === 'ERROR' || context.state === 'SUSPENDED')
    return unknown(
      `The desktop is ${context.state}: it publishes no WorkSpaces metrics in that state, so its use cannot be measured.`,
    );
  if (context.runningMode === 'ALWAYS_ON')
    return unknown(
      'No UserConnected datapoints for an AlwaysOn desktop, which reports every hour it runs: its metrics are missing (agent or CloudWatch issue), not its use.',
    );
  const lookup = context.lastConnection;
  if (!lookup)
    return unknown(
      'No UserConnected datapoints in the window; the last connection time was not read, so a stopped desktop cannot be told from missing metrics.',
    );
  if (!lookup.ok)
    return unknown(
      `No UserConnected datapoints, and the last connection could not be read (${lookup.message}); not treated as unused.`,
    );
  const last = lookup.lastConnection;
  if (last && last.getTime() >= context.windowStart.getTime())
    return unknown(
      `A user connected at ${last.toISOString()}, inside the window, yet no UserConnected datapoints were published: metrics are missing.`,
    );
  // A running desktop publishes UserConnected every hour; its silence is missing metrics, not a stop.
  if (context.state !== undefined && RUNNING_STATES.has(context.state))
    return {
      class: 'unused',
      reason: `No UserConnected datapoints although the desktop is ${context.state}: its metrics are missing (agent or CloudWatch issue); ${last ? `last user connection ${last.toISOString().slice(0, 10)}, before the window` : 'no user ever connected'}, so it is unused.`,
      connectedHoursPerMonth: 0,
    };
  return {
    class: 'unused',
    reason: last
      ? `Stopped throughout the window (a stopped ${context.runningMode ?? 'AutoStop'} desktop publishes no metrics); last user connection ${last.toISOString().slice(0, 10)}, before the window.`
      : `Stopped throughout the window and never connected (a stopped ${context.runningMode ?? 'AutoStop'} desktop publishes no metrics); list_unused_resources checks whether it existed at the window start.`,
    connectedHoursPerMonth: 0,
  };
}

/** Classifies one desktop. Pure; the thresholds come from the tool input. */
export function classifyUtilization(
  outcome: UsageOutcome,
  thresholds: UtilizationThresholds = DEFAULT_THRESHOLDS,
  silence?: SilenceContext,
): UtilizationVerdict {
  if (outcome.kind === 'failed')
    return {
      class: 'unknown',
      reason: `CloudWatch did not return UserConnected (${outcome.failure.code}${outcome.failure.message ? `: ${outcome.failure.message}` : ''}); not treated as unused.`,
      connectedHoursPerMonth: null,
    };
  const { measure } = outcome;
  if (measure.datapoints === 0) return classifySilence(silence);
  if (measure.observedHours < thresholds.minObservedHours)
    return {
      class: 'unknown',
      reason: `Only ${measure.observedHours} h observed (a new desktop?); at least ${thresholds.minObservedHours} h are needed.`,
      connectedHoursPerMonth: null,
    };
  const perMonth = projectToMonth(measure.connectedHours, measure.observedHours);
  if (measure.connectedHours === 0)
    return {
      class: 'unused',
      reason: `No user connected in ${measure.observedHours} observed hours.`,
      connectedHoursPerMonth: 0,
    };
  const seen = `${measure.connectedHours} connected h on ${measure.activeDays} day(s) in ${measure.observedHours} h observed (≈${Math.round(perMonth)} h/month)`;
  if (perMonth <= thresholds.idleMaxHoursPerMonth)
    return {
      class: 'idle',
      reason: `${seen}, at or below ${thresholds.idleMaxHoursPerMonth} h/month.`,
      connectedHoursPerMonth: perMonth,
    };
  if (perMonth >= thresholds.fullTimeMinHoursPerMonth)
    return {
      class: 'full-time',
      reason: `${seen}, at or above ${thresholds.fullTimeMinHoursPerMonth} h/month.`,
      connectedHoursPerMonth: perMonth,
    };
  return { class: 'part-time', reason: `${seen}.`, connectedHoursPerMonth: perMonth };
}
