import { describe, expect, it } from 'vitest';
import { attachedSettings, openIpRules, timeoutProblem, transferExposure } from './settings.js';

const ARN = 'arn:aws:workspaces-web:us-east-1:111122223333:userSettings/00000000-0000-0000-0000-000000000000';

describe('user-settings transfers', () => {
  it('grades by outward channels: one info, two warning, all three critical', () => {
    const settings = (copy: boolean, download: boolean, print: boolean) => ({
      userSettingsArn: ARN,
      copyAllowed: copy ? ('Enabled' as const) : ('Disabled' as const),
      downloadAllowed: download ? ('Enabled' as const) : ('Disabled' as const),
      printAllowed: print ? ('Enabled' as const) : ('Disabled' as const),
    });
    expect(transferExposure(settings(true, false, false)).severity).toBe('info');
    expect(transferExposure(settings(true, true, false)).severity).toBe('warning');
    expect(transferExposure(settings(true, true, true))).toMatchObject({
      outward: ['copy', 'download', 'print'],
      severity: 'critical',
    });
  });

  it('upload alone is info; paste in alone is not a finding', () => {
    expect(transferExposure({ userSettingsArn: ARN, uploadAllowed: 'Enabled' }).severity).toBe('info');
    expect(
      transferExposure({ userSettingsArn: ARN, pasteAllowed: 'Enabled', copyAllowed: 'Disabled' }),
    ).toEqual({
      outward: [],
      inward: ['paste'],
      severity: undefined,
    });
  });
});

describe('timeouts', () => {
  it('an idle timeout of 0 never disconnects (warning); over 15 minutes idle or 120 disconnected is info', () => {
    expect(timeoutProblem({ userSettingsArn: ARN, idleDisconnectTimeoutInMinutes: 0 })).toEqual({
      severity: 'warning',
      detail: 'idle disconnect is off (0 minutes).',
    });
    expect(
      timeoutProblem({
        userSettingsArn: ARN,
        idleDisconnectTimeoutInMinutes: 60,
        disconnectTimeoutInMinutes: 600,
      }),
    ).toEqual({
      severity: 'info',
      detail:
        'idle disconnect after 60 minutes (more than 15); disconnected sessions kept 600 minutes (more than 120).',
    });
    expect(
      timeoutProblem({
        userSettingsArn: ARN,
        idleDisconnectTimeoutInMinutes: 15,
        disconnectTimeoutInMinutes: 120,
      }),
    ).toBeUndefined();
    // Absent values mean the service defaults, which the API does not show: nothing to judge.
    expect(timeoutProblem({ userSettingsArn: ARN })).toBeUndefined();
  });
});

describe('IP rules and attached settings', () => {
  it('a /0 rule is open whether IPv4 or IPv6; a narrow range or a 10.0.0.0/8 is not', () => {
    expect(
      openIpRules([
        { ipRange: '198.51.100.0/24' },
        { ipRange: '0.0.0.0/0' },
        { ipRange: '::/0' },
        { ipRange: '10.0.0.0/8' },
        { ipRange: '203.0.113.10' },
      ]),
    ).toEqual(['0.0.0.0/0', '::/0']);
  });

  it('lists the settings kinds a portal names by ARN, ignoring empty fields', () => {
    expect(
      attachedSettings({
        portalArn: 'arn:aws:workspaces-web:us-east-1:111122223333:portal/x',
        userSettingsArn: ARN,
        ipAccessSettingsArn: '',
        sessionLoggerArn: 'arn:aws:workspaces-web:us-east-1:111122223333:sessionLogger/y',
      }),
    ).toEqual(['userSettings', 'sessionLogger']);
  });
});
