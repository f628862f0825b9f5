import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLUGIN_API_VERSION } from '../plugin-api/version.js';
import { scaffoldPlugin } from './create-plugin.js';
import { runCli } from './main.js';

const root = mkdtempSync(path.join(tmpdir(), 'create-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const values = { packageName: '@acme/euc-modes', hostVersion: '0.4.2', pluginApiVersion: '1.3' };

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    cwd: root,
    env: {},
    pluginSearchBases: [],
    stdout: (text: string) => out.push(text),
    stderr: (line: string) => err.push(line),
  };
  return runCli(argv, io).then((code) => ({ code, out: out.join(''), err: err.join('\n') }));
}

describe('create-plugin', () => {
  it('writes a plugin package: manifest, configs, the plugin, one tool, its tests and a README', () => {
    const dir = path.join(root, 'modes');
    expect(scaffoldPlugin(dir, values)).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src/iam.test.ts',
      'src/index.ts',
      'src/tools/count-workspaces-by-running-mode.test.ts',
      'src/tools/count-workspaces-by-running-mode.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('@acme/euc-modes');
    expect(manifest.peerDependencies).toEqual({ '@workspaces-euc-mcp/host': '^0.4.2' });
    expect(manifest.devDependencies['@workspaces-euc-mcp/host']).toBe('^0.4.2');
    expect(manifest.devDependencies['@workspaces-euc-mcp/testing']).toBe('^0.4.2');
    const index = readFileSync(path.join(dir, 'src/index.ts'), 'utf8');
    expect(index).toContain("name: '@acme/euc-modes'");
    expect(index).toContain("apiVersion: '1.3'");
    expect(index).not.toMatch(/__[A-Z_]+__/);
  });

  it('refuses a folder that holds anything, and writes nothing into it', () => {
    const dir = path.join(root, 'busy');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => scaffoldPlugin(dir, values)).toThrow(/is not empty/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a package name npm would refuse, saying to pass --name', () => {
    expect(() => scaffoldPlugin(path.join(root, 'x'), { ...values, packageName: 'My Plugin' })).toThrow(
      /not a valid npm package name .* --name/,
    );
  });

  it('from the CLI: names the package after the folder and stamps this host API version', async () => {
    const { code, out } = await run(['create-plugin', 'euc-tags']);
    expect(code).toBe(0);
    expect(out).toContain(`Created plugin euc-tags (plugin API ${PLUGIN_API_VERSION})`);
    expect(readFileSync(path.join(root, 'euc-tags/src/index.ts'), 'utf8')).toContain(
      `apiVersion: '${PLUGIN_API_VERSION}'`,
    );
  });

  it('from the CLI: a non-empty folder or a missing DIR is a usage error (exit 2)', async () => {
    expect((await run(['create-plugin', 'euc-tags'])).err).toMatch(/is not empty/);
    expect((await run(['create-plugin', 'euc-tags'])).code).toBe(2);
    expect((await run(['create-plugin'])).code).toBe(2);
  });
});
