/**
 * One estate of the benchmark, measured in its own process (see run.ts): the estate is generated
 * once; every tool gets a fresh server (host + simulator, so its first call finds no cache and
 * full rate-limit buckets) and is called twice on it, the second time right after the first.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { bootstrap, type InvocationResult, parseCli } from '@workspaces-euc-mcp/host/runtime';
import type { DemoEnvironment } from '../demo.js';
import { createSimulator } from '../engine.js';
import { type Estate, generateEstate } from '../estate.js';
import { answerCounts, lowerBounds, type ObservedRequest } from './lower-bounds.js';
import { runInVirtualTime } from './virtual-time.js';

/** An estate: `accounts` × `regions` locations sharing `accounts × regions × desktopsPer` desktops. */
export interface EstateShape {
  readonly accounts: number;
  readonly regions: number;
  readonly desktopsPer: number;
}

/** Documentation-style account ids (AWS's examples), never a real customer's. */
const BENCH_ACCOUNTS = ['111122223333', '222233334444', '333344445555', '444455556666', '555566667777'];
const BENCH_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1'];

/** Parses `5x4x2500` (accounts × regions × desktops per account-region). */
export function parseEstateShape(text: string): EstateShape {
  const [accounts, regions, desktopsPer] = text.split('x').map((part) => Number(part.trim()));
  const shape = { accounts: accounts ?? 0, regions: regions ?? 0, desktopsPer: desktopsPer ?? 0 };
  if (
    !Number.isInteger(shape.accounts) ||
    !Number.isInteger(shape.regions) ||
    !Number.isInteger(shape.desktopsPer) ||
    shape.accounts < 1 ||
    shape.accounts > BENCH_ACCOUNTS.length ||
    shape.regions < 1 ||
    shape.regions > BENCH_REGIONS.length ||
    shape.desktopsPer < 1
  )
    throw new Error(
      `Estate "${text}" is not ACCOUNTSxREGIONSxDESKTOPS with 1-${BENCH_ACCOUNTS.length} accounts and 1-${BENCH_REGIONS.length} regions.`,
    );
  return shape;
}

/** One call of a tool, as the benchmark saw it. */
export interface CallMeasurement {
  readonly ok: boolean;
  /** The error text of a failed call, or how many account/region errors a partial answer listed. */
  readonly note?: string;
  readonly simulatedMs: number;
  /** Requests AWS answered, all actions. */
  readonly calls: number;
  /** The fewest requests the page/batch limits allow for what was fetched (lower-bounds.ts). */
  readonly floor: number;
  readonly throttled: number;
  readonly otherErrors: number;
  /** The CallToolResult as the MCP server sends it (host/src/mcp/server.ts), JSON bytes. */
  readonly mcpBytes: number;
  /** Heap above the pre-call baseline at its highest sampled point, garbage included (MiB). */
  readonly peakHeapMiB: number;
  /**
   * Live heap above the pre-call baseline at its highest point: sampled right after a full GC
   * every LIVE_SAMPLE_EVERY requests and at the end of the call (MiB). What the call really held.
   */
  readonly livePeakHeapMiB: number;
  /** Heap above the pre-call baseline after the call and a full GC: what the server kept (MiB). */
  readonly retainedHeapMiB: number;
  /** Actions whose calls exceed their floor, or that failed. */
  readonly overFloor: readonly { action: string; calls: number; floor: number; errors: number }[];
}

export interface ToolMeasurement {
  readonly tool: string;
  readonly registered: boolean;
  readonly first?: CallMeasurement;
  readonly repeat?: CallMeasurement;
  /** Real time both calls took (what this tool adds to `npm run bench`). */
  readonly wallClockMs?: number;
  /**
   * Heap the simulator still held after both calls, once the server was closed and collected
   * (MiB): its own caches, built for the calls. Subtracted from the live peak for the server's share.
   */
  readonly simulatorKeptMiB?: number;
  /** Why the tool could not be measured (its call threw past the host, or no server started). */
  readonly failure?: string;
}

export interface EstateMeasurement {
  readonly shape: EstateShape;
  readonly desktops: number;
  /** Heap the generated estate holds, every lazily built part included (MiB). */
  readonly estateHeapMiB: number;
  readonly generationMs: number;
  readonly tools: readonly ToolMeasurement[];
  /** Plugins left out because they failed to load (a build in progress), with why. */
  readonly brokenPlugins: readonly string[];
  /** Real time this estate's measurements took. */
  readonly wallClockMs: number;
  /** Set when the run stopped before every tool was measured: why. */
  readonly stopped?: string;
}

