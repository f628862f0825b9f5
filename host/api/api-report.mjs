#!/usr/bin/env node
// The plugin API's type surface, kept honest. API Extractor reports the main entry's types to
// api/host.api.md (committed). surface.json records which report was released under which
// PLUGIN_API_VERSION and top host/CHANGELOG.md entry, so a change to the surface cannot land
// without one of them changing with it.
//
//   node api/api-report.mjs --write   update the report; refuse to record a changed surface
//                                      until PLUGIN_API_VERSION or the changelog says so
//   node api/api-report.mjs --check   CI: fail when the built surface differs from the report,
//                                      or the report is not the one recorded with the version
// Both need the host built (dist/index.d.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = path.join(HOST_ROOT, 'api', 'host.api.md');
const SURFACE = path.join(HOST_ROOT, 'api', 'surface.json');
const CHANGELOG = path.join(HOST_ROOT, 'CHANGELOG.md');

/** The hash of a report, independent of line endings. */
export function reportHash(text) {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** The changelog's newest entry: its first `## ` heading, or '' without one. */
export function newestChangelogEntry(text) {
  const heading = text.split(/\r?\n/).find((line) => line.startsWith('## '));
  return heading ? heading.slice(3).trim() : '';
}

/**
 * Whether the current surface may be recorded. `recorded` is surface.json (undefined the first
 * time); `current` the report hash, PLUGIN_API_VERSION and newest changelog entry now.
 */
export function judgeSurface(recorded, current) {
  if (!recorded || recorded.reportSha256 === current.reportSha256) return { ok: true };
  if (
    recorded.pluginApiVersion !== current.pluginApiVersion ||
    recorded.changelogEntry !== current.changelogEntry
  )
    return { ok: true };
  return {
    ok: false,
    message: [
      `The plugin API's type surface changed (git diff host/api/host.api.md), but PLUGIN_API_VERSION (${current.pluginApiVersion}) and the newest host/CHANGELOG.md entry ("${current.changelogEntry}") did not.`,
      'Plugins are built against this surface: bump PLUGIN_API_VERSION in host/src/plugin-api/version.ts (the minor for an addition, the major for a change that breaks plugins) or add an entry to host/CHANGELOG.md saying what changed, then run `npm run api:write -w host` again.',
    ].join('\n'),
  };
}

async function currentSurface() {
  const { PLUGIN_API_VERSION } = await import(
    pathToFileURL(path.join(HOST_ROOT, 'dist', 'plugin-api', 'version.js')).href
  );
  return {
    pluginApiVersion: PLUGIN_API_VERSION,
    changelogEntry: existsSync(CHANGELOG) ? newestChangelogEntry(readFileSync(CHANGELOG, 'utf8')) : '',
    reportSha256: reportHash(readFileSync(REPORT, 'utf8')),
  };
}

async function runExtractor(localBuild) {
  const { Extractor, ExtractorConfig } = await import('@microsoft/api-extractor');
  const config = ExtractorConfig.loadFileAndPrepare(path.join(HOST_ROOT, 'api-extractor.json'));
  const result = Extractor.invoke(config, { localBuild, showVerboseMessages: false });
  return result.succeeded && !(result.apiReportChanged && !localBuild);
}

async function main(mode) {
  if (mode !== '--write' && mode !== '--check') {
    process.stderr.write('Usage: node api/api-report.mjs --write | --check\n');
    return 2;
  }
  const recorded = existsSync(SURFACE) ? JSON.parse(readFileSync(SURFACE, 'utf8')) : undefined;
  if (!(await runExtractor(mode === '--write'))) {
    process.stderr.write(
      'The plugin API surface built from host/src differs from host/api/host.api.md. Run `npm run api:write -w host` and commit the report (with a PLUGIN_API_VERSION bump or a host/CHANGELOG.md entry).\n',
    );
    return 1;
  }
  const current = await currentSurface();
  const verdict = judgeSurface(recorded, current);
  if (!verdict.ok) {
    process.stderr.write(`${verdict.message}\n`);
    return 1;
  }
  const unchanged = recorded && JSON.stringify(recorded) === JSON.stringify(current);
  if (mode === '--check' && !unchanged) {
    process.stderr.write(
      'host/api/surface.json does not record the committed report with this PLUGIN_API_VERSION and changelog entry. Run `npm run api:write -w host` and commit it.\n',
    );
    return 1;
  }
  if (mode === '--write' && !unchanged) writeFileSync(SURFACE, `${JSON.stringify(current, null, 2)}\n`);
  process.stdout.write(
    `Plugin API ${current.pluginApiVersion}: surface ${unchanged ? 'unchanged' : 'recorded'}.\n`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await main(process.argv[2]);
