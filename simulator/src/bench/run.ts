/**
 * `npm run bench`: runs the EUC tools on simulated estates (by default 1 account × 1 region ×
 * 10,000 desktops, 5 accounts × 4 regions × 2,500, and 1 × 1 × 50,000) with per-request latency
 * and AWS's rate limits on, and reports per tool: API calls against the floor the page/batch
 * limits allow, simulated time of a first and a repeated call, heap the call needs and keeps, and
 * the bytes sent over MCP. Writes docs/benchmarks.md. Not a test: nothing here asserts a number.
 *
 * Each estate runs in a child process of its own (this file with --child): a 50,000-desktop
 * estate needs a larger heap than Node's default, its heap numbers must not carry the previous
 * estate's garbage, and a full GC between calls needs --expose-gc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mapBounded } from '@workspaces-euc-mcp/host';
import { type EstateMeasurement, type EstateShape, measureEstate, parseEstateShape } from './measure.js';
import { estateSection, header, shapeTitle } from './report.js';
import { startupSectionOf } from './startup-section.js';

/** Every tool worth measuring at scale. Names that no plugin registers are reported as such. */
const ALL_TOOLS = [
  // The heavy ones first: a run stopped early has measured them.
  'generate_euc_health_report',
  'find_workspaces',
  'recommend_running_mode',
  'analyze_workspace_utilization',
  'audit_security_posture',
  'list_unused_resources',
  'generate_inventory_report',
  'get_euc_audit_trail',
  'get_euc_inventory_summary',
  'check_directory_health',
  'get_workspace_performance',
  'recommend_bundle_rightsizing',
  'get_euc_service_quotas',
] as const;

/** The heaviest: what the largest estates run (every tool there would take too long to bench). */
const HEAVY_TOOLS = [
  'generate_euc_health_report',
  'find_workspaces',
  'recommend_running_mode',
  'analyze_workspace_utilization',
  'audit_security_posture',
  'list_unused_resources',
  'generate_inventory_report',
  'get_euc_audit_trail',
] as const;

/**
 * The benchmark measures the default launch of the root distribution (`npm run bench` runs from the
 * repository root), so it takes the plugin list from there rather than keeping a copy.
 */
async function firstPartyPlugins(): Promise<readonly string[]> {
  const distribution = (await import(pathToFileURL(path.resolve('bin/distribution.js')).href)) as {
    readonly FIRST_PARTY_PLUGINS: readonly string[];
  };
  return distribution.FIRST_PARTY_PLUGINS;
}

const options = {
  estates: { type: 'string', default: '1x1x10000,5x4x2500,1x1x50000' },
  /** Estates of more desktops than this (all accounts and regions) run HEAVY_TOOLS only. */
  'all-tools-up-to': { type: 'string', default: '10000' },
  tools: { type: 'string' },
  latency: { type: 'string', default: '40' },
  seed: { type: 'string', default: '42' },
  out: { type: 'string', default: 'docs/benchmarks.md' },
  /** Estates measured at once, each in its own process (virtual time does not mind sharing CPUs). */
  jobs: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
  child: { type: 'string' },
  result: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

function toolsFor(values: Values, shape: EstateShape): readonly string[] {
  if (values.tools) return values.tools.split(',').map((t) => t.trim());
  const desktops = shape.accounts * shape.regions * shape.desktopsPer;
  return desktops > Number(values['all-tools-up-to']) ? HEAVY_TOOLS : ALL_TOOLS;
}

/** In the child: measure one estate and write the JSON where the parent said. */
async function child(values: Values, spec: string): Promise<void> {
  const shape = parseEstateShape(spec);
  const measured = await measureEstate(shape, toolsFor(values, shape), {
    seed: Number(values.seed),
    latencyMs: Number(values.latency),
    plugins: await firstPartyPlugins(),
    progress: (line) => process.stderr.write(`bench ${spec}: ${line}\n`),
    partial: (sofar) => writeFileSync(values.result ?? '', JSON.stringify(sofar)),
  });
  writeFileSync(values.result ?? '', JSON.stringify(measured));
}

/** 16 GiB of heap: a 50,000-desktop estate and a health report over it need more than Node's default. */
const CHILD_FLAGS = ['--expose-gc', '--max-old-space-size=16384'];

async function inChild(spec: string, argv: readonly string[], dir: string): Promise<EstateMeasurement> {
  const result = path.join(dir, `${spec}.json`);
  // The child's output is progress: both its streams go to this process's stderr.
  const run = spawn(
    process.execPath,
    [...CHILD_FLAGS, fileURLToPath(import.meta.url), ...argv, '--child', spec, '--result', result],
    { stdio: ['ignore', 2, 2] },
  );
  const exit = await new Promise<string>((resolve) =>
    run.on('exit', (code, signal) =>
      resolve(code === 0 ? '' : signal ? `was stopped (${signal})` : `exited with ${String(code)}`),
    ),
  );
  let measured: EstateMeasurement | undefined;
  try {
    measured = JSON.parse(readFileSync(result, 'utf8')) as EstateMeasurement;
  } catch {
    measured = undefined;
  }
  if (exit === '' && measured) return measured;
  // Stopped (killed, out of memory, a crash): what it measured before is still worth the table.
  const why = `the measuring process ${exit} after ${measured?.tools.length ?? 0} tool(s).`;
  if (!measured) throw new Error(`The benchmark of ${spec} measured nothing: ${why}`);
  return { ...measured, stopped: why };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options, allowPositionals: false });
  if (values.child) return child(values, values.child);
  const began = performance.now();
  const specs = values.estates
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Passed on to the children; --estates and --out are the parent's.
  const argv = [
    '--all-tools-up-to',
    values['all-tools-up-to'],
    '--latency',
    values.latency,
    '--seed',
    values.seed,
  ];
  if (values.tools) argv.push('--tools', values.tools);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'euc-bench-'));
  const subsets: string[] = [];
  let settled: Awaited<ReturnType<typeof mapBounded<string, EstateMeasurement>>>;
  try {
    settled = await mapBounded(specs, Math.max(1, Number(values.jobs)), (spec) => {
      process.stderr.write(`bench: ${shapeTitle(parseEstateShape(spec))}...\n`);
      return inChild(spec, argv, dir);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const measured = settled.flatMap((s) => (s.ok ? [s.value] : []));
  const sections = settled.map((s) =>
    s.ok
      ? estateSection(s.value)
      : `### ${shapeTitle(parseEstateShape(s.item))}\n\nNot measured: ${s.error instanceof Error ? s.error.message : String(s.error)}\n`,
  );
  for (const m of measured)
    if (!values.tools && toolsFor(values, m.shape) === HEAVY_TOOLS)
      subsets.push(
        `${shapeTitle(m.shape)}: the heavy tools only (${HEAVY_TOOLS.length} of ${ALL_TOOLS.length}), to keep \`npm run bench\` short; \`--all-tools-up-to ${m.desktops}\` runs them all.`,
      );
  process.stdout.write(`${sections.join('\n')}\n`);
  const top = header({
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpus: os.cpus().length,
    seed: Number(values.seed),
    latencyMs: Number(values.latency),
    wallClockMs: performance.now() - began,
    subsets,
  });
  const outPath = path.resolve(process.cwd(), values.out);
  let startup: string | undefined;
  try {
    startup = startupSectionOf(readFileSync(outPath, 'utf8'));
  } catch {
    startup = undefined;
  }
  writeFileSync(outPath, `${[top, ...sections, ...(startup ? [startup] : [])].join('\n')}\n`);
  process.stderr.write(`bench: wrote ${outPath} in ${Math.round((performance.now() - began) / 1000)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