/** A full GC: the process is started with --expose-gc; otherwise V8 is asked for it at run time. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const gc = collector();
const heapUsed = () => v8.getHeapStatistics().used_heap_size;
const MiB = 1_048_576;
/** A full GC every this many requests during a call, to sample the live heap (not its garbage). */
export const LIVE_SAMPLE_EVERY = 100;

/** What the MCP server sends for this result (the shape built in host/src/mcp/server.ts). */
export function callToolResultBytes(result: InvocationResult): number {
  const sent = result.ok
    ? {
        content: [
          { type: 'text', text: result.text },
          ...result.attachments.map((doc) => ({
            type: 'resource',
            resource: { uri: doc.uri, mimeType: doc.mimeType, text: doc.text },
          })),
        ],
        structuredContent: result.structured,
      }
    : { isError: true, content: [{ type: 'text', text: result.text }] };
  return Buffer.byteLength(JSON.stringify(sent));
}

function noteOf(result: InvocationResult): string | undefined {
  if (!result.ok) return result.text.replace(/\s+/g, ' ').slice(0, 160);
  const errors = result.structured.errors;
  return Array.isArray(errors) && errors.length > 0
    ? `partial: ${errors.length} account/region error${errors.length === 1 ? '' : 's'}`
    : undefined;
}

interface BenchServer {
  invoke(name: string): Promise<InvocationResult>;
  readonly registered: ReadonlySet<string>;
  close(): void;
}

/** A fresh server over `estate`: the host as `--demo` builds it, every account a target. */
async function startServer(
  estate: Estate,
  plugins: readonly string[],
  latencyMs: number,
  observe: (request: ObservedRequest) => void,
): Promise<BenchServer> {
  const options = parseCli(['call', 'bench', '--demo', '--log-level', 'error']);
  const booted = await bootstrap(options, {
    cwd: process.cwd(),
    env: process.env,
    pluginSearchBases: [process.cwd()],
    defaultPlugins: plugins,
    stderr: (line) => process.stderr.write(`${line}\n`),
    loadDemo: async (): Promise<DemoEnvironment> => {
      const simulator = createSimulator(estate, {
        latencyMs,
        throttling: true,
        observe: (request, answer) =>
          observe({
            action: `${request.service}:${request.operation}`,
            region: request.region,
            account: request.account,
            input: request.input,
            // Counted now and dropped: keeping every page would put the benchmark's memory in the server's.
            ...(answer.output ? { counts: answerCounts(answer.output) } : {}),
            ...(answer.error ? { error: answer.error.name } : {}),
          }),
      });
      return {
        simulator,
        estate,
        clientHook: simulator.clientHook,
        credentials: simulator.credentials,
        now: estate.settings.now,
        regions: estate.settings.regions,
        // bootstrap makes one target per account, each with every region.
        accounts: estate.settings.accounts,
        description: `benchmark estate (${estate.settings.desktops} desktops); not your AWS account.`,
      };
    },
  });
  return {
    invoke: (name) => booted.host.invoke(name, {}),
    registered: new Set(booted.host.decisions.filter((d) => d.registered).map((d) => d.tool.name)),
    close: () => booted.close(),
  };
}

function summarize(
  observed: readonly ObservedRequest[],
): Pick<CallMeasurement, 'calls' | 'floor' | 'throttled' | 'otherErrors' | 'overFloor'> {
  const answered = observed.filter((r) => r.error === undefined);
  const bounds = lowerBounds(answered);
  const actions = [...new Set(observed.map((r) => r.action))].sort();
  const rows = actions.map((action) => ({
    action,
    calls: answered.filter((r) => r.action === action).length,
    floor: bounds[action] ?? 0,
    errors: observed.filter(
      (r) => r.action === action && r.error !== undefined && r.error !== 'ThrottlingException',
    ).length,
  }));
  return {
    calls: answered.length,
    floor: rows.reduce((n, r) => n + r.floor, 0),
    throttled: observed.filter((r) => r.error === 'ThrottlingException').length,
    otherErrors: rows.reduce((n, r) => n + r.errors, 0),
    overFloor: rows.filter((r) => r.calls > r.floor || r.errors > 0),
  };
}

