import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The example third-party plugin in docs/examples/directory-inventory: it builds and passes its
// own tests, and the distribution loads it only when a config file lists it.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(repo, 'docs/examples/directory-inventory');
const CLI = path.join(repo, 'bin/workspaces-euc-mcp.js');
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1' };

let work = '';
let configFile = '';

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: EXAMPLE,
      env,
    },
  );
  // Outside the repository, so no config file is found by searching upwards.
  work = mkdtempSync(path.join(tmpdir(), 'euc-plugin-example-'));
  configFile = path.join(work, 'workspaces-euc.json');
  writeFileSync(
    configFile,
    JSON.stringify({ plugins: ['@workspaces-euc-mcp/plugin-personal', path.join(EXAMPLE, 'dist/index.js')] }),
  );
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function toolNames(args: readonly string[]): string[] {
  const out = execFileSync(process.execPath, [CLI, 'tools', '--demo', '--json', ...args], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { tool: string; registered: boolean }[])
    .filter((t) => t.registered)
    .map((t) => t.tool);
}

describe('the example plugin docs/examples/directory-inventory', () => {
  it('passes its own tests and IAM proof on the simulated estate', () => {
    const run = spawnSync(process.execPath, [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: EXAMPLE,
      env,
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
    expect(run.stdout).toMatch(/Test Files\s+2 passed \(2\)/);
  }, 120_000);

  it('is not loaded by a launch whose config does not list it', () => {
    const names = toolNames([]);
    expect(names).toContain('find_workspaces');
    expect(names).not.toContain('list_workspace_directories');
  });

  it('is registered and answers on --demo when the config lists it', () => {
    expect(toolNames(['--config', configFile])).toContain('list_workspace_directories');
    const out = execFileSync(
      process.execPath,
      [CLI, 'call', 'list_workspace_directories', '--demo', '--config', configFile],
      { cwd: work, env, encoding: 'utf8' },
    );
    const answer = JSON.parse(out) as { total: number; errors: unknown[] };
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.errors).toEqual([]);
  });
});
