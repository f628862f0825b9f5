import { SimulatedAwsError, validationError } from './errors.js';

/**
 * Page tokens: opaque to the caller, bound to the operation that issued them, so a token from
 * one list cannot be replayed against another (AWS rejects that too).
 */
export function encodeToken(operation: string, offset: number): string {
  return Buffer.from(`${operation}:${offset}`, 'utf8').toString('base64url');
}

function decodeToken(operation: string, token: unknown, invalidCode: string): number {
  if (token === undefined || token === null || token === '') return 0;
  if (typeof token !== 'string')
    throw new SimulatedAwsError(invalidCode, 'The pagination token is not valid.');
  const [op, offset] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  const value = Number(offset);
  if (op !== operation || !Number.isInteger(value) || value < 0)
    throw new SimulatedAwsError(invalidCode, `The pagination token is not valid for ${operation}.`);
  return value;
}

/** One page of `items` starting at `token`, and the token of the next page if any. */
export function pageOf<T>(
  operation: string,
  items: readonly T[],
  token: unknown,
  pageSize: number,
  invalidTokenCode = 'InvalidNextTokenException',
): { readonly items: T[]; readonly nextToken: string | undefined } {
  const start = decodeToken(operation, token, invalidTokenCode);
  const end = start + pageSize;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? encodeToken(operation, end) : undefined,
  };
}

/** An optional integer field within [min, max]; returns it, or `fallback` when absent. */
export function intInRange(
  input: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  fallback: number,
  code = 'ValidationException',
): number {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw validationError(
      field.charAt(0).toLowerCase() + field.slice(1),
      `Member must have value between ${min} and ${max}`,
      code,
    );
  return value;
}

/** An optional list field of at most `max` entries (and at least `min` when present). */
export function listOf<T = string>(
  input: Record<string, unknown>,
  field: string,
  max: number,
  { min = 1, required = false, code = 'ValidationException' } = {},
): T[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) throw validationError(lowerFirst(field), 'Member must not be null', code);
    return undefined;
  }
  if (!Array.isArray(value)) throw validationError(lowerFirst(field), 'Member must be a list', code);
  if (value.length > max)
    throw validationError(lowerFirst(field), `Member must have length less than or equal to ${max}`, code);
  if (value.length < min)
    throw validationError(lowerFirst(field), `Member must have length greater than or equal to ${min}`, code);
  return value as T[];
}

/** A required string field. */
export function requiredString(
  input: Record<string, unknown>,
  field: string,
  code = 'ValidationException',
): string {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0)
    throw validationError(lowerFirst(field), 'Member must not be null', code);
  return value;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
