#!/usr/bin/env node
/**
 * `npm run pack:check`: proves the root package's tarball installs on its own and runs, as a new
 * user would get it. Packs the root package (its bundle must be built: `npm run build`), installs
 * the tarball into an empty temporary folder (third-party dependencies from the registry, through
 * the npm cache: --prefer-offline), and from there runs the installed binary:
 *
 *   the README's client configs (tarball, clone) --version  each prints the package version
 *   workspaces-euc-mcp --version                             prints the package version
 *   workspaces-euc-mcp tools                                 every first-party plugin, tools registered
 *   workspaces-euc-mcp call get_euc_inventory_summary --demo a report from the simulated estate
 *   workspaces-euc-mcp serve --transport http --demo         /healthz; 401 without the token, tools with it
 *   workspaces-euc-mcp tools --config <a config>             a plugin the config lists by path loads
 *                                                            beside a first-party one named by package
 *
 * Exits non-zero naming the step that failed. `--keep` leaves the folder for a look.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });

class CheckFailed extends Error {}

function step(title) {
  process.stderr.write(`pack-check: ${title}\n`);
}

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        npm_config_prefer_offline: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new CheckFailed(
      `${command} ${args.join(' ')} failed (in ${cwd}):\n${error.stderr ?? ''}${error.stdout ?? ''}`,
    );
  }
}

function expect(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

/**
 * A third-party plugin as its author writes one: it imports the plugin API from
 * `@workspaces-euc-mcp/host` (its peer dependency, here installed from the host's own tarball)
 * and runs against the host bundled in the distribution.
 */
const EXTERNAL_PLUGIN = `import { definePlugin, defineTool } from '@workspaces-euc-mcp/host';
import { Type } from 'typebox';

export default definePlugin({
  name: 'pack-check-plugin',
  version: '1.0.0',
  apiVersion: %API_VERSION%,
  description: 'A plugin the config lists by path.',
  tools: [
    defineTool({
      name: 'echo_pack_check',
      title: 'Echo',
      description: 'Answers with the word it was given.',
      tier: 0,
      iam: [],
      input: Type.Object({ word: Type.String() }),
      output: Type.Object({ echoed: Type.String() }),
      run: async (input) => ({ echoed: input.word }),
    }),
  ],
});
`;

