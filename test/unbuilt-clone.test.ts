import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A fresh clone has bin/ but no dist/ until `npm run build`: the entry point must say so, not
// print a module-not-found stack.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clone = mkdtempSync(path.join(os.tmpdir(), 'euc-unbuilt-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('an unbuilt clone', () => {
  it('says to run npm run build, with the usage exit code', () => {
    mkdirSync(path.join(clone, 'bin'));
    copyFileSync(path.join(root, 'bin/workspaces-euc-mcp.js'), path.join(clone, 'bin/workspaces-euc-mcp.js'));
    const run = spawnSync(process.execPath, [path.join(clone, 'bin/workspaces-euc-mcp.js'), '--version'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('workspaces-euc-mcp is not built: run `npm run build`');
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
  });
});
