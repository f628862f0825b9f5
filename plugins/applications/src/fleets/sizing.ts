/**
 * Right-sizing a provisioned fleet from its recent peak. The recommended desired capacity is the
 * peak in use plus 10% and one unit of headroom (a session start must find a free instance
 * without waiting for a scale-out), in the fleet's unit; multi-session fleets round up to whole
 * instances. A fleet that refused sessions was short at its peak, so what it served understates
 * demand: it gets at least 25% more than its peak, stated as a lower bound.
 */
import type { BillingModel } from './billing.js';
import type { SessionModel } from './capacity.js';
import type { UsageTotals } from './daily.js';

/** Hours in AWS's billing month (730 = 8,760 / 12). */
export const MONTH_HOURS = 730;

const HEADROOM = 1.1;
const SHORT_HEADROOM = 1.25;
/** Over-provisioned only when the trim is at least this share of the running capacity (and ≥ 1 instance). */
const OVER_SHARE = 0.2;

export type SizingVerdict = 'over' | 'under' | 'right' | 'not-judged';

export interface Sizing {
  readonly verdict: SizingVerdict;
  readonly reason: string;
  /** In the fleet's unit (instances, or user sessions for multi-session fleets). */
  readonly recommendedDesired?: number;
  /**
   * Instance-hours a month the change adds (+) or removes (−), at the rate `billedAt` names:
   * Always-On instances bill the full rate; On-Demand idle instances only the stopped fee.
   */
  readonly instanceHoursPerMonth?: number;
  readonly billedAt?: 'full-rate' | 'stopped-fee';
}

export interface SizingInput {
  readonly state: string;
  readonly billing: BillingModel;
  readonly model: SessionModel;
  readonly perInstance: number;
  readonly totals: UsageTotals;
  readonly days: number;
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

export function sizeFleet(input: SizingInput): Sizing {
  const { totals, model, billing } = input;
  if (billing === 'ELASTIC' || model === 'elastic')
    return { verdict: 'not-judged', reason: 'Elastic: no provisioned capacity to size.' };
  if (input.state !== 'RUNNING')
    return { verdict: 'not-judged', reason: `${input.state}: only a running fleet is sized.` };
  if (totals.daysWithData === 0)
    return { verdict: 'not-judged', reason: `No AWS/AppStream datapoints in ${input.days} day(s).` };
  const per = model === 'multi' ? Math.max(1, input.perInstance) : 1;
  const unit = per; // one unit of headroom: one instance's worth
  const short = totals.rejected > 0;
  const target = totals.peakInUse === 0 ? 0 : totals.peakInUse * (short ? SHORT_HEADROOM : HEADROOM) + unit;
  const recommendedDesired = roundUp(Math.ceil(target), per);
  const runningInstances = totals.avgCapacity / per;
  const recommendedInstances = recommendedDesired / per;
  const deltaInstances = recommendedInstances - runningInstances;
  const instanceHoursPerMonth = Math.round(deltaInstances * MONTH_HOURS);
  const billedAt = billing === 'ON_DEMAND' ? 'stopped-fee' : 'full-rate';
  const peak = `peak ${totals.peakInUse} in use, ${totals.avgCapacity} provisioned on average`;
  if (short)
    return {
      verdict: 'under',
      reason: `${totals.rejected} session request(s) refused for lack of capacity (${peak}); demand was higher than served, so this is a lower bound.`,
      recommendedDesired: Math.max(recommendedDesired, roundUp(Math.ceil(totals.peakCapacity), per)),
      instanceHoursPerMonth: Math.max(0, instanceHoursPerMonth),
      billedAt,
    };
  if (totals.peakCapacity > 0 && totals.peakInUse >= totals.peakCapacity)
    return {
      verdict: 'under',
      reason: `Every provisioned ${model === 'multi' ? 'session slot' : 'instance'} was in use at the peak (${peak}); the next user would have waited or been refused.`,
      recommendedDesired,
      instanceHoursPerMonth: Math.max(0, instanceHoursPerMonth),
      billedAt,
    };
  if (-deltaInstances >= Math.max(1, runningInstances * OVER_SHARE))
    return {
      verdict: 'over',
      reason:
        totals.peakInUse === 0
          ? `Nobody streamed in ${input.days} day(s) (${peak}): stop the fleet or set desired 0.`
          : `${peak} in ${input.days} day(s).`,
      recommendedDesired,
      instanceHoursPerMonth,
      billedAt,
    };
  return { verdict: 'right', reason: `${peak} in ${input.days} day(s).`, recommendedDesired };
}
