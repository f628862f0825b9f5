import Type, { type Static } from 'typebox';
import type { OptOutLookup } from '../running-mode/tags.js';
import { changesMode, type PlannedDesktop, type PlanTotals, type TotalledPlan } from './cost-plan.js';

/** The cost plan's totals as the plan-drawing tools answer them (the health report reads this). */

const ActionTotals = Type.Object({ desktops: Type.Integer(), monthlySavingUsd: Type.Number() });

/** One action per desktop: the totals every plan-drawing tool reports the same way. */
export const PlanSummary = Type.Object(
  {
    totalMonthlySavingUsd: Type.Number(),
    terminate: ActionTotals,
    rightsize: ActionTotals,
    switchMode: ActionTotals,
    keep: Type.Integer(),
    unconfirmedMonthlySavingUsd: Type.Number({
      description: 'Mode changes held back: Skip_Convert unreadable.',
    }),
    stepUpMonthlyCostUsd: Type.Number(),
    unpriced: Type.Integer(),
  },
  { description: 'One best action per desktop: terminate if unused, else rightsize, else switch mode.' },
);
export type PlanSummary = Static<typeof PlanSummary>;

/** The schema form of plan totals. */
export function planSummary(totals: PlanTotals): PlanSummary {
  return {
    totalMonthlySavingUsd: totals.totalMonthlySavingUsd,
    terminate: totals.actions.terminate,
    rightsize: totals.actions.rightsize,
    switchMode: totals.actions['switch-mode'],
    keep: totals.actions.keep.desktops,
    unconfirmedMonthlySavingUsd: totals.unconfirmedMonthlySavingUsd,
    stepUpMonthlyCostUsd: totals.stepUpMonthlyCostUsd,
    unpriced: totals.unpriced,
  };
}

/** The plan with the running mode kept: a switch becomes keep, a resize keeps the current mode. */
function withModeKept(plan: PlannedDesktop, why: string): PlannedDesktop {
  if (plan.action !== 'rightsize')
    return { ...plan, action: 'keep', monthlySavingUsd: 0, reason: `Mode switch not made: ${why}.` };
  const { targetMode: _mode, ...rest } = plan;
  return {
    ...rest,
    monthlySavingUsd: plan.savingKeepingModeUsd ?? 0,
    reason: `${plan.reason} Running mode kept: ${why}.`,
  };
}

/**
 * The plan after the Skip_Convert check: an opted-out (or unreadable, fail-safe) desktop keeps
 * its running mode. What an unreadable tag holds back is reported apart (`unconfirmedUsd`), as it
 * may yet be saved once the tags can be read.
 */
export function planAfterOptOut(
  plan: PlannedDesktop,
  mode: string | undefined,
  lookup: OptOutLookup | undefined,
): TotalledPlan {
  if (!changesMode(plan, mode) || lookup?.kind === 'not-opted-out') return { plan, unconfirmedUsd: 0 };
  if (lookup?.kind === 'opted-out')
    return { plan: withModeKept(plan, 'tagged Skip_Convert'), unconfirmedUsd: 0 };
  const kept = withModeKept(plan, 'tags unreadable (fail-safe)');
  return { plan: kept, unconfirmedUsd: Math.max(0, plan.monthlySavingUsd - kept.monthlySavingUsd) };
}