/** Measures every tool on one estate. */
export async function measureEstate(
  shape: EstateShape,
  tools: readonly string[],
  options: {
    seed: number;
    latencyMs: number;
    plugins: readonly string[];
    progress: (line: string) => void;
    /** Called after every tool with the measurements so far, so a stopped run still has them. */
    partial?: (sofar: EstateMeasurement) => void;
  },
): Promise<EstateMeasurement> {
  const began = performance.now();
  const desktops = shape.accounts * shape.regions * shape.desktopsPer;
  gc();
  const before = heapUsed();
  const estate = generateEstate({
    seed: options.seed,
    desktops,
    accounts: BENCH_ACCOUNTS.slice(0, shape.accounts),
    regions: BENCH_REGIONS.slice(0, shape.regions),
  });
  // Built now, not inside the first call that reads them: they are the estate's, not a server's.
  void estate.billing;
  void estate.governance;
  const generationMs = performance.now() - began;
  gc();
  const estateHeapMiB = (heapUsed() - before) / MiB;

  let observed: ObservedRequest[] = [];
  let peak = 0;
  let livePeak = 0;
  const sample = () => {
    peak = Math.max(peak, heapUsed());
  };
  // Garbage makes the sampled peak an upper bound that depends on when V8 happens to collect; a
  // full GC every LIVE_SAMPLE_EVERY requests gives the live heap at those points too.
  const sampleLive = () => {
    gc();
    livePeak = Math.max(livePeak, heapUsed());
  };
  const onRequest = (request: ObservedRequest) => {
    observed.push(request);
    sample();
    if (observed.length % LIVE_SAMPLE_EVERY === 0) sampleLive();
  };
  let virtualNow = Date.now();
  // The call and everything derived from its result, in a scope of its own, so the result is
  // garbage by the time the retained heap is measured.
  const callOnce = async (server: BenchServer, tool: string, gapMs: number, baseline: number) => {
    const run = await runInVirtualTime(() => server.invoke(tool), virtualNow + gapMs, sample);
    sample();
    virtualNow = run.endedAt;
    const note = noteOf(run.value);
    return {
      ok: run.value.ok,
      ...(note ? { note } : {}),
      simulatedMs: run.elapsedMs,
      mcpBytes: callToolResultBytes(run.value),
      peakHeapMiB: (peak - baseline) / MiB,
      ...summarize(observed),
    };
  };
  const measureCall = async (server: BenchServer, tool: string, gapMs: number): Promise<CallMeasurement> => {
    observed = [];
    gc();
    const baseline = heapUsed();
    peak = baseline;
    livePeak = baseline;
    const measured = await callOnce(server, tool, gapMs, baseline);
    observed = [];
    gc();
    const retained = heapUsed();
    return {
      ...measured,
      livePeakHeapMiB: (Math.max(livePeak, retained) - baseline) / MiB,
      retainedHeapMiB: (retained - baseline) / MiB,
    };
  };

  // A plugin that does not load would stop every measurement; it is left out and said so.
  const brokenPlugins: string[] = [];
  const plugins: string[] = [];
  for (const plugin of options.plugins) {
    try {
      (await startServerRetrying(estate, [plugin], options.latencyMs, () => undefined)).close();
      plugins.push(plugin);
    } catch (error) {
      brokenPlugins.push(`${plugin}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const results: ToolMeasurement[] = [];
  const sofar = (): EstateMeasurement => ({
    shape,
    desktops,
    estateHeapMiB,
    generationMs,
    tools: results,
    brokenPlugins,
    wallClockMs: performance.now() - began,
  });
  for (const tool of tools) {
    try {
      observed = [];
      gc();
      const beforeServer = heapUsed();
      const server = await startServerRetrying(estate, plugins, options.latencyMs, onRequest);
      let measured: ToolMeasurement | undefined;
      try {
        if (!server.registered.has(tool)) {
          results.push({ tool, registered: false });
          continue;
        }
        options.progress(`${tool}: first call`);
        const toolBegan = performance.now();
        // A minute after the previous tool, so rate-limit buckets refill as between questions;
        // the repeat follows a second after the first call, well inside any cache's lifetime.
        const first = await measureCall(server, tool, 60_000);
        options.progress(`${tool}: repeated call`);
        const repeat = await measureCall(server, tool, 1_000);
        measured = { tool, registered: true, first, repeat, wallClockMs: performance.now() - toolBegan };
      } finally {
        server.close();
      }
      // The server is gone: what the heap holds above its level before the server started is
      // what the simulator built for these calls (and keeps for the next server of this estate).
      observed = [];
      gc();
      if (measured)
        results.push({ ...measured, simulatorKeptMiB: Math.max(0, heapUsed() - beforeServer) / MiB });
    } catch (error) {
      // A tool that throws past the host (or a server that cannot start) is a result, not the end.
      results.push({
        tool,
        registered: true,
        failure: error instanceof Error ? error.message : String(error),
      });
    }
    options.partial?.(sofar());
  }
  return sofar();
}

/**
 * `startServer`, tried again a few times: other builds in the repository wipe and rewrite plugin
 * dist folders, so a plugin can be missing for a while in the middle of a long run (up to two
 * minutes are waited, ten seconds at a time).
 */
async function startServerRetrying(...args: Parameters<typeof startServer>): Promise<BenchServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(...args);
    } catch (error) {
      if (attempt >= SERVER_START_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}
const SERVER_START_ATTEMPTS = 12;
