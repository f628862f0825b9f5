/**
 * How a fleet is billed, by fleet type (Amazon WorkSpaces Applications pricing page; the
 * reference server's "never quote 24×7 for On-Demand" rule, about a 10× overstatement):
 * Always-On bills every running instance at the full hourly rate whether or not anyone streams;
 * On-Demand bills the full rate only while a user streams and the stopped-instance fee for
 * provisioned idle instances; Elastic bills streaming time only. Multi-session fleets bill per
 * running instance, not per session.
 */
import type { Fleet } from '@aws-sdk/client-appstream';
import { sessionModelOf } from './capacity.js';
import type { UsageTotals } from './daily.js';

/** The fleet type as billing sees it. */
export type BillingModel = 'ALWAYS_ON' | 'ON_DEMAND' | 'ELASTIC';

export function billingModelOf(fleet: Fleet): BillingModel {
  switch (fleet.FleetType) {
    case 'ELASTIC':
      return 'ELASTIC';
    case 'ON_DEMAND':
      return 'ON_DEMAND';
    default:
      return 'ALWAYS_ON';
  }
}

/** The billing rule of a fleet, one sentence. */
export function billingRule(fleet: Fleet): string {
  const multi =
    sessionModelOf(fleet) === 'multi'
      ? ` Multi-session (${fleet.MaxSessionsPerInstance} per instance): billed per instance, not per session.`
      : '';
  switch (billingModelOf(fleet)) {
    case 'ALWAYS_ON':
      return `Always-On: every running instance bills the full hourly rate whether or not anyone streams.${multi}`;
    case 'ON_DEMAND':
      return `On-Demand: the full hourly rate only for instances a user streams from; idle provisioned instances bill the much lower stopped-instance fee. Never price it as 24×7.${multi}`;
    case 'ELASTIC':
      return 'Elastic: billed for streaming time only; no provisioned capacity. Never price it as 24×7.';
  }
}

/** Instance-hours of the window split by the rate they bill at. */
export interface BilledHours {
  /** Hours at the instance's full hourly rate. */
  readonly fullRateHours: number;
  /** Hours at the On-Demand stopped-instance fee (provisioned, nobody streaming). */
  readonly stoppedFeeHours: number;
}

/** What the window's instance-hours bill as, by the fleet's billing model. */
export function billedHours(model: BillingModel, totals: UsageTotals): BilledHours {
  switch (model) {
    case 'ALWAYS_ON':
      return { fullRateHours: totals.runningInstanceHours, stoppedFeeHours: 0 };
    case 'ON_DEMAND':
      return {
        fullRateHours: totals.inUseInstanceHours,
        stoppedFeeHours: Math.max(0, totals.runningInstanceHours - totals.inUseInstanceHours),
      };
    case 'ELASTIC':
      return { fullRateHours: totals.inUseInstanceHours, stoppedFeeHours: 0 };
  }
}
