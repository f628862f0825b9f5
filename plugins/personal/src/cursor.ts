import { createHash } from 'node:crypto';
import { ToolError } from '@workspaces-euc-mcp/host';

/**
 * Opaque list cursors: the next offset, bound to a fingerprint of the filters it was issued for,
 * so a cursor is never silently reused with other filters. Rows must be sorted stably.
 */
export function filterFingerprint(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

/** The offset a cursor points at (0 without one); refuses a malformed or foreign cursor. */
export function decodeCursor(cursor: string | undefined, fingerprint: string): number {
  if (cursor === undefined) return 0;
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

/** One page of `rows` from `offset`, with the cursor for the next page when there is one. */
export function pageOf<T>(rows: readonly T[], offset: number, limit: number, fingerprint: string) {
  const page = rows.slice(offset, offset + limit);
  const next = offset + limit < rows.length ? encodeCursor(offset + limit, fingerprint) : undefined;
  return { page, next };
}
