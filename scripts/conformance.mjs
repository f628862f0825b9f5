#!/usr/bin/env node
/**
 * `npm run conformance`: the official MCP conformance suite (@modelcontextprotocol/conformance)
 * against this server over Streamable HTTP, on the simulated estate. Builds nothing: run it after
 * `npm run build`.
 *
 * 1. starts `serve --transport http --port 0 --demo` with test/conformance/workspaces-euc-mcp.config.json
 *    (the first-party plugins plus the suite's fixture tools, which no other launch registers) and
 *    reads the bound URL from the line `listening on http://127.0.0.1:PORT/mcp` on its stderr;
 * 2. waits for `GET /healthz`;
 * 3. runs the suite's server scenarios twice, once per protocol era: `--requirements 2026-07-28`
 *    (stateless, per-request `_meta`) and `--spec-version 2025-11-25` (initialize handshake), each
 *    against test/conformance/expected-failures.yml;
 * 4. prints each run's summary, stops the server, and exits non-zero if either run failed (an
 *    unexpected failure, or an expected one that now passes).
 *
 * The suite needs Node >= 22; on an older Node it runs under `npx --yes node@22` (fetched once
 * into the npm cache). Results (checks.json per scenario, each run's full output, the server's
 * stderr) go to a temporary folder, or `--out DIR`; `--verbose` streams the suite's output;
 * `--url URL` runs the suite against a server already listening there instead of starting one.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'bin/workspaces-euc-mcp.js');
const CONFIG = path.join(root, 'test/conformance/workspaces-euc-mcp.config.json');
const EXPECTED_FAILURES = path.join(root, 'test/conformance/expected-failures.yml');
const SUITE = path.join(root, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

/** The suite's runs: one per protocol era this server speaks. */
const RUNS = [
  { label: '2026-07-28', args: ['--requirements', '2026-07-28'] },
  { label: '2025-11-25', args: ['--spec-version', '2025-11-25'] },
];

// A cold start loads the bundle and the first-party plugins; 60 s is generous on a busy CI box.
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const LISTENING_LINE = /listening on (http:\/\/\S+\/mcp)\b/;
const SUITE_NODE_MAJOR = 22;

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string' },
    url: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const outDir = flags.out ? path.resolve(flags.out) : mkdtempSync(path.join(tmpdir(), 'euc-conformance-'));
mkdirSync(outDir, { recursive: true });

/** How to run the suite: this Node when it is new enough, else Node 22 through npx. */
function suiteCommand() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= SUITE_NODE_MAJOR) return { command: process.execPath, prefix: [SUITE] };
  return { command: 'npx', prefix: ['--yes', `node@${SUITE_NODE_MAJOR}`, SUITE] };
}

/** Starts the server and resolves with its MCP URL once it says where it listens. */
function startServer() {
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  // A bearer token in the caller's environment would turn auth on; the suite connects without one.
  delete env.WORKSPACES_EUC_HTTP_TOKEN;
  const server = spawn(
    process.execPath,
    [CLI, 'serve', '--transport', 'http', '--port', '0', '--demo', '--config', CONFIG],
    { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const log = createWriteStream(path.join(outDir, 'server.log'));
  const recent = [];
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`the server did not say where it listens within ${STARTUP_TIMEOUT_MS / 1000} s`)),
      STARTUP_TIMEOUT_MS,
    );
    createInterface({ input: server.stderr }).on('line', (line) => {
      log.write(`${line}\n`);
      recent.push(line);
      if (recent.length > 20) recent.shift();
      const match = LISTENING_LINE.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(new URL(match[1]));
      }
    });
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? `code ${code}`}) before it listened`));
    });
    server.on('error', reject);
  });
  return { server, url, recent, log };
}

/** Resolves once `GET /healthz` answers 200. */
async function waitHealthy(mcpUrl) {
  const health = new URL('/healthz', mcpUrl);
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(health);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${health} did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s (${last})`);
}

/** Stops the server: SIGTERM, then SIGKILL if it lingers. */
async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** One run of the suite; its full output goes to `<label>.log`, its results to `<label>/`. */
function runSuite(run, mcpUrl) {
  const { command, prefix } = suiteCommand();
  const args = [
    ...prefix,
    'server',
    '--url',
    mcpUrl.href,
    ...run.args,
    '--expected-failures',
    EXPECTED_FAILURES,
    '-o',
    path.join(outDir, run.label),
  ];
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = path.join(outDir, `${run.label}.log`);
  const log = createWriteStream(logFile);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      log.write(chunk);
      if (flags.verbose) process.stdout.write(chunk);
    });
  }
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
    });
    child.on('close', (code) => {
      log.end();
      resolve({ run, code: code ?? 1, output, seconds: (Date.now() - started) / 1000, logFile });
    });
  });
}

/** The run's output without the colour escapes the suite writes even when asked not to. */
function plainText(output) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour escapes.
  return output.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The entries the suite lists under a heading of its baseline verdict (`  ✗ name` lines). */
