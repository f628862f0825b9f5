import {
  definePlugin,
  type FindingsContributor,
  type Plugin,
  type ToolOutput,
} from '@workspaces-euc-mcp/host';
import personal from '@workspaces-euc-mcp/plugin-personal';
import { createTestHost, fakeClock, invokeOk, toolSchemaBytes } from '@workspaces-euc-mcp/testing';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_BUDGET,
  FIVE_ACCOUNTS_FOUR_REGIONS,
  sentBytes,
  sharedEstate,
  TEN_THOUSAND,
} from '../__tests__/estate.js';
import audit from '../index.js';
import { auditSecurityPosture } from './audit-security-posture.js';

type Posture = ToolOutput<typeof auditSecurityPosture>;

const byId = (posture: Posture, id: string) => posture.checks.find((c) => c.checkId === id);

describe('audit_security_posture', () => {
  it('costs the assistant at most 650 bytes of description and input schema', () => {
    expect(toolSchemaBytes(auditSecurityPosture)).toBeLessThanOrEqual(650);
  });

  it('groups the desktops’ findings per check with a count and three resources, not one line per desktop', async () => {
    const estate = sharedEstate();
    const host = await createTestHost({ plugins: [audit, personal], estate, pacing: fakeClock() });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', {});
    const unencrypted = estate.personal.desktops.filter(
      (d) =>
        !d.workspace.RootVolumeEncryptionEnabled &&
        d.workspace.State !== 'TERMINATED' &&
        d.workspace.State !== 'TERMINATING',
    ).length;
    const root = byId(posture, 'personal.unencrypted-root-volume');
    expect(root?.count).toBe(unencrypted);
    expect(root?.count).toBeGreaterThan(5);
    expect(root?.resources).toHaveLength(3);
    expect(root?.why).toBeTruthy();
    expect(root?.fix).toBeTruthy();
    expect(posture.checks.length).toBeLessThan(15);
    expect(posture.coverage.notAudited).not.toContain('WorkSpaces Personal');
  });

  it('says volume encryption is chosen at launch: a new encrypted WorkSpace and a data migration, never a rebuild', async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate(),
      pacing: fakeClock(),
    });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', {});
    for (const id of ['personal.unencrypted-root-volume', 'personal.unencrypted-user-volume']) {
      const fix = byId(posture, id)?.fix ?? '';
      expect(fix).toContain('launch a new WorkSpace with encrypted volumes');
      expect(fix).toContain("migrate the user's data");
      expect(fix).toContain('a rebuild does not encrypt');
      expect(fix).not.toMatch(/rebuild from|encrypted bundle/i);
    }
  });

  it('adds the account checks: root used EUC APIs in the first region, as CloudTrail shows', async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate(),
      pacing: fakeClock(),
    });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', {});
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
    const host = await createTestHost({ plugins: [audit], estate: sharedEstate(), pacing: fakeClock() });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', { topPerCheck: 2 });
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
    const host = await createTestHost({ plugins: [audit, personal, broken], estate: sharedEstate() });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', { accountChecks: false });
    expect(posture.errors.filter((e) => e.service === 'WorkSpaces Secure Browser')).toHaveLength(2);
    expect(byId(posture, 'personal.unencrypted-root-volume')?.count).toBeGreaterThan(0);
    expect(posture.summary).toContain('Partial');
  });

  it('filters products by the names users type, legacy ones included through the plugins’ aliases', async () => {
    const fleets: FindingsContributor = {
      id: 'applications.security',
      service: 'WorkSpaces Applications',
      iam: [],
      checks: [
        { id: 'applications.open-fleet', title: 'Open fleet', severity: 'warning', why: 'w', fix: 'f' },
      ],
      collect: async () => [{ checkId: 'applications.open-fleet', resourceId: 'sales' }],
    };
    const applications = definePlugin({
      name: 'applications-findings',
      version: '0.0.0',
      description: 'A WorkSpaces Applications findings contributor that knows its old name.',
      tools: [],
      contributes: { findings: [fleets] },
      aliases: { appstream: 'WorkSpaces Applications' },
    });
    const host = await createTestHost({ plugins: [audit, personal, applications], estate: sharedEstate() });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', {
      services: ['AppStream'],
      accountChecks: false,
    });
    expect(posture.checks.map((c) => [c.checkId, c.count])).toEqual([['applications.open-fleet', 2]]);
  });

  it('stays the same size at 2,000 desktops: counts grow, lists do not', { timeout: 60_000 }, async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate({ seed: 42, desktops: 2000 }),
      pacing: fakeClock(),
    });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', { topPerCheck: 3 });
    expect(byId(posture, 'personal.unencrypted-root-volume')?.count).toBeGreaterThan(300);
    expect(posture.checks.every((c) => c.resources.length <= 3)).toBe(true);
    expect(JSON.stringify(posture).length).toBeLessThan(20_000);
  });

  it('answers 10,000 desktops within 20 KB, counting every finding', { timeout: 120_000 }, async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate(TEN_THOUSAND),
      pacing: fakeClock(),
    });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', {});
    expect(byId(posture, 'personal.unencrypted-root-volume')?.count).toBeGreaterThan(1000);
    expect(sentBytes(posture)).toBeLessThanOrEqual(ANSWER_BUDGET);
  });

  it('answers 5 accounts × 4 regions within 20 KB, reporting progress per plugin and scope', {
    timeout: 120_000,
  }, async () => {
    const host = await createTestHost({
      plugins: [audit, personal],
      estate: sharedEstate(FIVE_ACCOUNTS_FOUR_REGIONS),
      pacing: fakeClock(),
    });
    const progress: [number, number | undefined][] = [];
    const result = await host.invoke(
      'audit_security_posture',
      {},
      { progress: (done, total) => progress.push([done, total]) },
    );
    if (!result.ok) throw new Error(result.text);
    const posture = result.structured as Posture;
    expect(posture.scopes).toHaveLength(20);
    expect(posture.errors).toEqual([]);
    // Across accounts, every listed resource says which account it is in.
    expect(byId(posture, 'personal.unencrypted-root-volume')?.resources.every((r) => r.account)).toBe(true);
    expect(sentBytes(posture)).toBeLessThanOrEqual(ANSWER_BUDGET);
    // 20 personal scopes and the account checks.
    expect(progress.at(-1)).toEqual([21, 21]);
  });

  it('cuts why/fix and resources of the lowest-ranked checks before it passes its budget, and says so', async () => {
    const many: FindingsContributor = {
      id: 'many.checks',
      service: 'WorkSpaces Secure Browser',
      iam: [],
      checks: Array.from({ length: 60 }, (_, i) => ({
        id: `many.check-${i}`,
        title: `Check ${i}`,
        severity: 'warning' as const,
        why: 'w'.repeat(300),
        fix: 'f'.repeat(300),
      })),
      collect: async () =>
        Array.from({ length: 60 }, (_, i) => ({
          checkId: `many.check-${i}`,
          resourceId: `portal-${i}`,
          detail: 'd'.repeat(200),
        })),
    };
    const plugin = definePlugin({
      name: 'many-checks',
      version: '0.0.0',
      description: 'Sixty documented checks.',
      tools: [],
      contributes: { findings: [many] },
    });
    const host = await createTestHost({ plugins: [audit, plugin], estate: sharedEstate() });
    const posture = await invokeOk<Posture>(host, 'audit_security_posture', { accountChecks: false });
    expect(posture.checksTotal).toBe(60);
    expect(posture.checks[0]?.why).toBeDefined();
    expect(posture.checks.at(-1)?.why).toBeUndefined();
    expect(posture.notes.join(' ')).toMatch(/why\/fix given for the first \d+ checks only/);
    expect(sentBytes(posture)).toBeLessThanOrEqual(ANSWER_BUDGET);
    const one = await invokeOk<Posture>(host, 'audit_security_posture', {
      accountChecks: false,
      checks: ['many.check-59'],
    });
    expect(one.checks).toEqual([expect.objectContaining({ checkId: 'many.check-59', why: 'w'.repeat(300) })]);
  });
});
