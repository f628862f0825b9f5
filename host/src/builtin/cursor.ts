import { createHash } from 'node:crypto';
import { ToolError } from '../aws/errors.js';

/** A fingerprint of the filters a cursor was issued for, so it is not reused with other filters. */
export function filterFingerprint(filters: unknown): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

/** An opaque cursor: the next offset, bound to the filters. */
export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

/** Reads a cursor; refuses one that is malformed or was issued for other filters. */
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
    // fall through to the error below
  }
  throw new ToolError(
    'InvalidCursor',
    'cursor: not a cursor this tool issued for these filters. Repeat the call without a cursor, or with the same filters as the call that returned it.',
  );
}
