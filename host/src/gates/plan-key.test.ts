import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_KEY_ENV, planKeyLoader, planStateDir } from './plan-key.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'euc-plan-key-unit-'));
  dirs.push(dir);
  return dir;
};

describe('the plan key', () => {
  it('is made once, mode 0600, in the state folder, and every loader of that folder reads the same key', () => {
    const stateDir = path.join(tempDir(), 'workspaces-euc-mcp');
    const first = planKeyLoader({ stateDir, env: {} })();
    const second = planKeyLoader({ stateDir, env: {} })();
    expect(second.equals(first)).toBe(true);
    const file = path.join(stateDir, 'plan-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('comes from WORKSPACES_EUC_PLAN_KEY when set (replicas share it), and a short one is refused', () => {
    const stateDir = tempDir();
    const key = 'k'.repeat(40);
    expect(planKeyLoader({ stateDir, env: { [PLAN_KEY_ENV]: key } })().toString()).toBe(key);
    expect(() => planKeyLoader({ stateDir, env: { [PLAN_KEY_ENV]: 'short' } })()).toThrow(
      'WORKSPACES_EUC_PLAN_KEY must be at least 32 characters',
    );
  });

  it('refuses a truncated key file instead of signing with it', () => {
    const stateDir = tempDir();
    writeFileSync(path.join(stateDir, 'plan-key'), 'abc', { mode: 0o600 });
    expect(() => planKeyLoader({ stateDir, env: {} })()).toThrow('too short');
  });

  it('lives under XDG_STATE_HOME, else ~/.local/state', () => {
    expect(planStateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' })).toBe('/x/state/workspaces-euc-mcp');
    expect(planStateDir({ HOME: '/home/u' })).toBe('/home/u/.local/state/workspaces-euc-mcp');
    expect(planStateDir({ XDG_STATE_HOME: 'relative', HOME: '/home/u' })).toBe(
      '/home/u/.local/state/workspaces-euc-mcp',
    );
  });
});
