/**
 * AlwaysOn vs AutoStop economics for one WorkSpaces Personal desktop.
 *
 * AlwaysOn is a flat monthly fee. AutoStop is a monthly base fee (storage and infrastructure)
 * plus an hourly fee for every hour the desktop runs. They cost the same at the break-even
 * hours (AlwaysOn − base) ÷ hourly, which depends on region, OS, licence, compute type and
 * volumes; that is why we price it from the Price List instead of WCO's static thresholds.
 */

/** List prices for one desktop configuration in one region, USD. */
export interface PersonalPrices {
  readonly alwaysOnMonthly: number;
  readonly autoStopMonthlyBase: number;
  readonly autoStopHourly: number;
}

/** The running modes WorkSpaces Personal offers; MANUAL is WorkSpaces Core only. */
export type RunningMode = 'ALWAYS_ON' | 'AUTO_STOP';

/**
 * AutoStop hours a month at which both modes cost the same. Null when the prices give no
 * crossing (no hourly fee, or AlwaysOn not dearer than the AutoStop base).
 */
export function autoStopBreakEvenHours(prices: PersonalPrices): number | null {
  if (prices.autoStopHourly <= 0) return null;
  const hours = (prices.alwaysOnMonthly - prices.autoStopMonthlyBase) / prices.autoStopHourly;
  return hours > 0 ? hours : null;
}

/** The AutoStop bill for a month with `billableHours` running hours. */
export function autoStopMonthlyCost(prices: PersonalPrices, billableHours: number): number {
  return prices.autoStopMonthlyBase + prices.autoStopHourly * billableHours;
}

/** What to do with one desktop's running mode. */
export type RunningModeDecision = 'switch-to-auto-stop' | 'switch-to-always-on' | 'keep' | 'coin-flip';

/** The priced judgement for one desktop. */
export interface RunningModeJudgement {
  readonly decision: RunningModeDecision;
  readonly recommendedMode: RunningMode;
  readonly breakEvenHours: number;
  readonly alwaysOnMonthlyUsd: number;
  readonly autoStopMonthlyUsd: number;
  /** The monthly saving of the recommended switch; 0 when keeping the current mode. */
  readonly monthlySavingUsd: number;
  readonly reason: string;
}

/**
 * Compares the projected month in both modes. Inside the coin-flip band (± `bandPercent` of the
 * break-even hours) the current mode is kept: a normal month's variation (holidays, a busy
 * week) would swing the answer, and every switch has a billing-timing cost.
 */
export function judgeRunningMode(input: {
  readonly currentMode: RunningMode;
  /** AutoStop running hours in a projected month (connected hours + idle tail + maintenance). */
  readonly projectedBillableHours: number;
  readonly prices: PersonalPrices;
  readonly bandPercent: number;
}): RunningModeJudgement | { readonly decision: 'unpriced'; readonly reason: string } {
  const { currentMode, projectedBillableHours: hours, prices } = input;
  const breakEven = autoStopBreakEvenHours(prices);
  if (breakEven === null)
    return {
      decision: 'unpriced',
      reason: `The list prices (AlwaysOn $${prices.alwaysOnMonthly}, AutoStop $${prices.autoStopMonthlyBase} + $${prices.autoStopHourly}/h) give no break-even point.`,
    };
  const alwaysOn = prices.alwaysOnMonthly;
  const autoStop = autoStopMonthlyCost(prices, hours);
  const band = (breakEven * input.bandPercent) / 100;
  const priced = { breakEvenHours: breakEven, alwaysOnMonthlyUsd: alwaysOn, autoStopMonthlyUsd: autoStop };
  const h = Math.round(hours);
  const be = Math.round(breakEven);
  if (Math.abs(hours - breakEven) <= band)
    return {
      decision: 'coin-flip',
      recommendedMode: currentMode,
      ...priced,
      monthlySavingUsd: 0,
      reason: `≈${h} h/month is within ±${input.bandPercent}% of the ${be} h break-even; the modes differ by $${Math.abs(alwaysOn - autoStop).toFixed(2)}/month, so keep ${currentMode}.`,
    };
  if (currentMode === 'ALWAYS_ON' && hours < breakEven)
    return {
      decision: 'switch-to-auto-stop',
      recommendedMode: 'AUTO_STOP',
      ...priced,
      monthlySavingUsd: alwaysOn - autoStop,
      reason: `≈${h} h/month is below the ${be} h break-even: AutoStop ≈$${autoStop.toFixed(2)} vs AlwaysOn $${alwaysOn.toFixed(2)}.`,
    };
  if (currentMode === 'AUTO_STOP' && hours > breakEven)
    return {
      decision: 'switch-to-always-on',
      recommendedMode: 'ALWAYS_ON',
      ...priced,
      monthlySavingUsd: autoStop - alwaysOn,
      reason: `≈${h} h/month is above the ${be} h break-even: AlwaysOn $${alwaysOn.toFixed(2)} vs AutoStop ≈$${autoStop.toFixed(2)}.`,
    };
  return {
    decision: 'keep',
    recommendedMode: currentMode,
    ...priced,
    monthlySavingUsd: 0,
    reason: `≈${h} h/month vs the ${be} h break-even: ${currentMode} is already the cheaper mode.`,
  };
}