/** The MCP client config the README shows under `<!-- pack-check: WHICH config -->`. */
function readmeConfig(which) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const marker = `<!-- pack-check: ${which} config -->`;
  const at = readme.indexOf(marker);
  expect(at >= 0, `README.md has no ${marker}`);
  const block = /```json\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block !== null, `README.md has no JSON block after ${marker}`);
  const config = JSON.parse(block[1]);
  expect(typeof config.command === 'string' && Array.isArray(config.args), `${marker}: no command and args`);
  return config;
}

/**
 * The installed CLI as a team server: listens on a free loopback port, answers /healthz, refuses a
 * call without the token and lists tools with it (2025-era JSON-RPC over Streamable HTTP).
 */
async function checkHttpServe(bin, cwd) {
  const token = 'pack-check-token-0123456789abcdef0123456789';
  const child = spawn(bin, ['serve', '--transport', 'http', '--port', '0', '--demo'], {
    cwd,
    env: { ...process.env, WORKSPACES_EUC_HTTP_TOKEN: token },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(
        () => reject(new CheckFailed(`serve printed no URL in 20 s: ${stderr}`)),
        20_000,
      );
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        const listening = /listening on (\S+)/.exec(stderr);
        if (listening) {
          clearTimeout(timer);
          resolve(new URL(listening[1]));
        }
      });
      child.once('exit', (code) => reject(new CheckFailed(`serve exited with ${code}: ${stderr}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    expect(health.status === 200, `/healthz answered ${health.status}`);
    const list = (authorization) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
      });
    const refused = await list(undefined);
    expect(refused.status === 401, `tools/list without the token answered ${refused.status}, not 401`);
    const listed = await list(`Bearer ${token}`);
    const body = await listed.text();
    expect(
      listed.status === 200 && body.includes('get_euc_inventory_summary'),
      `tools/list: ${listed.status} ${body.slice(0, 300)}`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  const started = performance.now();
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  expect(
    existsSync(path.join(root, 'dist/workspaces-euc-mcp.js')),
    'dist/ has no bundle: run `npm run build` first.',
  );
  const work = mkdtempSync(path.join(os.tmpdir(), 'workspaces-euc-mcp-pack-'));
  try {
    step('npm pack');
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
    const tarball = path.join(work, packed.filename);
    step(`${packed.filename}: ${(packed.size / 1024).toFixed(0)} KiB, ${packed.entryCount} files`);

    const app = path.join(work, 'app');
    step('npm install the tarball into an empty folder');
    mkdirSync(app);
    run('npm', ['init', '-y'], app);
    run(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'],
      app,
    );
    const bin = path.join(app, 'node_modules/.bin/workspaces-euc-mcp');
    expect(existsSync(bin), `the install has no node_modules/.bin/workspaces-euc-mcp`);
    const cli = (...args) => run(bin, args, app);

    step("the README's MCP client configs, from the tarball and from this clone");
    for (const [which, replace] of [
      ['tarball', (arg) => arg.replace('<path>/workspaces-euc-mcp-0.1.0.tgz', tarball)],
      ['clone', (arg) => arg.replace('<clone>', root)],
    ]) {
      const config = readmeConfig(which);
      const args = config.args.map(replace);
      const shown = run(config.command, [...args, '--version'], app)
        .trim()
        .split('\n')
        .at(-1);
      expect(
        shown === version,
        `the README's ${which} config printed ${JSON.stringify(shown)}, expected ${version}`,
      );
    }

    step('workspaces-euc-mcp --version');
    const printed = cli('--version').trim();
    expect(printed === version, `--version printed ${JSON.stringify(printed)}, expected ${version}`);

    step('workspaces-euc-mcp tools');
    const tools = JSON.parse(cli('tools', '--json'));
    const registered = tools.filter((row) => row.registered);
    const plugins = new Set(tools.map((row) => row.plugin));
    expect(registered.length > 0, 'tools registered none');
    expect(
      plugins.size === 8,
      `tools lists the plugins ${[...plugins].join(', ')}; expected the host and seven first-party plugins`,
    );

    step('workspaces-euc-mcp call get_euc_inventory_summary --demo');
    const summary = JSON.parse(cli('call', 'get_euc_inventory_summary', '--demo'));
    expect(
      summary.complete === true && summary.totalResources > 0,
      `the demo inventory is not a complete report: ${JSON.stringify(summary).slice(0, 300)}`,
    );

    step('workspaces-euc-mcp serve --transport http --demo: /healthz, then tools/list with the bearer token');
    await checkHttpServe(bin, app);

    step("npm install the host's tarball (a third-party plugin's peer dependency)");
    const [hostPacked] = JSON.parse(
      run('npm', ['pack', '--json', '--workspace', 'host', '--pack-destination', work], root),
    );
    run(
      'npm',
      [
        'install',
        path.join(work, hostPacked.filename),
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      app,
    );

    step('a config listing a first-party plugin by name and a third-party one by path');
    // The version a plugin author writes as a literal: the one this clone's host implements.
    const { PLUGIN_API_VERSION } = await import('@workspaces-euc-mcp/host');
    writeFileSync(
      path.join(app, 'pack-check-plugin.mjs'),
      EXTERNAL_PLUGIN.replace('%API_VERSION%', JSON.stringify(PLUGIN_API_VERSION)),
    );
    writeFileSync(
      path.join(app, '.workspaces-eucrc.json'),
      JSON.stringify({ plugins: ['@workspaces-euc-mcp/plugin-pools', './pack-check-plugin.mjs'] }),
    );
    const configured = JSON.parse(cli('tools', '--json'));
    const configuredPlugins = [...new Set(configured.map((row) => row.plugin))].sort();
    expect(
      JSON.stringify(configuredPlugins) ===
        JSON.stringify(['@workspaces-euc-mcp/host', '@workspaces-euc-mcp/plugin-pools', 'pack-check-plugin']),
      `with the config, tools lists the plugins ${configuredPlugins.join(', ')}`,
    );
    const echoed = JSON.parse(cli('call', 'echo_pack_check', '{"word":"installed"}'));
    expect(echoed.echoed === 'installed', `the config's plugin answered ${JSON.stringify(echoed)}`);

    step(`passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (values.keep) step(`left ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  process.stderr.write(`pack-check: FAILED: ${error.message}\n`);
  process.exitCode = 1;
}
