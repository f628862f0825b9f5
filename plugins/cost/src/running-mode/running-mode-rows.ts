import Type, { type Static } from 'typebox';
import type { Desktop } from '../desktops/desktops.js';
import type { Where } from '../shared/estate.js';
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
  'check-client',
  'superseded',
] as const satisfies readonly (AdviceDecision | 'superseded')[];
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
  Type.Literal('check-client'),
  Type.Literal('superseded'),
]);

/**
 * One desktop's row, terse: 10,000 desktops page through it, so what every row would repeat (the
 * billing-timing rules, the list-price caveat) is stated once in the answer's summary and notes.
 */
export const Row = Type.Object({
  workspaceId: Type.String(),
  userName: Type.Optional(Type.String()),
  region: Type.String(),
  account: Type.Optional(Type.String()),
  state: Type.String(),
  computeType: Type.Optional(Type.String()),
  licence: Type.Optional(Type.String()),
  currentMode: Type.Optional(Type.String()),
  decision: Decision,
  hoursPerMonth: Type.Optional(Type.Number({ description: 'Projected AutoStop hours a month.' })),
  breakEvenHours: Type.Optional(Type.Number()),
  alwaysOnUsd: Type.Optional(Type.Number()),
  autoStopUsd: Type.Optional(Type.Number()),
  monthlySavingUsd: Type.Number(),
  switchWhen: Type.Optional(
    Type.Union([Type.Literal('now'), Type.Literal('before-month-end'), Type.Literal('on-last-day')]),
  ),
  thisMonthUsd: Type.Optional(
    Type.Number({ description: 'To ALWAYS_ON: effect on this month of switching now (+ saves).' }),
  ),
  skipConvert: Type.Optional(Type.Union([Type.Literal('opted-out'), Type.Literal('lookup-failed')])),
  reason: Type.Optional(Type.String()),
});
export type Row = Static<typeof Row>;

/** The object without its undefined-valued keys, so optional output fields are absent, not undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Decisions whose reason a row carries: the rest follow from its hours and prices. */
const EXPLAINED: ReadonlySet<AdviceDecision | 'superseded'> = new Set([
  'opted-out',
  'unpriced',
  'unknown',
  'skipped',
  'check-client',
  'superseded',
]);

/** One output row: the advice, rounded for people, with absent values left out. */
export function toRow(
  desktop: Desktop,
  where: Where,
  licence: string | undefined,
  advice: DesktopAdvice,
  skipConvert: SkipConvertStatus,
  superseded?: string,
): Row {
  const rounded = (value: number | undefined, round: (n: number) => number) =>
    value === undefined ? undefined : round(value);
  const flagged = skipConvert === 'opted-out' || skipConvert === 'lookup-failed';
  return withoutUndefined({
    workspaceId: desktop.workspaceId,
    userName: desktop.userName,
    ...where,
    state: desktop.state,
    computeType: desktop.computeType,
    licence,
    currentMode: desktop.runningMode,
    decision: superseded === undefined ? advice.decision : 'superseded',
    hoursPerMonth: rounded(advice.projectedBillableHoursPerMonth, round1),
    breakEvenHours: rounded(advice.breakEvenHours, round1),
    alwaysOnUsd: rounded(advice.alwaysOnMonthlyUsd, usd),
    autoStopUsd: rounded(advice.autoStopMonthlyUsd, usd),
    monthlySavingUsd: superseded === undefined ? usd(advice.monthlySavingUsd) : 0,
    switchWhen: superseded === undefined ? advice.timing?.switchWhen : undefined,
    thisMonthUsd:
      superseded === undefined && advice.timing && advice.decision === 'switch-to-always-on'
        ? usd(advice.timing.thisMonthUsd)
        : undefined,
    skipConvert: flagged ? skipConvert : undefined,
    reason: superseded ?? (EXPLAINED.has(advice.decision) ? advice.reason : undefined),
  });
}
