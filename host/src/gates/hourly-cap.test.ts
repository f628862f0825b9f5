import { describe, expect, it } from 'vitest';
import { createHourlyCap } from './hourly-cap.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 17, 12, minutes));

describe('the hourly destructive cap', () => {
  it('counts targets over a rolling hour and says when enough of the window frees up', () => {
    const cap = createHourlyCap(10);
    cap.record(4, at(0));
    cap.record(5, at(20));
    expect(cap.check(1, at(30))).toEqual({ ok: true });
    // 9 used: 3 more need the 4 from minute 0 to leave, at 13:00.
    expect(cap.check(3, at(30))).toEqual({ ok: false, used: 9, freesAt: at(60) });
    // 7 more need both entries gone: 13:20.
    expect(cap.check(7, at(30))).toEqual({ ok: false, used: 9, freesAt: at(80) });
    expect(cap.check(3, at(60))).toEqual({ ok: true });
  });
});
