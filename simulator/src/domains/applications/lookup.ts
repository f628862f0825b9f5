/**
 * Finding the applications resources of the (account, region) a request was sent to, and the
 * request-shape checks every AppStream operation shares.
 */
import { notFound } from '../../errors.js';
import type { Estate } from '../../estate-model.js';
import type { SimRequest } from '../../handlers.js';
import { at, type Location } from '../../model.js';
import { intInRange } from '../../paging.js';
import type { SimAppFleet } from './model.js';

/** AppStream's code for a missing or conflicting parameter. */
export const INVALID_COMBINATION = 'InvalidParameterCombinationException';

/** AppStream defines no token error of its own: a bad NextToken fails validation. */
export const BAD_TOKEN = 'ValidationException';

/** The items located where the request was sent. */
export function here<T extends Location>(items: readonly T[], request: SimRequest): T[] {
  return items.filter((item) => at(item, request.account, request.region));
}

export function findFleet(estate: Estate, request: SimRequest, name: string): SimAppFleet | undefined {
  return estate.applications.fleets.find(
    (f) => f.fleet.Name === name && at(f, request.account, request.region),
  );
}

export function requireFleet(estate: Estate, request: SimRequest, name: string): SimAppFleet {
  const fleet = findFleet(estate, request, name);
  if (!fleet) throw notFound(`The fleet ${name}`);
  return fleet;
}

/**
 * Filters by the `Names` of a describe call; any name that does not exist fails the whole call
 * with ResourceNotFoundException, as DescribeFleets/Stacks/ImageBuilders do.
 */
export function byNames<T>(
  items: readonly T[],
  nameOf: (item: T) => string | undefined,
  names: readonly string[] | undefined,
  kind: string,
): T[] {
  if (!names) return [...items];
  const found: T[] = [];
  for (const name of names) {
    const item = items.find((i) => nameOf(i) === name);
    if (!item) throw notFound(`The ${kind} ${name}`);
    found.push(item);
  }
  return found;
}

/**
 * A MaxResults whose documented range starts at 0: 0 (or absent) means the default page.
 * Out of range is a ValidationException, the common error of every AWS JSON API.
 */
export function pageSize(
  input: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = intInRange(input, field, min, max, fallback);
  return value === 0 ? fallback : value;
}
