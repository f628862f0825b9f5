import type { FindingsContributor, Plugin } from '@workspaces-euc-mcp/host';
import { definePlugin } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import { auditHost, call, personalPlugin, sharedEstate } from '../__tests__/host.js';
import type { CheckRow } from '../posture.js';

interface Posture {
  summary: string;
  totalFindings: number;
  severityCounts: { critical: number; warning: number; info: number };
  checks: CheckRow[];
  coverage: { contributors: { service: string }[]; notAudited: string[] };
  errors: { service: string; region: string; code: string }[];
}

const byId = (posture: Posture, id: string) => posture.checks.find((c) => c.checkId === id);

describe('audit_security_posture', () => {
  it('groups the desktops’ findings per check with a count and five resources, not one line per desktop', async () => {
    const { host } = await auditHost({ with: [personalPlugin] });
    const estate = host.simulator?.estate;
    const posture = await call<Posture>(host, 'audit_security_posture', {});
    const unencrypted = estate?.personal.desktops.filter(
      (d) =>
        !d.workspace.RootVolumeEncryptionEnabled &&
        d.workspace.State !== 'TERMINATED' &&
        d.workspace.State !== 'TERMINATING',
    ).length;
    const root = byId(posture, 'personal.unencrypted-root-volume');
    expect(root?.count).toBe(unencrypted);
    expect(root?.count).toBeGreaterThan(5);
    expect(root?.resources).toHaveLength(5);
    expect(root?.why).toBeTruthy();
    expect(root?.fix).toBeTruthy();
    expect(posture.checks.length).toBeLessThan(15);
    expect(posture.coverage.notAudited).not.toContain('WorkSpaces Personal');
  });

  it('adds the account checks: root used EUC APIs in the first region, as CloudTrail shows', async () => {
    const { host } = await auditHost({ with: [personalPlugin] });
    const posture = await call<Posture>(host, 'audit_security_posture', {});
    const root = byId(posture, 'audit.root-euc-activity');
    expect(root).toMatchObject({ severity: 'critical', count: 1 });
    expect(root?.resources[0]).toMatchObject({ region: 'us-east-1' });
    expect(root?.resources[0]?.detail).toContain('ModifyWorkspaceCreationProperties');
    expect(posture.checks[0]?.severity).toBe('critical');
    // The simulated server runs as an assumed role: no caller finding; both regions have EUC alarms.
    expect(byId(posture, 'audit.caller-is-root')).toBeUndefined();
    expect(byId(posture, 'audit.no-euc-alarms')).toBeUndefined();
  });

  it('without the personal plugin, still runs its own checks and says what is not audited', async () => {
    const { host } = await auditHost();
    const posture = await call<Posture>(host, 'audit_security_posture', { topPerCheck: 2 });
    expect(posture.checks.every((c) => c.checkId.startsWith('audit.'))).toBe(true);
    expect(posture.coverage.notAudited).toContain('WorkSpaces Personal');
    expect(posture.summary).toContain('Not audited');
  });

  it('reports a plugin whose checks fail as an error, and keeps the other findings', async () => {
    const failing: FindingsContributor = {
      id: 'broken.security',
      service: 'WorkSpaces Secure Browser',
      iam: [],
      checks: [],
      collect: async () => {
        throw Object.assign(new Error('Simulated outage'), { name: 'ServiceUnavailableException' });
      },
    };
    const broken: Plugin = definePlugin({
      name: 'broken-findings',
      version: '0.0.0',
      description: 'A findings contributor that always fails.',
      tools: [],
      contributes: { findings: [failing] },
    });
    const { host } = await auditHost({ with: [personalPlugin, broken] });
    const posture = await call<Posture>(host, 'audit_security_posture', { accountChecks: false });
    expect(posture.errors.filter((e) => e.service === 'WorkSpaces Secure Browser')).toHaveLength(2);
    expect(byId(posture, 'personal.unencrypted-root-volume')?.count).toBeGreaterThan(0);
    expect(posture.summary).toContain('Partial');
  });

  it('stays the same size at 2,000 desktops: counts grow, lists do not', { timeout: 60_000 }, async () => {
    const { host } = await auditHost({
      with: [personalPlugin],
      estate: sharedEstate({ seed: 42, desktops: 2000 }),
    });
    const posture = await call<Posture>(host, 'audit_security_posture', { topPerCheck: 3 });
    expect(byId(posture, 'personal.unencrypted-root-volume')?.count).toBeGreaterThan(300);
    expect(posture.checks.every((c) => c.resources.length <= 3)).toBe(true);
    expect(JSON.stringify(posture).length).toBeLessThan(20_000);
  });
});
