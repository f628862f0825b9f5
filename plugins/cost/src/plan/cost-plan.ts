import type { Desktop } from '../desktops/desktops.js';
import type { RightsizingVerdict } from '../rightsizing/rightsizing.js';
import { autoStopMonthlyCost, type PersonalPrices } from '../running-mode/break-even.js';
import {
  type DesktopAdvice,
  MAINTENANCE_HOURS_PER_MONTH,
  MODIFIABLE_STATES,
  type PriceOutcome,
} from '../running-mode/running-mode.js';
import type { UnusedVerdict } from '../unused/unused.js';

/**
 * One best action per desktop (issue #15 point 3): the three cost questions — is it used, is it
 * the right size, is it in the right running mode — answered in that order, so no desktop gets
 * two actions that contradict each other. Terminating an unused desktop saves its whole bill, so
 * it beats any mode switch; a resize is priced with the best running mode at the new size; a
 * switch at the current size is left for the rest. Pure: the shell (plan-scope.ts) fetches.
 */

/** What the plan does with a desktop. Only terminate, rightsize and switch-mode change it. */
export type PlanAction = 'terminate' | 'rightsize' | 'switch-mode' | 'keep';

/** The plan for one desktop, priced at list prices. */
export interface PlannedDesktop {
  readonly action: PlanAction;
  /** Monthly saving of the action (negative: a step up costs more); 0 for keep. */
  readonly monthlySavingUsd: number;
  /** What the desktop costs a month now (current size and mode), when priced. */
  readonly currentMonthlyUsd?: number;
  /** For rightsize: the compute type and the running mode at the new size. */
  readonly targetComputeType?: string;
  readonly targetMode?: string;
  /** For rightsize: the saving if the running mode stays as it is (a Skip_Convert desktop). */
  readonly savingKeepingModeUsd?: number;
  /** Why an action that changes the desktop has no $ (prices or usage missing). */
  readonly unpricedWhy?: string;
  readonly reason: string;
}

/** Everything the plan weighs for one desktop. */
export interface PlanInput {
  readonly desktop: Desktop;
  /** Prices at the current size. */
  readonly price: PriceOutcome;
  /** The running-mode advice at the current size (before Skip_Convert). */
  readonly advice: DesktopAdvice;
  /** From the last connection; undefined when not read. */
  readonly unused?: UnusedVerdict | undefined;
  /** From CPU/memory peaks; undefined when not read. */
  readonly rightsizing?: RightsizingVerdict | undefined;
  /** Prices at the rightsizing target size, when there is one. */
  readonly targetPrice?: PriceOutcome | undefined;
  /** The running-mode advice at the target size, when there is one. */
  readonly targetAdvice?: DesktopAdvice | undefined;
}

const money = (usd: number) => `$${usd.toFixed(2)}`;

/**
 * The monthly bill of a desktop in its current mode: the AlwaysOn fee, or the AutoStop base plus
 * its projected hours (the maintenance start alone when usage is unknown).
 */
export function currentMonthlyCost(
  mode: string | undefined,
  prices: PersonalPrices,
  projectedHours: number | undefined,
): number | undefined {
  if (mode === 'ALWAYS_ON') return prices.alwaysOnMonthly;
  if (mode === 'AUTO_STOP') return autoStopMonthlyCost(prices, projectedHours ?? MAINTENANCE_HOURS_PER_MONTH);
  return undefined;
}

/** The bill at the advice's recommended mode (the advice compares both modes at one size). */
function costInAdvisedMode(advice: DesktopAdvice, mode: string | undefined): number | undefined {
  if (advice.alwaysOnMonthlyUsd === undefined || advice.autoStopMonthlyUsd === undefined) return undefined;
  const switches = advice.decision === 'switch-to-auto-stop' || advice.decision === 'switch-to-always-on';
  const target = switches ? (mode === 'ALWAYS_ON' ? 'AUTO_STOP' : 'ALWAYS_ON') : mode;
  return target === 'ALWAYS_ON' ? advice.alwaysOnMonthlyUsd : advice.autoStopMonthlyUsd;
}

