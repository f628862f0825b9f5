import { describe, expect, it } from 'vitest';
import { daysUntilEndOfSupport, endOfSupportNotice, POOLS_SERVICE } from './end-of-support.js';

describe('Pools end of support', () => {
  it('counts whole days to 2027-12-31, rounding a part day up', () => {
    expect(daysUntilEndOfSupport(new Date('2026-06-17T12:00:00Z'))).toBe(562);
    expect(endOfSupportNotice(new Date('2026-06-17T12:00:00Z'))).toContain('2027-12-31 (in 562 days)');
  });

  it('says how long ago support ended once the date has passed', () => {
    expect(endOfSupportNotice(new Date('2028-01-02T00:00:00Z'))).toContain('(2 days ago)');
    expect(endOfSupportNotice(new Date('2027-12-31T00:00:00Z'))).toContain('(today)');
  });

  it('the service name every Pools answer carries names the date', () => {
    expect(POOLS_SERVICE).toBe('WorkSpaces Pools (end of support 2027-12-31)');
  });
});
