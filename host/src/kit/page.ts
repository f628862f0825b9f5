import { createHash } from 'node:crypto';
import Type from 'typebox';
import { ToolError } from '../aws/errors.js';
import type { Limits } from '../plugin-api/types.js';

/**
 * A position in a per-resource list, read from the `cursor` input of a paged tool. The rows are
 * recomputed on every call (AWS gives no snapshot to page through), so the cursor is the next
 * offset bound to a fingerprint of the filters it was issued for: reused with other filters it
 * would silently point into a different list, so it is refused instead.
 */
export interface PageCursor {
  /** Index of the first row of the page the cursor points at; 0 without a cursor. */
  readonly offset: number;
  /**
   * The page of `rows` at `offset` (at most `limit` rows; `rows` must be sorted stably), and the
   * cursor for the next page while rows remain.
   */
  page<Row>(rows: readonly Row[], limit: number): { readonly page: Row[]; readonly nextCursor?: string };
}

function fingerprintOf(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

function encode(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

function decode(cursor: string, fingerprint: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    if (
      typeof parsed.o === 'number' &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0 &&
      parsed.f === fingerprint
    )
      return parsed.o;
  } catch {
    // reported below
  }
  throw new ToolError(
    'InvalidCursor',
    'cursor: not a cursor this tool issued for these filters. Repeat the call without a cursor, or with the same filters as the call that returned it.',
  );
}

/**
 * Reads the `cursor` input of a paged tool (undefined: the first page). `filters` is every input
 * that decides which rows the list holds, in any JSON-able form (usually the input without
 * `cursor` and `limit`); the next page's cursor is bound to it. Throws a `ToolError`
 * `InvalidCursor` naming the `cursor` input when the cursor is malformed or was issued for other
 * filters. Read before the AWS requests, a bad cursor costs none.
 */
export function readCursor(cursor: string | undefined, filters: unknown): PageCursor {
  const fingerprint = fingerprintOf(filters);
  const offset = cursor === undefined ? 0 : decode(cursor, fingerprint);
  return {
    offset,
    page<Row>(rows: readonly Row[], limit: number) {
      if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`page limit must be a positive integer, got ${limit}`);
      const page = rows.slice(offset, offset + limit);
      const next = offset + page.length;
      return { page, ...(next < rows.length ? { nextCursor: encode(next, fingerprint) } : {}) };
    },
  };
}

/**
 * The `limit` and `cursor` inputs of a paged per-resource list. `maxLimit` bounds one page (the
 * answer must stay within an assistant's budget); without `limit` the server's page size applies.
 */
export function PageInput(maxLimit = 500) {
  return {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxLimit, description: 'Rows per page' })),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor of the last page' })),
  };
}

/**
 * One page of `rows` from the `cursor` input and the cursor for the next page. The cursor is bound
 * to every other input (`input` without `cursor`, `limit` and `fresh`), so a page is never taken
 * from another list; `fresh` only says how old the data may be, so a rescan keeps the place.
 */
export function pageOf<Row>(
  rows: readonly Row[],
  input: { readonly limit?: number | undefined; readonly cursor?: string | undefined },
  limits: Limits,
): { readonly page: Row[]; readonly offset: number; readonly nextCursor?: string } {
  const cursor = readCursor(input.cursor, {
    ...input,
    cursor: undefined,
    limit: undefined,
    fresh: undefined,
  });
  return { offset: cursor.offset, ...cursor.page(rows, input.limit ?? limits.pageSize) };
}

/**
 * The sentence a paged answer's summary ends with: which rows it shows and, when more remain, how
 * to get them. Empty when the page is empty (the counts already say there is nothing).
 */
export function pageNote(offset: number, shown: number, nextCursor: string | undefined): string {
  if (shown === 0) return '';
  return ` Showing ${offset + 1}–${offset + shown}${nextCursor ? '; pass nextCursor for more' : ''}.`;
}
