import type { Desktop } from '../desktops/desktops.js';
import { HOURS_PER_MONTH } from '../shared/hours.js';
import { projectToMonth, type UsageOutcome } from '../utilization/billable-hours.js';
import { type SwitchTiming, timingToAlwaysOn, timingToAutoStop } from './billing-timing.js';
import { judgeRunningMode, type PersonalPrices } from './break-even.js';
import { type OptOutLookup, SKIP_CONVERT_TAG } from './tags.js';

/**
 * One desktop's running-mode advice, assembled from its usage measure and its list prices.
 * Pure: the tool fetches, this decides.
 */

/** Every outcome a desktop can get. Only the two `switch-*` decisions carry a saving. */
export type AdviceDecision =
  | 'switch-to-auto-stop'
  | 'switch-to-always-on'
  | 'keep'
  | 'coin-flip'
  | 'opted-out'
  | 'unpriced'
  | 'unknown'
  | 'skipped'
  | 'check-client';

/** Running hours AWS adds to an AutoStop month for the monthly maintenance start (WCO v2.8.0 adds 1). */
export const MAINTENANCE_HOURS_PER_MONTH = 1;
/** Fewer observed hours than this and the projection is a guess (as in utilization/utilization.ts). */
export const MIN_OBSERVED_HOURS = 72;

/**
 * States in which ModifyWorkspaceProperties (running mode, compute type) is accepted
 * (euc-admin-anchors §5.1): a RESTORING or REBOOTING desktop cannot be switched now.
 */
export const MODIFIABLE_STATES: ReadonlySet<string> = new Set(['AVAILABLE', 'STOPPED']);

/**
 * Connected in at least this share of the observed hours: a sleeping laptop or a third-party
 * client left running keeps an AutoStop desktop up around the clock (euc-admin-anchors §5.3), so
 * such "use" is checked with the user before AlwaysOn is advised.
 */
export const ALWAYS_CONNECTED_SHARE = 0.95;

/** The advice for one desktop. */
export interface DesktopAdvice {
  readonly decision: AdviceDecision;
  readonly reason: string;
  readonly connectedHours?: number;
  readonly billableHours?: number;
  readonly observedHours?: number;
  /** AutoStop running hours in a 730-h month, maintenance start included. */
  readonly projectedBillableHoursPerMonth?: number;
  readonly breakEvenHours?: number;
  readonly alwaysOnMonthlyUsd?: number;
  readonly autoStopMonthlyUsd?: number;
  readonly monthlySavingUsd: number;
  readonly timing?: SwitchTiming;
}

/** How the price lookup went for the desktop's configuration. */
export type PriceOutcome =
  | { readonly ok: true; readonly prices: PersonalPrices }
  | { readonly ok: false; readonly why: string };

/** The projected AutoStop hours of a measured desktop, or why it cannot be judged. */
export function projectedHours(
  desktop: Desktop,
  outcome: UsageOutcome,
  maintenanceHours = MAINTENANCE_HOURS_PER_MONTH,
): { hours: number; connected: number; billable: number; observed: number } | { why: string } {
  if (outcome.kind === 'failed')
    return {
      why: `CloudWatch did not return UserConnected (${outcome.failure.code}); no advice without usage.`,
    };
  const m = outcome.measure;
  // An AlwaysOn desktop reports every hour it runs, so silence means missing metrics; an
  // AutoStop desktop reports only while running, so silence is a stopped desktop (0 hours).
  if (m.datapoints === 0 && desktop.runningMode === 'ALWAYS_ON')
    return { why: 'No UserConnected datapoints for an AlwaysOn desktop: its metrics are missing.' };
  if (m.datapoints > 0 && m.observedHours < MIN_OBSERVED_HOURS)
    return { why: `Only ${m.observedHours} h of history (need ${MIN_OBSERVED_HOURS}); too new to project.` };
  return {
    hours: Math.min(HOURS_PER_MONTH, projectToMonth(m.billableHours, m.observedHours) + maintenanceHours),
    connected: m.connectedHours,
    billable: m.billableHours,
    observed: m.observedHours,
  };
}

