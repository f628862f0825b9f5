/**
 * What every audit answer shares: the scopes it covered (the kit has the `Scope` type, not an
 * output schema for it), AWS free text cut to a size an assistant can read, and the input checks
 * the terse input schemas leave to code.
 */
import { ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/** One account and region an answer covered. */
export const ScopeSchema = Type.Object({ account: Type.Optional(Type.String()), region: Type.String() });

/** Cuts a free text (AWS reasons, error messages) to `max` characters. */
export function clip(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * An integer input checked against its bounds, or its default. The input schemas carry no bounds
 * (every byte of them is read by the assistant at every connection), so the check is here, with
 * an error naming the field.
 */
export function intInput(
  field: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ToolError('InvalidInput', `${field}: expected an integer from ${min} to ${max}, got ${value}.`);
  return value;
}

/** A number input checked against its bounds, or its default (see `intInput`). */
export function numberInput(
  field: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min || value > max)
    throw new ToolError('InvalidInput', `${field}: expected a number from ${min} to ${max}, got ${value}.`);
  return value;
}

/** Bytes of a value as JSON: what an answer costs the assistant. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** "1 region scope" / "20 region scopes". */
export function scopesPhrase(count: number): string {
  return `${count} region scope${count === 1 ? '' : 's'}`;
}
