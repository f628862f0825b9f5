/**
 * `npm run bench`: runs the heavy tools on simulated estates of 100, 1,000 and 10,000 desktops
 * (50,000 with --large) with per-request latency and AWS's rate limits on, and reports per tool:
 * API calls by action against the lower bound the page/batch limits allow, simulated wall time,
 * peak RSS and response size. Writes the tables to docs/benchmarks.md. Not a test: nothing here
 * asserts a time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bootstrap, parseCli } from '@workspaces-euc-mcp/host/runtime';
import { createDemoEnvironment, type DemoEnvironment } from '../demo.js';
import { lowerBounds, type ObservedRequest } from './lower-bounds.js';
import { startupSectionOf } from './startup-section.js';
import { runInVirtualTime } from './virtual-time.js';

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

/** The tools worth measuring at scale, with the input an admin would most often give them. */
const BENCH_TOOLS: readonly { readonly name: string; readonly input: Record<string, unknown> }[] = [
  { name: 'get_euc_inventory_summary', input: {} },
  { name: 'generate_inventory_report', input: {} },
  { name: 'find_workspaces', input: { state: 'UNHEALTHY' } },
  { name: 'check_directory_health', input: {} },
  { name: 'get_workspace_performance', input: {} },
  { name: 'analyze_workspace_utilization', input: {} },
  { name: 'recommend_running_mode', input: {} },
  { name: 'recommend_bundle_rightsizing', input: {} },
  { name: 'list_unused_resources', input: {} },
  { name: 'audit_security_posture', input: {} },
  { name: 'get_euc_audit_trail', input: {} },
  { name: 'get_euc_service_quotas', input: {} },
  { name: 'generate_euc_health_report', input: {} },
];

interface ToolMeasurement {
  readonly tool: string;
  readonly ok: boolean;
  readonly note?: string;
  readonly simulatedMs: number;
  readonly peakRssMiB: number;
  readonly responseBytes: number;
  readonly rows: readonly {
    action: string;
    calls: number;
    throttled: number;
    failed: number;
    bound: number | undefined;
  }[];
}

async function measureSize(size: number, latencyMs: number, seed: number): Promise<ToolMeasurement[]> {
  let observed: ObservedRequest[] = [];
  let peakRss = 0;
  const options = parseCli([
    'call',
    'bench',
    '--demo',
    '--demo-size',
    String(size),
    '--demo-seed',
    String(seed),
    '--log-level',
    'error',
  ]);
  let demo: DemoEnvironment | undefined;
  const booted = await bootstrap(options, {
    cwd: process.cwd(),
    env: process.env,
    pluginSearchBases: [process.cwd()],
    defaultPlugins: await firstPartyPlugins(),
    stderr: (line) => process.stderr.write(`${line}\n`),
    loadDemo: async (estate) => {
      demo = createDemoEnvironment({
        ...estate,
        simulator: {
          latencyMs,
          throttling: true,
          observe: (request, answer) => {
            observed.push({
              action: `${request.service}:${request.operation}`,
              region: request.region,
              account: request.account,
              input: request.input,
              ...(answer.output ? { output: answer.output } : {}),
              ...(answer.error ? { error: answer.error.name } : {}),
            });
            peakRss = Math.max(peakRss, process.memoryUsage.rss());
          },
        },
      });
      return demo;
    },
  });
  if (!demo) throw new Error('The benchmark needs the --demo estate.');
  const registered = new Set(booted.host.decisions.filter((d) => d.registered).map((d) => d.tool.name));
  const results: ToolMeasurement[] = [];
  let virtualNow = Date.now();
  for (const { name, input } of BENCH_TOOLS) {
    if (!registered.has(name)) {
      results.push({
        tool: name,
        ok: false,
        note: 'not registered (plugin absent)',
        simulatedMs: 0,
        peakRssMiB: 0,
        responseBytes: 0,
        rows: [],
      });
      continue;
    }
    observed = [];
    peakRss = process.memoryUsage.rss();
    // A minute between questions, so rate-limit buckets refill as they would between requests.
    const run = await runInVirtualTime(() => booted.host.invoke(name, input), virtualNow + 60_000);
    virtualNow = run.endedAt;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const answered = observed.filter((r) => r.error === undefined);
    const bounds = lowerBounds(answered);
    const actions = [...new Set(observed.map((r) => r.action))].sort();
    const result = run.value;
    results.push({
      tool: name,
      ok: result.ok,
      ...(result.ok ? {} : { note: result.text.slice(0, 160) }),
      simulatedMs: run.elapsedMs,
      peakRssMiB: Math.round(peakRss / 1_048_576),
      responseBytes:
        Buffer.byteLength(result.ok ? JSON.stringify(result.structured) : result.text) +
        Buffer.byteLength(result.text),
      rows: actions.map((action) => ({
        action,
        calls: answered.filter((r) => r.action === action).length,
        throttled: observed.filter((r) => r.action === action && r.error === 'ThrottlingException').length,
        failed: observed.filter(
          (r) => r.action === action && r.error !== undefined && r.error !== 'ThrottlingException',
        ).length,
        bound: bounds[action],
      })),
    });
  }
  booted.close();
  return results;
}

function formatSeconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function markdown(size: number, measurements: readonly ToolMeasurement[]): string {
  const lines = [`### ${size.toLocaleString('en-US')} desktops`, ''];
  for (const m of measurements) {
    if (m.rows.length === 0 && !m.ok) {
      lines.push(`- \`${m.tool}\`: ${m.note ?? 'failed'}`, '');
      continue;
    }
    lines.push(
      `**\`${m.tool}\`** — ${m.ok ? 'ok' : `error: ${m.note ?? ''}`}; simulated wall time ${formatSeconds(m.simulatedMs)}; peak RSS ${m.peakRssMiB} MiB; response ${m.responseBytes.toLocaleString('en-US')} bytes`,
      '',
      '| action | calls | throttled attempts | other errors | lower bound | ratio |',
      '|---|--:|--:|--:|--:|--:|',
      ...m.rows.map(
        (r) =>
          `| ${r.action} | ${r.calls} | ${r.throttled} | ${r.failed} | ${r.bound ?? '—'} | ${r.bound ? (r.calls / r.bound).toFixed(2) : '—'} |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      large: { type: 'boolean', default: false },
      latency: { type: 'string', default: '40' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (values.large) sizes.push(50_000);
  const latencyMs = Number(values.latency);
  const seed = Number(values.seed);
  const sections: string[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: ${size} desktops...\n`);
    const measurements = await measureSize(size, latencyMs, seed);
    const section = markdown(size, measurements);
    process.stdout.write(`${section}\n`);
    sections.push(section);
  }
  const header = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${os.cpus().length} CPUs). ` +
      `Each tool runs once on the simulated estate (seed ${seed}; account 111122223333; us-east-1 holds 60 % of the desktops, eu-west-1 the rest; tools answer for us-east-1 unless they fan out) ` +
      `with ${latencyMs} ms latency per request and the AWS rate limits of \`simulator/src/rate-limits.ts\` (WorkSpaces 2 TPS burst 5, CloudTrail 2 TPS, GetMetricData 50 TPS, ...). ` +
      'Time is virtual: latency, throttling back-off and SDK retries advance a simulated clock, so "simulated wall time" is what the call would take against those limits, not how long the benchmark ran.',
    '',
    '- **calls**: requests AWS answered; **throttled attempts**: requests refused with ThrottlingException and retried by the SDK; **other errors**: requests refused otherwise (denied, not simulated, invalid).',
    '- **lower bound**: the fewest requests the page/batch limits allow for what the tool fetched: for a list, ceil(items returned / the largest page the API allows) per distinct request; for id lookups, ceil(distinct ids / ids per request); for GetMetricData, max(distinct queries / 500, datapoints returned / 100,800); otherwise one per distinct request. **ratio** = calls / lower bound. GetMetricData above 1 usually means batches sized for the datapoints a query *could* return (a dense hourly month fills 100,800 at 140 queries) when sparse AutoStop series returned fewer, or contributors of different plugins each batching their own metrics (the bound assumes every query of the call could share a request).',
    '- **response** counts the structured result and the text block (which repeats the JSON for clients that ignore structured output), so the JSON alone is about half.',
    '- **peak RSS** is the whole process (the generated estate included).',
    '',
  ];
  const outPath = path.resolve(process.cwd(), values.out);
  let startup: string | undefined;
  try {
    startup = startupSectionOf(readFileSync(outPath, 'utf8'));
  } catch {
    startup = undefined;
  }
  writeFileSync(outPath, `${[...header, ...sections, ...(startup ? ['', startup] : [])].join('\n')}\n`);
  process.stderr.write(`bench: wrote ${outPath}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
