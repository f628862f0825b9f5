import { describe, expect, it } from 'vitest';
import { actionLegality, allowedActions, describeState, WORKSPACE_STATES } from './states.js';

describe('WorkSpace states', () => {
  it('knows all 17 states and gives each a meaning', () => {
    expect(WORKSPACE_STATES).toHaveLength(17);
    for (const state of WORKSPACE_STATES) expect(describeState(state).meaning.length).toBeGreaterThan(10);
    expect(describeState('UNHEALTHY').kind).toBe('problem');
    expect(describeState('STOPPED').kind).toBe('stopped');
    expect(describeState('TERMINATED').kind).toBe('gone');
    expect(describeState('IMPAIRED').meaning).toContain('inference');
  });

  // The legality matrix, hand-copied from the API reference: each action lists the states it is legal in.
  const matrix: Record<string, readonly string[]> = {
    reboot: ['AVAILABLE', 'REBOOTING', 'UNHEALTHY'],
    rebuild: ['AVAILABLE', 'ERROR', 'REBOOTING', 'STOPPED', 'UNHEALTHY'],
    restore: ['AVAILABLE', 'ERROR', 'STOPPED', 'UNHEALTHY'],
    start: ['STOPPED'],
    stop: ['AVAILABLE', 'ERROR', 'IMPAIRED', 'UNHEALTHY'],
    modify_properties: ['AVAILABLE', 'STOPPED'],
    enter_admin_maintenance: ['AVAILABLE'],
    leave_admin_maintenance: ['ADMIN_MAINTENANCE'],
    terminate: WORKSPACE_STATES.filter((s) => !['SUSPENDED', 'TERMINATING', 'TERMINATED'].includes(s)),
  };
  for (const [action, legalStates] of Object.entries(matrix))
    it(`${action} is legal exactly in ${legalStates.length} states (AutoStop desktop)`, () => {
      const legal = WORKSPACE_STATES.filter(
        (state) => actionLegality(action as Parameters<typeof actionLegality>[0], state, 'AUTO_STOP').legal,
      );
      expect([...legal].sort()).toEqual([...legalStates].sort());
    });

  it('an ALWAYS_ON desktop can be neither started nor stopped; a MANUAL one can', () => {
    expect(actionLegality('stop', 'AVAILABLE', 'ALWAYS_ON')).toMatchObject({ legal: false });
    expect(actionLegality('start', 'STOPPED', 'ALWAYS_ON')).toMatchObject({ legal: false });
    expect(actionLegality('start', 'STOPPED', 'MANUAL')).toEqual({ legal: true });
    expect(actionLegality('stop', 'AVAILABLE', 'MANUAL')).toEqual({ legal: true });
  });

  it('rebooting a desktop already REBOOTING is allowed with the 20-minute caution', () => {
    const legality = actionLegality('reboot', 'REBOOTING', 'ALWAYS_ON');
    expect(legality.legal).toBe(true);
    expect(legality.legal && legality.caution).toContain('20 minutes');
  });

  it('says why an action is illegal', () => {
    expect(actionLegality('reboot', 'STOPPED', 'AUTO_STOP')).toEqual({
      legal: false,
      reason: 'cannot reboot a desktop in STOPPED; AWS allows it only from AVAILABLE, UNHEALTHY, REBOOTING.',
    });
    expect(actionLegality('terminate', 'SUSPENDED', 'AUTO_STOP')).toMatchObject({ legal: false });
    expect(actionLegality('reboot', 'ADMIN_MAINTENANCE', 'ALWAYS_ON')).toMatchObject({
      reason: expect.stringContaining('Return it to AVAILABLE first (modify_workspace_state).'),
    });
  });

  it('an ADMIN_MAINTENANCE desktop allows only leaving maintenance and terminating', () => {
    expect(allowedActions('ADMIN_MAINTENANCE', 'AUTO_STOP')).toEqual([
      'terminate',
      'leave_admin_maintenance',
    ]);
  });
});
