import Type, { type Static } from 'typebox';
import type { Desktop } from '../desktops/desktops.js';
import { round1, usd } from '../shared/numbers.js';
import type { AdviceDecision, DesktopAdvice, SkipConvertStatus } from './running-mode.js';

/** The per-desktop rows of recommend_running_mode: their schema and how advice becomes one. */

/** Every decision, in the order counts are reported. */
export const DECISIONS = [
  'switch-to-auto-stop',
  'switch-to-always-on',
  'coin-flip',
  'keep',
  'opted-out',
  'unpriced',
  'unknown',
  'skipped',
] as const satisfies readonly AdviceDecision[];
/** The decision schema (kept literal so the JSON Schema lists the values). */
export const Decision = Type.Union([
  Type.Literal('switch-to-auto-stop'),
  Type.Literal('switch-to-always-on'),
  Type.Literal('coin-flip'),
  Type.Literal('keep'),
  Type.Literal('opted-out'),
  Type.Literal('unpriced'),
  Type.Literal('unknown'),
  Type.Literal('skipped'),
]);

/** When to switch and when the bill changes. */
export const Timing = Type.Object({
  switchWhen: Type.Union([
    Type.Literal('now'),
    Type.Literal('before-month-end'),
    Type.Literal('on-last-day'),
  ]),
  billingEffectiveFrom: Type.String(),
  thisMonthUsd: Type.Number({ description: 'Effect on this month of switching now: + saves, − costs.' }),
  advice: Type.String(),
});

/** One desktop's row. */
export const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  computeType: Type.Optional(Type.String()),
  operatingSystem: Type.Optional(Type.String()),
  licence: Type.Optional(Type.String()),
  currentMode: Type.Optional(Type.String()),
  decision: Decision,
  recommendedMode: Type.Optional(Type.String()),
  connectedHours: Type.Optional(Type.Number()),
  billableHours: Type.Optional(Type.Number()),
  observedHours: Type.Optional(Type.Number()),
  projectedBillableHoursPerMonth: Type.Optional(Type.Number()),
  breakEvenHours: Type.Optional(Type.Number()),
  alwaysOnMonthlyUsd: Type.Optional(Type.Number()),
  autoStopMonthlyUsd: Type.Optional(Type.Number()),
  monthlySavingUsd: Type.Number(),
  timing: Type.Optional(Timing),
  skipConvert: Type.Union([
    Type.Literal('opted-out'),
    Type.Literal('not-opted-out'),
    Type.Literal('unchecked'),
    Type.Literal('lookup-failed'),
    Type.Literal('not-needed'),
  ]),
  reason: Type.String(),
});
export type Row = Static<typeof Row>;

/** The object without its undefined-valued keys, so optional output fields are absent, not undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** One output row: the advice, rounded for people, with absent values left out. */
export function toRow(
  desktop: Desktop,
  licence: string | undefined,
  advice: DesktopAdvice,
  skipConvert: SkipConvertStatus,
): Row {
  const recommendedMode =
    advice.decision === 'switch-to-auto-stop'
      ? 'AUTO_STOP'
      : advice.decision === 'switch-to-always-on'
        ? 'ALWAYS_ON'
        : undefined;
  const maybe = (value: number | undefined, round: (n: number) => number) =>
    value === undefined ? undefined : round(value);
  return withoutUndefined({
    workspaceId: desktop.workspaceId,
    userName: desktop.userName,
    computeType: desktop.computeType,
    operatingSystem: desktop.operatingSystem,
    licence,
    currentMode: desktop.runningMode,
    decision: advice.decision,
    recommendedMode,
    connectedHours: advice.connectedHours,
    billableHours: advice.billableHours,
    observedHours: advice.observedHours,
    projectedBillableHoursPerMonth: maybe(advice.projectedBillableHoursPerMonth, round1),
    breakEvenHours: maybe(advice.breakEvenHours, round1),
    alwaysOnMonthlyUsd: maybe(advice.alwaysOnMonthlyUsd, usd),
    autoStopMonthlyUsd: maybe(advice.autoStopMonthlyUsd, usd),
    monthlySavingUsd: usd(advice.monthlySavingUsd),
    timing: advice.timing ? { ...advice.timing, thisMonthUsd: usd(advice.timing.thisMonthUsd) } : undefined,
    skipConvert,
    reason: advice.reason,
  });
}
