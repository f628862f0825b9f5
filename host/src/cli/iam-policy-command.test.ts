import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureCli } from './test-fixtures/capture-cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONFIG = path.resolve(here, '../../test/fixtures/e2e/.workspaces-eucrc.json');

function cli(args: string[]) {
  return captureCli([...args, '--config', CONFIG, '--log-level', 'error'], here);
}

describe('workspaces-euc-mcp tools', () => {
  it('lists registered tools and why the others are not', async () => {
    const { code, stdout } = await cli(['tools']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\+ count_e2e_workspaces +tier 0/);
    expect(stdout).toMatch(/- stop_e2e_workspaces +tier 2 .*tier 2 needs --enable-writes/);
  });
  it('--json gives each tool with tier, plugin, registration and IAM', async () => {
    const rows = JSON.parse((await cli(['tools', '--json', '--enable-writes'])).stdout) as {
      tool: string;
      registered: boolean;
      iam: string[];
    }[];
    expect(rows.find((r) => r.tool === 'stop_e2e_workspaces')).toMatchObject({
      registered: true,
      iam: ['workspaces:StopWorkspaces'],
    });
  });
});

describe('workspaces-euc-mcp iam-policy', () => {
  it("the default launch policy is exactly the registered (read) tools' actions", async () => {
    const { code, stdout } = await cli(['iam-policy']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).Statement).toEqual([
      { Sid: 'WorkspacesEucMcp', Effect: 'Allow', Action: ['workspaces:DescribeWorkspaces'], Resource: '*' },
    ]);
  });
  it('--enable-writes adds the write actions; --account/--region scope them to ARNs', async () => {
    const { stdout } = await cli([
      'iam-policy',
      '--enable-writes',
      '--account',
      '111122223333',
      '--region',
      'eu-west-1',
    ]);
    expect(JSON.parse(stdout).Statement).toEqual([
      {
        Sid: 'WorkspacesEucMcpRead',
        Effect: 'Allow',
        Action: ['workspaces:DescribeWorkspaces'],
        Resource: '*',
      },
      {
        Sid: 'WorkspacesEucMcpWriteScopedToWorkspaceid',
        Effect: 'Allow',
        Action: ['workspaces:StopWorkspaces'],
        Resource: 'arn:aws:workspaces:eu-west-1:111122223333:workspace/*',
      },
    ]);
  });
  it('--launcher emits the AssumeRole policy for the role alongside the target policy', async () => {
    const { stdout } = await cli([
      'iam-policy',
      '--launcher',
      '--assume-role-arn',
      'arn:aws:iam::111122223333:role/EucRead',
    ]);
    const out = JSON.parse(stdout);
    expect(out.launcher.Statement[0]).toMatchObject({
      Action: ['sts:AssumeRole'],
      Resource: ['arn:aws:iam::111122223333:role/EucRead'],
    });
    expect(out.target.Statement[0].Action).toEqual(['workspaces:DescribeWorkspaces']);
  });
  it('--write-dir writes the tier files and --check fails on drift, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'euc-iam-'));
    expect((await cli(['iam-policy', '--write-dir', dir])).code).toBe(0);
    const tier2 = JSON.parse(readFileSync(path.join(dir, 'tier2-lifecycle.json'), 'utf8'));
    expect(tier2.Statement[0].Action).toEqual(['workspaces:StopWorkspaces']);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain(
      '| `workspaces:StopWorkspaces` | Write | `tier2-lifecycle.json` | `stop_e2e_workspaces` |',
    );
    expect((await cli(['iam-policy', '--write-dir', dir, '--check'])).code).toBe(0);
    writeFileSync(path.join(dir, 'tier0-diagnostics.json'), '{}');
    const drift = await cli(['iam-policy', '--write-dir', dir, '--check']);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain('tier0-diagnostics.json');
    rmSync(dir, { recursive: true, force: true });
  });
  it('a bad config or flag exits 2 with the reason', async () => {
    expect((await cli(['iam-policy', '--launcher'])).stderr).toContain('--launcher needs role ARNs');
    const bad = await cli(['tools', '--max-bulk-targets', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-bulk-targets');
  });
});