/** Terminate-or-keep if unused → rightsize → running mode at the (new) size. */
export function planDesktop(input: PlanInput): PlannedDesktop {
  const { desktop, price, advice, unused, rightsizing } = input;
  const mode = desktop.runningMode;
  const current = price.ok
    ? currentMonthlyCost(mode, price.prices, advice.projectedBillableHoursPerMonth)
    : undefined;
  const withCurrent = current === undefined ? {} : { currentMonthlyUsd: current };

  if (unused?.kind === 'unused' || unused?.kind === 'never-connected') {
    const idle = unused.kind === 'unused' ? `No connection for ${unused.idleDays} days` : 'Never connected';
    // The last connection says unused; hourly UserConnected is the second witness. Any connected
    // hour in the window means someone uses it: never advise deleting a user's desktop then.
    if ((advice.connectedHours ?? 0) > 0)
      return {
        action: 'keep',
        monthlySavingUsd: 0,
        ...withCurrent,
        reason: `${idle} by its connection status, yet ${advice.connectedHours} connected h in the window: not terminated; check the data.`,
      };
    if (current === undefined)
      return {
        action: 'terminate',
        monthlySavingUsd: 0,
        unpricedWhy: price.ok ? `Running mode ${mode ?? 'unknown'} is not priced.` : price.why,
        reason: `${idle}: terminate (after a backup of anything the user needs).`,
      };
    return {
      action: 'terminate',
      monthlySavingUsd: current,
      ...withCurrent,
      reason: `${idle}: terminating saves its whole ${mode} bill of ${money(current)}/month.`,
    };
  }

  const resize = rightsizing?.action === 'upsize' || rightsizing?.action === 'downsize';
  if (resize && !MODIFIABLE_STATES.has(desktop.state))
    return {
      action: 'keep',
      monthlySavingUsd: 0,
      ...withCurrent,
      reason: `${desktop.state}: the compute type can be changed only when AVAILABLE or STOPPED; ask again then.`,
    };
  if (resize && rightsizing.targetComputeType) {
    const target = rightsizing.targetComputeType;
    const step = rightsizing.action === 'upsize' ? 'Step up' : 'Step down';
    const targetAdvice = input.targetAdvice;
    const keepingMode =
      input.targetPrice?.ok === true
        ? currentMonthlyCost(mode, input.targetPrice.prices, advice.projectedBillableHoursPerMonth)
        : undefined;
    // Without usable hours the mode cannot be judged: an AlwaysOn desktop keeps its flat fee at
    // the new size; an AutoStop bill depends on the hours, so it stays unpriced.
    const usageKnown = advice.projectedBillableHoursPerMonth !== undefined;
    const atTarget =
      (targetAdvice && usageKnown ? costInAdvisedMode(targetAdvice, mode) : undefined) ??
      (mode === 'ALWAYS_ON' ? keepingMode : undefined);
    if (current === undefined || atTarget === undefined || keepingMode === undefined)
      return {
        action: 'rightsize',
        monthlySavingUsd: 0,
        targetComputeType: target,
        ...withCurrent,
        unpricedWhy: !price.ok
          ? price.why
          : input.targetPrice && !input.targetPrice.ok
            ? `${target}: ${input.targetPrice.why}`
            : 'No usable UserConnected data to price the running mode.',
        reason: `${step} to ${target}.`,
      };
    const switches =
      usageKnown &&
      (targetAdvice?.decision === 'switch-to-auto-stop' || targetAdvice?.decision === 'switch-to-always-on');
    const targetMode = switches ? (mode === 'ALWAYS_ON' ? 'AUTO_STOP' : 'ALWAYS_ON') : mode;
    const saving = current - atTarget;
    return {
      action: 'rightsize',
      monthlySavingUsd: saving,
      ...withCurrent,
      targetComputeType: target,
      ...(targetMode ? { targetMode } : {}),
      savingKeepingModeUsd: current - keepingMode,
      reason: `${step} to ${target}${switches ? ` and switch to ${targetMode}` : ''}: ${money(current)} → ${money(atTarget)}/month.`,
    };
  }

  if (advice.decision === 'switch-to-auto-stop' || advice.decision === 'switch-to-always-on')
    return {
      action: 'switch-mode',
      monthlySavingUsd: advice.monthlySavingUsd,
      ...withCurrent,
      targetMode: advice.decision === 'switch-to-auto-stop' ? 'AUTO_STOP' : 'ALWAYS_ON',
      reason: advice.reason,
    };
  return { action: 'keep', monthlySavingUsd: 0, ...withCurrent, reason: advice.reason };
}

/** True when the plan changes the desktop's running mode (and so depends on Skip_Convert). */
export function changesMode(plan: PlannedDesktop, mode: string | undefined): boolean {
  return (
    plan.action === 'switch-mode' ||
    (plan.action === 'rightsize' && plan.targetMode !== undefined && plan.targetMode !== mode)
  );
}

/** Every plan action, in the order totals are reported. */
export const PLAN_ACTIONS = [
  'terminate',
  'rightsize',
  'switch-mode',
  'keep',
] as const satisfies readonly PlanAction[];

/** A planned desktop as the totals see it, after the Skip_Convert check where it was made. */
export interface TotalledPlan {
  readonly plan: PlannedDesktop;
  /** The saving of a mode change held back because its Skip_Convert tag could not be read. */
  readonly unconfirmedUsd: number;
}

/** The plan's totals: one action per desktop, each counted once. */
export interface PlanTotals {
  readonly desktops: number;
  readonly actions: Record<PlanAction, { desktops: number; monthlySavingUsd: number }>;
  /** Sum of every saving action (terminate, step-downs, switches) the plan keeps. */
  readonly totalMonthlySavingUsd: number;
  /** Savings of mode changes held back because their Skip_Convert tag was unreadable (not in the total). */
  readonly unconfirmedMonthlySavingUsd: number;
  /** What the step-ups (performance fixes) add to the bill; not netted against the savings. */
  readonly stepUpMonthlyCostUsd: number;
  /** Changing actions without a price (each row says why). */
  readonly unpriced: number;
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

/** Totals of a plan. */
export function planTotals(rows: readonly TotalledPlan[]): PlanTotals {
  const actions = Object.fromEntries(
    PLAN_ACTIONS.map((a) => [a, { desktops: 0, monthlySavingUsd: 0 }]),
  ) as Record<PlanAction, { desktops: number; monthlySavingUsd: number }>;
  let total = 0;
  let unconfirmed = 0;
  let stepUp = 0;
  let unpriced = 0;
  for (const { plan, unconfirmedUsd } of rows) {
    unconfirmed += unconfirmedUsd;
    const bucket = actions[plan.action];
    bucket.desktops += 1;
    if (plan.unpricedWhy) unpriced += 1;
    if (plan.monthlySavingUsd < 0) stepUp -= plan.monthlySavingUsd;
    if (plan.monthlySavingUsd <= 0) continue;
    bucket.monthlySavingUsd += plan.monthlySavingUsd;
    total += plan.monthlySavingUsd;
  }
  for (const a of PLAN_ACTIONS) actions[a].monthlySavingUsd = cents(actions[a].monthlySavingUsd);
  return {
    desktops: rows.length,
    actions,
    totalMonthlySavingUsd: cents(total),
    unconfirmedMonthlySavingUsd: cents(unconfirmed),
    stepUpMonthlyCostUsd: cents(stepUp),
    unpriced,
  };
}
