import Type, { type Static } from 'typebox';
import type { OptOutLookup } from '../running-mode/tags.js';
import { changesMode, type PlannedDesktop, type PlanTotals } from './cost-plan.js';

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
    unconfirmedMonthlySavingUsd: Type.Number({ description: 'Mode changes not checked for Skip_Convert.' }),
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

/**
 * The plan after the Skip_Convert check: an opted-out (or unreadable, fail-safe) desktop keeps
 * its running mode, so a switch becomes keep and a resize keeps the current mode. A mode change
 * whose tag was not checked stands, flagged unconfirmed (its saving is reported apart).
 */
export function planAfterOptOut(
  plan: PlannedDesktop,
  mode: string | undefined,
  lookup: OptOutLookup | undefined,
  checked: boolean,
): { plan: PlannedDesktop; unconfirmed: boolean } {
  if (!changesMode(plan, mode)) return { plan, unconfirmed: false };
  if (!checked) return { plan, unconfirmed: true };
  if (lookup?.kind === 'not-opted-out') return { plan, unconfirmed: false };
  const why = lookup?.kind === 'opted-out' ? 'tagged Skip_Convert' : 'tags unreadable (fail-safe)';
  if (plan.action === 'rightsize') {
    const { targetMode: _mode, ...rest } = plan;
    return {
      plan: {
        ...rest,
        monthlySavingUsd: plan.savingKeepingModeUsd ?? 0,
        reason: `${plan.reason} Running mode kept: ${why}.`,
      },
      unconfirmed: false,
    };
  }
  return {
    plan: { ...plan, action: 'keep', monthlySavingUsd: 0, reason: `Mode switch not made: ${why}.` },
    unconfirmed: false,
  };
}
