import { projectToMonth, type UsageMeasure } from './billable-hours.js';

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

/** The metric outcome for one desktop: a measure, or why there is none. */
export type MetricOutcome =
  | { readonly kind: 'measured'; readonly measure: UsageMeasure }
  | { readonly kind: 'failed'; readonly status: string; readonly message: string };

/** A desktop's class and the reason, in words for the admin. */
export interface UtilizationVerdict {
  readonly class: UtilizationClass;
  readonly reason: string;
  /** Connected hours projected to a 730-hour month; null when unknown. */
  readonly connectedHoursPerMonth: number | null;
}

/** Classifies one desktop. Pure; the thresholds come from the tool input. */
export function classifyUtilization(
  outcome: MetricOutcome,
  thresholds: UtilizationThresholds = DEFAULT_THRESHOLDS,
): UtilizationVerdict {
  if (outcome.kind === 'failed')
    return {
      class: 'unknown',
      reason: `CloudWatch did not return UserConnected (${outcome.status}${outcome.message ? `: ${outcome.message}` : ''}); not treated as unused.`,
      connectedHoursPerMonth: null,
    };
  const { measure } = outcome;
  if (measure.datapoints === 0)
    return {
      class: 'unknown',
      reason:
        'No UserConnected datapoints in the window: the desktop was stopped throughout, or its metrics are not reported. list_unused_resources tells these apart with the last known connection time.',
      connectedHoursPerMonth: null,
    };
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
