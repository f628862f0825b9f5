import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

const SAMPLE = { plugins: ['./my-plugin.js'], limits: { maxBulkTargets: 10 } };

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'euc-config-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('config resolution', () => {
  const forms: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'x', 'workspaces-euc': SAMPLE }),
    '.workspaces-eucrc': JSON.stringify(SAMPLE),
    '.workspaces-eucrc.json': JSON.stringify(SAMPLE),
    '.workspaces-eucrc.yaml': 'plugins:\n  - ./my-plugin.js\nlimits:\n  maxBulkTargets: 10\n',
    '.workspaces-eucrc.yml': 'plugins: [./my-plugin.js]\nlimits: { maxBulkTargets: 10 }\n',
    'workspaces-euc.config.mjs': `export default ${JSON.stringify(SAMPLE)};`,
    'workspaces-euc.config.cjs': `module.exports = ${JSON.stringify(SAMPLE)};`,
  };
  for (const [file, content] of Object.entries(forms)) {
    it(`finds ${file}`, async () => {
      const dir = dirWith({ [file]: content });
      const loaded = await loadConfig({ searchFrom: dir });
      expect(loaded.filepath).toBe(path.join(dir, file));
      expect(loaded.config).toEqual(SAMPLE);
      expect(loaded.baseDir).toBe(dir);
    });
  }

  it('searches upwards from a subfolder', async () => {
    const dir = dirWith({ '.workspaces-eucrc.json': JSON.stringify(SAMPLE), 'a/b/.keep': '' });
    const loaded = await loadConfig({ searchFrom: path.join(dir, 'a', 'b') });
    expect(loaded.filepath).toBe(path.join(dir, '.workspaces-eucrc.json'));
  });

  it('--config wins over a config found by search', async () => {
    const dir = dirWith({
      '.workspaces-eucrc.json': JSON.stringify(SAMPLE),
      'other/custom.json': JSON.stringify({ maxTier: 0 }),
    });
    const loaded = await loadConfig({ searchFrom: dir, explicitPath: path.join(dir, 'other/custom.json') });
    expect(loaded.config).toEqual({ maxTier: 0 });
    expect(loaded.baseDir).toBe(path.join(dir, 'other'));
  });

  it('no config file means the defaults', async () => {
    const dir = dirWith({ 'package.json': JSON.stringify({ name: 'x' }) });
    const loaded = await loadConfig({ searchFrom: dir });
    expect(loaded.config).toEqual({});
  });

  it('a missing --config file is an error naming it', async () => {
    await expect(loadConfig({ searchFrom: tmpdir(), explicitPath: '/nonexistent/euc.json' })).rejects.toThrow(
      /nonexistent\/euc\.json/,
    );
  });

  it('a bad config names every bad path and the reason', async () => {
    const dir = dirWith({
      '.workspaces-eucrc.json': JSON.stringify({
        limits: { maxBulkTargets: 100000 },
        targets: [{ account: '12345', regions: ['eu-west-1'] }],
        plugins: [{ name: 'x', tools: { allow: ['Bad-Name'] } }],
        maxTier: 7,
        surprise: true,
      }),
    });
    const error = await loadConfig({ searchFrom: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('.workspaces-eucrc.json');
    expect(message).toContain('/limits/maxBulkTargets: must be <= 500');
    expect(message).toContain('/targets/0/account');
    expect(message).toContain('/surprise: is not a known field');
    expect(message).toContain('/maxTier: must be <= 3');
    expect(message).not.toContain('/plugins/0: must be string');
  });

  it('the estate snapshot TTL is seconds from 0 (off) to a day, and nothing else', async () => {
    const ok = dirWith({ '.workspaces-eucrc.json': JSON.stringify({ snapshot: { ttlSeconds: 0 } }) });
    expect((await loadConfig({ searchFrom: ok })).config.snapshot).toEqual({ ttlSeconds: 0 });
    const bad = dirWith({
      '.workspaces-eucrc.json': JSON.stringify({ snapshot: { ttlSeconds: -1, minutes: 5 } }),
    });
    const message = ((await loadConfig({ searchFrom: bad }).catch((e: unknown) => e)) as Error).message;
    expect(message).toContain('/snapshot/ttlSeconds: must be >= 0');
    expect(message).toContain('/snapshot/minutes: is not a known field');
  });

  it('a config file that does not parse is a ConfigError, not a crash', async () => {
    const dir = dirWith({ '.workspaces-eucrc.json': '{ not json' });
    await expect(loadConfig({ searchFrom: dir })).rejects.toBeInstanceOf(ConfigError);
  });
});
