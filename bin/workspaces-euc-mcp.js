#!/usr/bin/env node
// The published entry point: the host CLI with this distribution's folder as a place to resolve
// the first-party plugins from (they are this package's dependencies), its default plugin list
// and the simulated estate for --demo.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@workspaces-euc-mcp/host/runtime';
import { FIRST_PARTY_PLUGINS, loadDemo } from './distribution.js';

const distributionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  pluginSearchBases: [distributionRoot],
  defaultPlugins: FIRST_PARTY_PLUGINS,
  loadDemo,
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
