import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLUGIN_API_VERSION } from '../plugin-api/version.js';
import { loadPlugins, normalizeEntries } from './load-plugins.js';

// Plugins as a config lists them: modules on disk, plain objects (what a plugin built against
// another host release looks like at run time), loaded through the same path as the CLI.
const folder = mkdtempSync(path.join(tmpdir(), 'load-plugins-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function pluginModule(file: string, apiVersion: unknown): string {
  const declared = apiVersion === undefined ? '' : `apiVersion: ${JSON.stringify(apiVersion)},`;
  writeFileSync(
    path.join(folder, file),
    `export default { name: 'acme-${file.replace('.mjs', '')}', version: '2.0.0', ${declared} description: 'Test plugin.', tools: [] };\n`,
  );
  return `./${file}`;
}

async function load(specifier: string) {
  return loadPlugins(normalizeEntries([specifier], []), folder, []);
}

const [hostMajor, hostMinor] = PLUGIN_API_VERSION.split('.').map(Number) as [number, number];

describe('loading plugins by API version', () => {
  it("loads a plugin built for the host's own API version", async () => {
    const [loaded] = await load(pluginModule('same.mjs', PLUGIN_API_VERSION));
    expect(loaded?.plugin.name).toBe('acme-same');
  });

  it("refuses a plugin built for a later minor, naming the plugin, its version and the host's", async () => {
    const later = `${hostMajor}.${hostMinor + 1}`;
    await expect(load(pluginModule('later.mjs', later))).rejects.toThrow(
      `Plugin acme-later was built for plugin API ${later}, but this host implements plugin API ${PLUGIN_API_VERSION}.`,
    );
  });

  it('refuses a plugin built for another major', async () => {
    const next = `${hostMajor + 1}.0`;
    await expect(load(pluginModule('next.mjs', next))).rejects.toThrow(
      `Plugin acme-next was built for plugin API ${next}, but this host implements plugin API ${PLUGIN_API_VERSION}. Upgrade the host`,
    );
  });

  it('refuses a plugin that declares no version, or a number, saying what to write', async () => {
    await expect(load(pluginModule('none.mjs', undefined))).rejects.toThrow(
      /Plugin acme-none declares no plugin API version, .* definePlugin\(\{ apiVersion: '/,
    );
    await expect(load(pluginModule('numeric.mjs', 1))).rejects.toThrow(
      `Plugin acme-numeric was built for plugin API 1, but this host implements plugin API ${PLUGIN_API_VERSION}.`,
    );
  });
});
