import type { PortalSummary } from '@aws-sdk/client-workspaces-web';
import { describe, expect, it } from 'vitest';
import { postureFindings, unassociatedFindings } from './posture.js';

const arn = (kind: string, n: number) =>
  `arn:aws:workspaces-web:us-east-1:111122223333:${kind}/00000000-0000-0000-0000-00000000000${n}`;
const empty = {
  userSettings: [],
  networkSettings: [],
  ipAccessSettings: [],
  dataProtectionSettings: [],
  browserSettings: [],
  userAccessLoggingSettings: [],
  trustStores: [],
};

describe('posture of one portal', () => {
  it('a session logger does not stand in for user access logging, but the finding says it is there', () => {
    const portal: PortalSummary = {
      portalArn: arn('portal', 1),
      displayName: 'Claims',
      portalStatus: 'Active',
      ipAccessSettingsArn: arn('ipAccessSettings', 1),
      dataProtectionSettingsArn: arn('dataProtectionSettings', 1),
      sessionLoggerArn: arn('sessionLogger', 1),
    };
    expect(postureFindings([portal], [], new Map())).toEqual([
      {
        checkId: 'secure-browser.no-user-access-logging',
        resourceId: arn('portal', 1),
        resourceType: 'Portal',
        detail: 'Claims (a session logger is attached, but it does not record sign-ins)',
      },
    ]);
  });
});

describe('session logging', () => {
  it('an Active portal without a session logger is reported as info; one with a logger, or not yet Active, is not', () => {
    const covered = {
      portalStatus: 'Active',
      ipAccessSettingsArn: arn('ipAccessSettings', 1),
      dataProtectionSettingsArn: arn('dataProtectionSettings', 1),
      userAccessLoggingSettingsArn: arn('userAccessLoggingSettings', 1),
    } as const;
    const unlogged: PortalSummary = { ...covered, portalArn: arn('portal', 1), displayName: 'Claims' };
    const logged: PortalSummary = {
      ...covered,
      portalArn: arn('portal', 2),
      sessionLoggerArn: arn('sessionLogger', 1),
    };
    const pending: PortalSummary = { portalArn: arn('portal', 3), portalStatus: 'Pending' };
    const found = postureFindings([unlogged, logged, pending], [], new Map());
    expect(found.filter((f) => f.checkId === 'secure-browser.no-session-logging')).toEqual([
      {
        checkId: 'secure-browser.no-session-logging',
        resourceId: arn('portal', 1),
        resourceType: 'Portal',
        detail: 'Claims',
      },
    ]);
    expect(found.map((f) => f.checkId)).toEqual([
      'secure-browser.no-session-logging',
      'secure-browser.portal-not-usable',
    ]);
  });
});

describe('unassociated settings', () => {
  it('a resource any portal names is in use, whatever the portal status; the others are reported', () => {
    const pending: PortalSummary = {
      portalArn: arn('portal', 2),
      portalStatus: 'Pending',
      userSettingsArn: arn('userSettings', 1),
    };
    const found = unassociatedFindings([pending], {
      ...empty,
      userSettings: [
        { userSettingsArn: arn('userSettings', 1) },
        { userSettingsArn: arn('userSettings', 2) },
      ],
      trustStores: [{ trustStoreArn: arn('trustStore', 1) }],
    });
    expect(found.map((f) => `${f.resourceType} ${f.resourceId.slice(-1)}`)).toEqual([
      'User settings 2',
      'Trust store 1',
    ]);
  });
});
