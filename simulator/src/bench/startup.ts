/**
 * `npm run bench:startup`: how fast a spawned server answers, as an MCP client sees it. Spawns
 * `bin/workspaces-euc-mcp.js serve` (the bundled distribution `npm run build` writes to dist/; the
 * default launch: every first-party plugin, tiers 0-1, no AWS request), speaks newline-delimited
 * JSON-RPC over stdio, and times spawn → `initialize` answered and spawn → first `tools/list`
 * answered, with the process's peak memory after that, beside `node -e 0` spawned in the same run
 * (the floor no server can beat on this machine; on a busy machine both rise, so compare the
 * difference). Medians of several runs, with the machine's load average; `--node PATH` (repeatable)
 * measures other Node binaries too. Writes a section of docs/benchmarks.md. Not a test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withStartupSection } from './startup-section.js';

interface StartupRun {
  readonly initializeMs: number;
  readonly toolsListMs: number;
  readonly tools: number;
  readonly peakRssMiB: number;
}

/** Peak resident memory of a live process (Linux `VmHWM`), in MiB. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

function measureServer(node: string, root: string): Promise<StartupRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, [path.join(root, 'bin/workspaces-euc-mcp.js'), 'serve'], {
      cwd: os.tmpdir(),
      // A region so no profile lookup is needed; no credentials are read until a tool calls AWS.
      env: {
        ...process.env,
        AWS_REGION: 'us-east-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let buffered = '';
    let initializeMs = 0;
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    child.on('error', reject);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] } };
        if (message.id === 1) {
          initializeMs = performance.now() - started;
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (message.id === 2) {
          const toolsListMs = performance.now() - started;
          const peak = child.pid === undefined ? Number.NaN : peakRssMiB(child.pid);
          child.kill();
          resolve({ initializeMs, toolsListMs, tools: message.result?.tools?.length ?? 0, peakRssMiB: peak });
        }
      }
    });
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'bench', version: '1' },
      },
    });
  });
}

function measureBareNode(node: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - started));
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value);
};

/** The version a Node binary reports, e.g. `v20.20.2`. */
function nodeVersion(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

/** One Node binary's runs. */
interface NodeMeasurement {
  readonly version: string;
  readonly servers: readonly StartupRun[];
  readonly bare: readonly number[];
}

/** One Node binary's measurements: `node -e 0` and the server, alternated so load hits both alike. */
async function measureWith(node: string, root: string, runs: number): Promise<NodeMeasurement> {
  const servers: StartupRun[] = [];
  const bare: number[] = [];
  await measureServer(node, root); // a first spawn warms the file-system cache, as a client's would be
  for (let i = 0; i < runs; i++) {
    bare.push(await measureBareNode(node));
    servers.push(await measureServer(node, root));
  }
  return { version: nodeVersion(node), servers, bare };
}

const loadAverage = (): string => os.loadavg()[0]?.toFixed(2) ?? '?';

function table(measured: NodeMeasurement): string {
  const { servers, bare } = measured;
  const initialize = median(servers.map((s) => s.initializeMs));
  return [
    `| Node ${measured.version} | median | runs |`,
    '| --- | ---: | --- |',
    `| \`node -e 0\` (spawn → exit) | ${median(bare)} ms | ${bare.map(Math.round).join(', ')} |`,
    `| spawn → \`initialize\` answered | ${initialize} ms | ${servers.map((s) => Math.round(s.initializeMs)).join(', ')} |`,
    `| spawn → first \`tools/list\` answered | ${median(servers.map((s) => s.toolsListMs))} ms | ${servers.map((s) => Math.round(s.toolsListMs)).join(', ')} |`,
    `| above \`node -e 0\` (initialize) | ${initialize - median(bare)} ms | |`,
    `| peak memory after start | ${median(servers.map((s) => s.peakRssMiB))} MiB | ${servers.map((s) => s.peakRssMiB).join(', ')} |`,
    `| tools registered | ${servers[0]?.tools ?? 0} | |`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      node: { type: 'string', multiple: true, default: [] },
    },
  });
  const runs = Number(values.runs);
  const root = process.cwd();
  const loadBefore = loadAverage();
  const measured: NodeMeasurement[] = [];
  for (const node of [process.execPath, ...values.node]) measured.push(await measureWith(node, root, runs));
  const section = [
    '## Start-up',
    '',
    `Generated by \`npm run bench:startup\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} CPUs; load average ${loadBefore} before, ${loadAverage()} after): the default launch (\`serve\`, every first-party plugin, tiers 0-1) of the bundled distribution (dist/, as the published package runs it) spawned ${runs} times as an MCP client spawns it, medians. Peak memory is the server's resident high-water mark after its first \`tools/list\`. On a busy machine every figure rises, \`node -e 0\` too: compare the difference.`,
    '',
    measured.map(table).join('\n\n'),
  ].join('\n');
  process.stdout.write(`${section}\n`);
  const outPath = path.resolve(root, values.out);
  let existing = '';
  try {
    existing = readFileSync(outPath, 'utf8');
  } catch {
    existing = '# Benchmarks\n';
  }
  writeFileSync(outPath, withStartupSection(existing, section));
  process.stderr.write(`bench:startup: wrote ${outPath}\n`);
}

await main();
