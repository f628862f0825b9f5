import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RegistrationDecision } from '../registry/registration.js';
import { EXIT } from './exit-codes.js';
import { launchNotices } from './launch-notices.js';
import { captureCli } from './test-fixtures/capture-cli.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-fixtures');

function cli(args: string[], config: string) {
  return captureCli([...args, '--config', path.join(fixtures, config)], fixtures);
}

describe('quiet and exact (issue 16, point 6)', () => {
  it('counts read "1 IAM action", not "1 IAM actions"', async () => {
    const { stdout } = await cli(['tools'], 'widgets.workspaces-eucrc.json');
    expect(stdout).toMatch(/\+ get_widget +tier 0 .* 1 IAM action\n/);
    expect(stdout).not.toMatch(/\b1 IAM actions\b/);
  });
  it('an empty config file says it is empty and what that means', async () => {
    const { code, stdout, stderr } = await cli(['tools'], 'empty.workspaces-eucrc.json');
    // No first-party plugins are resolvable from here, so only the host's own tools load.
    expect(code).toBe(EXIT.ok);
    expect(stderr).toContain('empty.workspaces-eucrc.json is empty: it changes nothing');
    expect(stdout).toContain('empty.workspaces-eucrc.json (empty, defaults)');
  });
  it('iam-policy --tier 3 under maxTier 2 says why instead of printing an empty policy', async () => {
    const { code, stdout, stderr } = await cli(
      ['iam-policy', '--tier', '3', '--all-tiers'],
      'max-tier-2.workspaces-eucrc.json',
    );
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'iam-policy --tier 3: the layer is empty because every tier 3 tool is left out: tier 3 is above the config maxTier 2',
    );
  });
  it('--tier N follows the launch flags; --all-tiers gives the layer whatever the flags', async () => {
    const config = 'widgets.workspaces-eucrc.json';
    const withoutFlag = await cli(['iam-policy', '--tier', '2'], config);
    expect(withoutFlag.code).toBe(EXIT.usage);
    expect(withoutFlag.stderr).toContain('tier 2 needs --enable-writes; add that flag');
    const layer = (args: string[]) => cli(['iam-policy', '--tier', '2', ...args], config);
    const withFlag = JSON.parse((await layer(['--enable-writes'])).stdout);
    const allTiers = JSON.parse((await layer(['--all-tiers'])).stdout);
    expect(withFlag.Statement[0].Action).toEqual(['workspaces:ModifyWorkspaceProperties']);
    expect(allTiers).toEqual(withFlag);
  });
  it('--enable-destructive under maxTier 2 does not claim destructive tools are enabled', () => {
    const tool = (name: string, tier: 2 | 3) => ({ tool: { name, tier } }) as unknown as RegistrationDecision;
    const decisions = [
      { ...tool('paint', 2), registered: true, reason: 'registered' },
      { ...tool('scrap', 3), registered: false, reason: 'tier 3 is above the config maxTier 2' },
    ] as RegistrationDecision[];
    const registered = new Map([['paint', { tool: { name: 'paint', tier: 2 } }]]);
    const host = { decisions, registered } as unknown as Parameters<typeof launchNotices>[0];
    expect(launchNotices(host, { enableWrites: true, enableDestructive: true }, 1)).toEqual([
      { level: 'info', message: '1 write tool enabled; blast-radius cap 1 target per confirmed call' },
      {
        level: 'info',
        message: '--enable-destructive registers no destructive tool: tier 3 is above the config maxTier 2',
      },
    ]);
  });
});
