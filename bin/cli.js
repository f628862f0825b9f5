// The distribution's CLI as scripts/bundle.mjs bundles it into dist/workspaces-euc-mcp.js, with
// the host and every first-party plugin (dist/plugins/*.js); it runs from dist/, so the paths
// below are relative to that folder. bin/workspaces-euc-mcp.js calls main().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@workspaces-euc-mcp/host/runtime';
import { bundledPluginFile, FIRST_PARTY_PLUGINS, loadDemo } from './distribution.js';

const distDir = path.dirname(fileURLToPath(import.meta.url));

/** Runs the CLI on `argv`; resolves to the process exit code. */
export function main(argv) {
  return runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    // A plugin the config names by package resolves from here too (after the config's folder and
    // the working directory), as from the unbundled distribution.
    pluginSearchBases: [path.dirname(distDir)],
    defaultPlugins: FIRST_PARTY_PLUGINS,
    pluginModules: Object.fromEntries(
      FIRST_PARTY_PLUGINS.map((name) => [name, path.join(distDir, bundledPluginFile(name))]),
    ),
    iamReference: JSON.parse(readFileSync(path.join(distDir, 'iam-reference.json'), 'utf8')),
    loadDemo,
    stdout: (text) => process.stdout.write(text),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
