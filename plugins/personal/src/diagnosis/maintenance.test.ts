import { describe, expect, it } from 'vitest';
import { autoStopWindow, maintenanceWindow, thirdMonday } from './maintenance.js';

describe('maintenance windows', () => {
  it('finds the third Monday whatever weekday the month starts on', () => {
    expect(thirdMonday(2026, 5).toISOString().slice(0, 10)).toBe('2026-06-15'); // 1 June 2026 is a Monday
    expect(thirdMonday(2026, 6).toISOString().slice(0, 10)).toBe('2026-07-20'); // 1 July is a Wednesday
    expect(thirdMonday(2026, 1).toISOString().slice(0, 10)).toBe('2026-02-16'); // 1 February is a Sunday
  });

  it('the AutoStop window is open from the third Monday for two weeks, else the next month’s is shown', () => {
    expect(autoStopWindow(new Date('2026-06-14T23:00:00Z')).inWindowNow).toBe(false);
    expect(autoStopWindow(new Date('2026-06-15T01:00:00Z')).inWindowNow).toBe(true);
    expect(autoStopWindow(new Date('2026-06-28T04:00:00Z')).inWindowNow).toBe(true);
    const after = autoStopWindow(new Date('2026-06-29T00:00:00Z'));
    expect(after.inWindowNow).toBe(false);
    expect(after.opens.toISOString().slice(0, 10)).toBe('2026-07-20');
    // December's window (from the 21st) runs into January; after it closes, January's is next.
    const newYearsEve = autoStopWindow(new Date('2026-12-31T00:00:00Z'));
    expect(newYearsEve.inWindowNow).toBe(true);
    expect(newYearsEve.closes.toISOString().slice(0, 10)).toBe('2027-01-03');
    const secondOfJanuary = autoStopWindow(new Date('2027-01-02T03:00:00Z'));
    expect(secondOfJanuary.inWindowNow).toBe(true);
    expect(secondOfJanuary.opens.toISOString().slice(0, 10)).toBe('2026-12-21');
    const january = autoStopWindow(new Date('2027-01-04T00:00:00Z'));
    expect(january.opens.toISOString().slice(0, 10)).toBe('2027-01-18');
  });

  it('depends on the running mode and the directory’s maintenance mode', () => {
    const now = new Date('2026-06-17T12:00:00Z');
    expect(maintenanceWindow('ALWAYS_ON', true, now)).toMatchObject({ kind: 'weekly-os' });
    expect(maintenanceWindow('ALWAYS_ON', true, now).description).toContain('Sunday 00:00–04:00');
    expect(maintenanceWindow('AUTO_STOP', true, now)).toMatchObject({
      kind: 'monthly-autostop',
      opens: '2026-06-15',
      closes: '2026-06-28',
    });
    expect(maintenanceWindow('AUTO_STOP', false, now)).toMatchObject({ kind: 'none' });
    expect(maintenanceWindow('AUTO_STOP', undefined, now).description).toContain('assuming');
    expect(maintenanceWindow('MANUAL', true, now).description).toContain('ADMIN_MAINTENANCE');
  });
});