function listedUnder(text, heading) {
  const at = text.indexOf(heading);
  if (at < 0) return [];
  const entries = [];
  for (const line of text.slice(at).split('\n').slice(1)) {
    const entry = /^\s+[~✓✗] (\S+)$/.exec(line);
    if (!entry?.[1]) break;
    entries.push(entry[1]);
  }
  return entries;
}

/** What failed in one scenario of a run, from its checks.json: `check-id: message` lines. */
function failedChecks(run, entry) {
  const [scenario, checkId] = entry.split(':');
  const runDir = path.join(outDir, run.label);
  const dirs = existsSync(runDir)
    ? readdirSync(runDir).filter((d) => d.startsWith(`server-${scenario}-`))
    : [];
  const lines = [];
  for (const dir of dirs) {
    const file = path.join(runDir, dir, 'checks.json');
    if (!existsSync(file)) continue;
    for (const check of JSON.parse(readFileSync(file, 'utf8'))) {
      if (check.status !== 'FAILURE' && check.status !== 'WARNING') continue;
      if (checkId && check.id !== checkId) continue;
      lines.push(`      ${check.id} (${check.status}): ${check.errorMessage ?? ''}`.trimEnd());
    }
  }
  return lines;
}

/**
 * The scenarios a `--requirements` run scores (its revision's `server:` list in the suite's
 * requirements file); undefined for a `--spec-version` run, which scores everything it runs.
 */
function scoredScenarios(run) {
  const revision = run.args[run.args.indexOf('--requirements') + 1];
  if (!run.args.includes('--requirements') || !revision) return undefined;
  const file = path.join(path.dirname(SUITE), '..', 'requirements', `${revision}.yaml`);
  const section = /^server:\n((?:\s+- \S+\n)+)/m.exec(readFileSync(file, 'utf8'));
  return new Set([...(section?.[1] ?? '').matchAll(/- (\S+)/g)].map((m) => m[1]));
}

/**
 * A few lines per run: how many scenarios passed or failed as expected, then each unexpected
 * failure with its failing checks and each stale baseline entry; the output's tail when the suite
 * never reached its summary (it crashed, or could not read the baseline).
 */
function summaryOf(run, output) {
  const text = plainText(output);
  const at = text.lastIndexOf('=== SUMMARY ===');
  if (at < 0) return text.split('\n').slice(-40).join('\n').trim();
  const ran = [...text.slice(at).matchAll(/^[✓✗] (\S+): \d+ passed, \d+ failed$/gm)].map((m) => m[1]);
  const scored = scoredScenarios(run);
  const counted = scored ? ran.filter((name) => scored.has(name)) : ran;
  const expected = listedUnder(text, 'Expected failures (in baseline):');
  const unexpected = listedUnder(text, 'Unexpected failures (not in baseline):');
  const stale = listedUnder(text, 'Stale baseline entries');
  const failing = new Set([...expected, ...unexpected].map((entry) => entry.split(':')[0]));
  const passing = counted.filter((name) => !failing.has(name)).length;
  const unscored = ran.length - counted.length;
  const lines = [
    `${counted.length} scored scenarios: ${passing} pass, ${counted.length - passing} fail (${expected.length} expected-failures.yml entries, ${unexpected.length} unexpected)` +
      (unscored > 0 ? `; ${unscored} more ran unscored (extensions, pending)` : ''),
  ];
  for (const entry of unexpected) lines.push(`  unexpected failure: ${entry}`, ...failedChecks(run, entry));
  for (const entry of stale) lines.push(`  passes now, remove it from expected-failures.yml: ${entry}`);
  return lines.join('\n');
}

/** A server already running at `--url`: nothing to start or stop. */
function existingServer(href) {
  return { server: undefined, url: Promise.resolve(new URL(href)), recent: [], log: undefined };
}

async function main() {
  const { server, url, recent, log } = flags.url ? existingServer(flags.url) : startServer();
  const stop = () => {
    void (server ? stopServer(server) : Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failed = false;
  try {
    const mcpUrl = await url;
    await waitHealthy(mcpUrl);
    console.log(`conformance: server at ${mcpUrl.href}; results in ${outDir}`);
    for (const run of RUNS) {
      const result = await runSuite(run, mcpUrl);
      const verdict = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
      console.log(`\n--- ${run.label} (${run.args.join(' ')}): ${verdict} in ${result.seconds.toFixed(1)} s`);
      console.log(summaryOf(run, result.output));
      console.log(`(full output: ${result.logFile})`);
      if (result.code !== 0) failed = true;
      if (server && server.exitCode !== null)
        throw new Error(`the server exited during the ${run.label} run`);
    }
  } catch (error) {
    failed = true;
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    if (recent.length > 0) console.error(`server stderr (last lines):\n${recent.join('\n')}`);
    if (server) console.error(`(server stderr: ${path.join(outDir, 'server.log')})`);
  } finally {
    if (server) await stopServer(server);
    log?.end();
  }
  console.log(`\nconformance: ${failed ? 'FAILED' : 'passed'} (results in ${outDir})`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
