import { describe, expect, it } from 'vitest';
import { directoryFindings, isOpenToInternet } from './directories.js';

const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('IP access rules', () => {
  it('treats any /0 rule as open to the internet, and nothing narrower', () => {
    expect(isOpenToInternet('0.0.0.0/0')).toBe(true);
    expect(isOpenToInternet(' 10.0.0.0/0 ')).toBe(true);
    expect(isOpenToInternet('::/0')).toBe(true);
    expect(isOpenToInternet('0.0.0.0/1')).toBe(false);
    expect(isOpenToInternet('0.0.0.0')).toBe(false);
  });
});

describe('directory findings', () => {
  const dir = {
    directoryId: 'd-1234567890',
    registration: 'REGISTERED',
    ds: { kind: 'stage', stage: 'Active' } as const,
    ipGroupIds: ['wsipg-1'],
  };

  it('a deleted Directory Service directory and a failed stage are critical; Updating still serves', () => {
    expect(ids(directoryFindings({ ...dir, ds: { kind: 'missing' } }))).toEqual(['directory.deleted']);
    expect(ids(directoryFindings({ ...dir, ds: { kind: 'stage', stage: 'Inoperable' } }))).toEqual([
      'directory.ds-stage',
    ]);
    expect(directoryFindings({ ...dir, ds: { kind: 'stage', stage: 'Updating' } })).toEqual([]);
  });

  it('security checks only in the directory context: no IP group, /0 rules, local admin, web access, maintenance off', () => {
    const risky = {
      ...dir,
      ipGroupIds: [],
      ipGroups: [],
      userLocalAdmin: true,
      webAccess: true,
      maintenanceEnabled: false,
    };
    expect(directoryFindings(risky)).toEqual([]);
    expect(ids(directoryFindings(risky, { context: 'directory' }))).toEqual([
      'directory.no-ip-group',
      'directory.local-admin',
      'directory.web-access',
      'directory.maintenance-off',
    ]);
    const open = { ...dir, ipGroups: [{ groupId: 'wsipg-1', ruleCount: 2, openRules: ['0.0.0.0/0'] }] };
    expect(ids(directoryFindings(open, { context: 'directory' }))).toEqual(['directory.open-ip-rule']);
    // A deregistered directory serves nobody: only its registration is reported, as a warning.
    const gone = { ...risky, registration: 'DEREGISTERED' };
    expect(directoryFindings(gone, { context: 'directory' }).map((f) => `${f.id}/${f.severity}`)).toEqual([
      'directory.not-registered/warning',
    ]);
    expect(directoryFindings(gone).map((f) => f.severity)).toEqual(['critical']);
  });
});