/** Advice for one desktop from its usage and prices (both already fetched). */
export function adviseDesktop(
  desktop: Desktop,
  outcome: UsageOutcome,
  price: PriceOutcome,
  options: {
    readonly bandPercent: number;
    readonly now: Date;
    /** False when the desktop's directory has maintenance mode off: no monthly maintenance start. */
    readonly maintenance?: boolean;
  },
): DesktopAdvice {
  const mode = desktop.runningMode;
  if (mode !== 'ALWAYS_ON' && mode !== 'AUTO_STOP')
    return {
      decision: 'skipped',
      reason: `Running mode ${mode ?? 'unknown'}: only ALWAYS_ON and AUTO_STOP (WorkSpaces Personal) are compared.`,
      monthlySavingUsd: 0,
    };
  const usage = projectedHours(
    desktop,
    outcome,
    options.maintenance === false ? 0 : MAINTENANCE_HOURS_PER_MONTH,
  );
  if ('why' in usage) return { decision: 'unknown', reason: usage.why, monthlySavingUsd: 0 };
  const measured = {
    connectedHours: usage.connected,
    billableHours: usage.billable,
    observedHours: usage.observed,
    projectedBillableHoursPerMonth: usage.hours,
  };
  if (!price.ok) return { decision: 'unpriced', reason: price.why, ...measured, monthlySavingUsd: 0 };
  const judgement = judgeRunningMode({
    currentMode: mode,
    projectedBillableHours: usage.hours,
    prices: price.prices,
    bandPercent: options.bandPercent,
  });
  if (judgement.decision === 'unpriced')
    return { decision: 'unpriced', reason: judgement.reason, ...measured, monthlySavingUsd: 0 };
  const priced = {
    ...measured,
    breakEvenHours: judgement.breakEvenHours,
    alwaysOnMonthlyUsd: judgement.alwaysOnMonthlyUsd,
    autoStopMonthlyUsd: judgement.autoStopMonthlyUsd,
    monthlySavingUsd: judgement.monthlySavingUsd,
  };
  const switching =
    judgement.decision === 'switch-to-auto-stop' || judgement.decision === 'switch-to-always-on';
  if (switching && !MODIFIABLE_STATES.has(desktop.state))
    return {
      decision: 'skipped',
      ...priced,
      monthlySavingUsd: 0,
      reason: `${desktop.state}: the running mode can be changed only when AVAILABLE or STOPPED; ask again then (would save $${judgement.monthlySavingUsd.toFixed(2)}/month: ${judgement.reason})`,
    };
  if (
    judgement.decision === 'switch-to-always-on' &&
    usage.connected >= ALWAYS_CONNECTED_SHARE * usage.observed
  )
    return {
      decision: 'check-client',
      ...priced,
      monthlySavingUsd: 0,
      reason: `Connected ${usage.connected} of ${usage.observed} observed hours: possibly a client left running (sleeping laptop, third-party client), which keeps an AutoStop desktop billing. Ask the user first; if the use is real, ALWAYS_ON saves $${judgement.monthlySavingUsd.toFixed(2)}/month.`,
    };
  const timing =
    judgement.decision === 'switch-to-auto-stop'
      ? timingToAutoStop(options.now)
      : judgement.decision === 'switch-to-always-on'
        ? timingToAlwaysOn(options.now, price.prices, usage.hours)
        : undefined;
  return { decision: judgement.decision, reason: judgement.reason, ...priced, ...(timing ? { timing } : {}) };
}

/** Where the Skip_Convert check stands for one desktop. */
export type SkipConvertStatus = 'opted-out' | 'not-opted-out' | 'lookup-failed' | 'not-needed';

/**
 * Applies the Skip_Convert opt-out to a switch recommendation. Opted-out desktops keep their
 * mode; a desktop whose tags could not be read is skipped (fail-safe, as WCO does); neither
 * counts towards the saving.
 */
export function applyOptOut(
  advice: DesktopAdvice,
  lookup: OptOutLookup | undefined,
): { advice: DesktopAdvice; skipConvert: SkipConvertStatus } {
  if (advice.decision !== 'switch-to-auto-stop' && advice.decision !== 'switch-to-always-on')
    return { advice, skipConvert: 'not-needed' };
  const { timing: _timing, ...rest } = advice;
  const forgone = `would save $${advice.monthlySavingUsd.toFixed(2)}/month: ${advice.reason}`;
  switch (lookup?.kind) {
    case 'not-opted-out':
      return { advice, skipConvert: 'not-opted-out' };
    case 'opted-out':
      return {
        advice: {
          ...rest,
          decision: 'opted-out',
          monthlySavingUsd: 0,
          reason: `Tagged ${SKIP_CONVERT_TAG}, left as is; ${forgone}`,
        },
        skipConvert: 'opted-out',
      };
    case 'failed':
    case undefined:
      return {
        advice: {
          ...rest,
          decision: 'skipped',
          monthlySavingUsd: 0,
          reason: `Tags unreadable (${lookup?.code ?? 'no answer'}), so the ${SKIP_CONVERT_TAG} opt-out is unknown: skipped (fail-safe); ${forgone}`,
        },
        skipConvert: 'lookup-failed',
      };
  }
}
