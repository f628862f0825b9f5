import { describe, expect, it } from 'vitest';
import { ToolError } from '../aws/errors.js';
import { pageNote, readCursor } from './page.js';

const rows = Array.from({ length: 7 }, (_, i) => `row-${i}`);
const filters = { region: 'eu-west-1', state: 'AVAILABLE' };

describe('readCursor', () => {
  it('walks a list page by page, with no cursor after the last page', () => {
    const first = readCursor(undefined, filters);
    expect(first.offset).toBe(0);
    const one = first.page(rows, 3);
    expect(one.page).toEqual(['row-0', 'row-1', 'row-2']);
    const second = readCursor(one.nextCursor, { ...filters });
    expect(second.offset).toBe(3);
    const two = second.page(rows, 3);
    const three = readCursor(two.nextCursor, filters).page(rows, 3);
    expect([...one.page, ...two.page, ...three.page]).toEqual(rows);
    expect(three).not.toHaveProperty('nextCursor');
    // A list that exactly fills its last page ends without a cursor too.
    expect(readCursor(undefined, filters).page(rows, 7)).toEqual({ page: rows });
  });

  it('refuses a cursor issued for other filters, or not issued at all, naming the cursor input', () => {
    const { nextCursor } = readCursor(undefined, filters).page(rows, 3);
    for (const [cursor, other] of [
      [nextCursor, { ...filters, state: 'STOPPED' }],
      ['not-a-cursor', filters],
      [Buffer.from(JSON.stringify({ o: -3, f: 'x' })).toString('base64url'), filters],
    ] as const) {
      let thrown: unknown;
      try {
        readCursor(cursor, other);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ToolError);
      expect(thrown).toMatchObject({ code: 'InvalidCursor', message: expect.stringMatching(/^cursor: /) });
    }
  });

  it('refuses a page limit below 1, which would never reach the end', () => {
    expect(() => readCursor(undefined, filters).page(rows, 0)).toThrow(RangeError);
  });
});

describe('pageNote', () => {
  it('says which rows a page shows, and how to get the rest only when some remain', () => {
    expect(pageNote(0, 50, 'next')).toBe(' Showing 1–50; pass nextCursor for more.');
    expect(pageNote(50, 7, undefined)).toBe(' Showing 51–57.');
    expect(pageNote(0, 0, undefined)).toBe('');
  });
});
