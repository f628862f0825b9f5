import { ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';
import { addDays, daysBetween, utcDay } from './cost-explorer.js';

/**
 * A `YYYY-MM-DD` input, bare: `resolveWindow` checks it is a calendar day with an error naming
 * the field, so a pattern would only cost schema bytes.
 */
export const DateInput = (description?: string) =>
  Type.Optional(Type.String(description ? { description } : {}));

/** A Cost Explorer window: start inclusive, end exclusive, both `YYYY-MM-DD`. */
export interface CostWindow {
  readonly start: string;
  readonly end: string;
}

function checkDay(field: string, day: string): void {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || utcDay(parsed) !== day)
    throw new ToolError('InvalidInput', `${field}: ${day} is not a calendar date (YYYY-MM-DD).`);
}

/**
 * The window from explicit dates (both or neither; end exclusive) or else the last
 * `lookbackDays`: up to and including today (Cost Explorer shows today's spend so far), or, with
 * `completeDaysOnly`, up to yesterday so two windows compare whole days.
 */
export function resolveWindow(
  input: { startDate?: string | undefined; endDate?: string | undefined; lookbackDays?: number | undefined },
  now: Date,
  defaultDays: number,
  names: { start: string; end: string } = { start: 'startDate', end: 'endDate' },
  completeDaysOnly = false,
): CostWindow {
  const { startDate, endDate } = input;
  if (startDate === undefined && endDate === undefined) {
    const end = addDays(utcDay(now), completeDaysOnly ? 0 : 1);
    return { start: addDays(end, -(input.lookbackDays ?? defaultDays)), end };
  }
  if (startDate === undefined || endDate === undefined)
    throw new ToolError('InvalidInput', `Give both ${names.start} and ${names.end}, or neither.`);
  checkDay(names.start, startDate);
  checkDay(names.end, endDate);
  if (daysBetween(startDate, endDate) < 1)
    throw new ToolError(
      'InvalidInput',
      `${names.end} (${endDate}) must be after ${names.start} (${startDate}); the end is exclusive.`,
    );
  if (startDate > addDays(utcDay(now), 1))
    throw new ToolError(
      'InvalidInput',
      `${names.start} (${startDate}) is in the future; use get_euc_cost_forecast for future spend.`,
    );
  return { start: startDate, end: endDate };
}
