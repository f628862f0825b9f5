import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLUGIN_API_VERSION } from '@workspaces-euc-mcp/host';
import { describe, expect, it } from 'vitest';
import {
  judgeSurface,
  newestChangelogEntry,
  type RecordedSurface,
  reportHash,
} from '../host/api/api-report.mjs';

// The plugin API's type surface may change only with a new PLUGIN_API_VERSION or a changelog
// entry. `npm run api:check -w host` runs API Extractor on the built host; this test checks the
// rule and that the committed report is the one recorded with the current version and changelog.
const hostDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../host');
const read = (file: string) => readFileSync(path.join(hostDir, file), 'utf8');

const released: RecordedSurface = { pluginApiVersion: '1.2', changelogEntry: '1.2', reportSha256: 'aaa' };

describe('the plugin API surface check', () => {
  it('an unchanged surface passes whatever else changed', () => {
    expect(judgeSurface(released, { ...released, changelogEntry: '1.2 (typo fixed)' })).toEqual({ ok: true });
  });

  it('a changed surface without a new version or changelog entry is refused, saying what to do', () => {
    const verdict = judgeSurface(released, { ...released, reportSha256: 'bbb' });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.message).toMatch(
      /bump PLUGIN_API_VERSION .* or add an entry to host\/CHANGELOG\.md/,
    );
  });

  it('a changed surface with a new version, or a new changelog entry, is accepted', () => {
    expect(judgeSurface(released, { ...released, reportSha256: 'bbb', pluginApiVersion: '1.3' }).ok).toBe(
      true,
    );
    expect(judgeSurface(released, { ...released, reportSha256: 'bbb', changelogEntry: '1.2.1' }).ok).toBe(
      true,
    );
  });

  it('reads the newest changelog entry and hashes a report whatever its line endings', () => {
    expect(newestChangelogEntry('# Changelog\n\ntext\n\n## 1.3\nadded\n\n## 1.2\n')).toBe('1.3');
    expect(reportHash('a\r\nb\n')).toBe(reportHash('a\nb\n'));
  });

  it('the committed report is the one recorded with this PLUGIN_API_VERSION and changelog entry', () => {
    const recorded = JSON.parse(read('api/surface.json')) as RecordedSurface;
    expect(recorded).toEqual({
      pluginApiVersion: PLUGIN_API_VERSION,
      changelogEntry: newestChangelogEntry(read('CHANGELOG.md')),
      reportSha256: reportHash(read('api/host.api.md')),
    });
    expect(read('api/host.api.md')).toContain(`export const PLUGIN_API_VERSION = "${PLUGIN_API_VERSION}";`);
  });
});
