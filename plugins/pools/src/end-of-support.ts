/**
 * WorkSpaces Pools end of support. Every Pools API page and SDK doc comment carries the notice
 * "On December 31, 2027, AWS will end support for Amazon WorkSpaces Pools": after that date the
 * Pools console and Pools resources can no longer be accessed. Every Pools answer names the date.
 */
import { SERVICE_LABELS } from '@workspaces-euc-mcp/host';

/** The end-of-support date as AWS states it. */
export const POOLS_END_OF_SUPPORT = '2027-12-31';

/**
 * The product name every Pools contribution reports under. The date is part of it so that every
 * cross-service answer that mentions Pools (inventory summary, audit rows, unused resources)
 * carries the notice; it still matches service filters such as "Pools" or "WorkSpaces Pools".
 */
export const POOLS_SERVICE = `${SERVICE_LABELS.pools} (end of support ${POOLS_END_OF_SUPPORT})`;

const DAY_MS = 86_400_000;
const END_MS = Date.parse(`${POOLS_END_OF_SUPPORT}T00:00:00Z`);

/** Whole days from `now` until the end of support; negative once it has passed. */
export function daysUntilEndOfSupport(now: Date): number {
  return Math.ceil((END_MS - now.getTime()) / DAY_MS);
}

/** One sentence on the end of support, relative to `now`. */
export function endOfSupportNotice(now: Date): string {
  const days = daysUntilEndOfSupport(now);
  const when =
    days > 0
      ? `in ${days} day${days === 1 ? '' : 's'}`
      : days === 0
        ? 'today'
        : `${-days} day${days === -1 ? '' : 's'} ago`;
  return `AWS ends support for WorkSpaces Pools on ${POOLS_END_OF_SUPPORT} (${when}); after that the Pools console and pool resources can no longer be accessed.`;
}
