import { describe, expect, it } from 'vitest';
import { diagnoseWorkspace, type WorkspaceFacts } from './diagnosis.js';
import { directoryFindings } from './directories.js';
import { isOpenToInternet, rankFindings, statusOf, type WeightedFinding } from './findings.js';
import { remediationLadder } from './remediation.js';

const now = new Date('2026-06-17T12:00:00Z');
const workspace = (over: Partial<WorkspaceFacts> = {}): WorkspaceFacts => ({
  workspaceId: 'ws-test00001',
  state: 'AVAILABLE',
  runningMode: 'AUTO_STOP',
  protocols: ['PCOIP'],
  modifications: [],
  related: [],
  ...over,
});
const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);

describe('ranking and status', () => {
  const f = (id: string, severity: WeightedFinding['severity'], weight: number): WeightedFinding => ({
    id,
    severity,
    weight,
    title: id,
    detail: '',
  });

  it('ranks by severity, then by weight, keeping input order for ties', () => {
    const ranked = rankFindings([
      f('a', 'info', 99),
      f('b', 'warning', 10),
      f('c', 'critical', 50),
      f('d', 'critical', 90),
      f('e', 'warning', 10),
    ]);
    expect(ids(ranked)).toEqual(['d', 'c', 'b', 'e', 'a']);
    expect(ranked[0]).not.toHaveProperty('weight');
  });

  it('is unhealthy with any critical, degraded with any warning, healthy otherwise', () => {
    expect(statusOf([{ severity: 'info' }, { severity: 'critical' }])).toBe('unhealthy');
    expect(statusOf([{ severity: 'info' }, { severity: 'warning' }])).toBe('degraded');
    expect(statusOf([{ severity: 'info' }])).toBe('healthy');
    expect(statusOf([])).toBe('healthy');
  });

  it('treats any /0 rule as open to the internet, and nothing narrower', () => {
    expect(isOpenToInternet('0.0.0.0/0')).toBe(true);
    expect(isOpenToInternet(' 10.0.0.0/0 ')).toBe(true);
    expect(isOpenToInternet('::/0')).toBe(true);
    expect(isOpenToInternet('0.0.0.0/1')).toBe(false);
    expect(isOpenToInternet('0.0.0.0')).toBe(false);
  });
});

describe('diagnoseWorkspace', () => {
  const base = { connection: undefined, directory: undefined, snapshots: undefined, metrics: undefined, now };

  it('a deregistered directory outranks an UNHEALTHY desktop: both critical, the directory blocks everything', () => {
    const findings = rankFindings(
      diagnoseWorkspace({
        ...base,
        workspace: workspace({ state: 'UNHEALTHY' }),
        directory: {
          directoryId: 'd-1234567890',
          registration: 'DEREGISTERED',
          ds: { kind: 'stage', stage: 'Active' },
          ipGroupIds: [],
        },
      }),
    );
    expect(ids(findings)).toEqual(['directory.not-registered', 'state.unhealthy']);
  });

  it('some failed connections are a warning; all of at least 3 failing is critical', () => {
    const metrics = (attempts: number, failures: number) => ({
      lookbackHours: 24,
      attempts,
      failures,
      latencyMs: null,
      launchSeconds: null,
    });
    const some = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(10, 2) });
    expect(some).toEqual([
      expect.objectContaining({
        id: 'connection.failures',
        severity: 'warning',
        title: '2 of 10 connection attempts failed in the last 24 h',
      }),
    ]);
    const all = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(3, 3) });
    expect(all[0]?.severity).toBe('critical');
    const two = diagnoseWorkspace({ ...base, workspace: workspace(), metrics: metrics(2, 2) });
    expect(two[0]?.severity).toBe('warning');
  });

  it('flags latency from 250 ms and launches from 60 s, not below', () => {
    const at = (latencyMs: number, launchSeconds: number) =>
      ids(
        diagnoseWorkspace({
          ...base,
          workspace: workspace(),
          metrics: { lookbackHours: 24, attempts: 5, failures: 0, latencyMs, launchSeconds },
        }),
      );
    expect(at(249, 59)).toEqual([]);
    expect(at(250, 60)).toEqual(['connection.latency', 'connection.slow-launch']);
  });

  it('a STOPPED desktop is only info when AutoStop (it starts on sign-in), a warning when Manual', () => {
    expect(diagnoseWorkspace({ ...base, workspace: workspace({ state: 'STOPPED' }) })[0]?.severity).toBe(
      'info',
    );
    expect(
      diagnoseWorkspace({ ...base, workspace: workspace({ state: 'STOPPED', runningMode: 'MANUAL' }) })[0]
        ?.severity,
    ).toBe('warning');
  });

  it('a last user connection 30 days ago is stale, 29 days is not', () => {
    const stale = (days: number) =>
      ids(
        diagnoseWorkspace({
          ...base,
          workspace: workspace(),
          connection: {
            state: 'DISCONNECTED',
            lastUserConnection: new Date(now.getTime() - days * 86_400_000),
          },
        }),
      );
    expect(stale(30)).toEqual(['connection.stale']);
    expect(stale(29)).toEqual([]);
  });
});

describe('remediation ladders', () => {
  it('UNHEALTHY: wait, reboot, check, and rebuild last', () => {
    const ladder = remediationLadder('UNHEALTHY', 'ALWAYS_ON', {
      lastRestore: undefined,
      lastRebuild: new Date('2026-06-17T00:00:00Z'),
    });
    expect(ladder.map((s) => s.tool)).toEqual([
      undefined,
      'reboot_workspaces',
      undefined,
      'rebuild_workspaces',
    ]);
    expect(ladder[0]?.step).toMatch(/^If it was started or rebooted/);
    expect(ladder[2]?.step).toContain('SkyLightWorkSpacesConfigService');
    expect(ladder[3]?.step).toContain('Only as a last resort');
  });

  it('IMPAIRED: stop/start only for AutoStop, then escalate', () => {
    expect(remediationLadder('IMPAIRED', 'AUTO_STOP', undefined).map((s) => s.tool)).toEqual([
      'stop_workspaces',
      undefined,
    ]);
    expect(remediationLadder('IMPAIRED', 'ALWAYS_ON', undefined)).toHaveLength(1);
  });

  it('ERROR: read the error, restore, rebuild last', () => {
    expect(remediationLadder('ERROR', 'AUTO_STOP', undefined).map((s) => s.tool)).toEqual([
      undefined,
      'restore_workspace',
      'rebuild_workspaces',
    ]);
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
