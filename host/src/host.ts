import { createHmac } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { TObject } from 'typebox';
import Value from 'typebox/value';
import { type TranslatedError, type TranslationHints, translateError } from './aws/errors.js';
import { CallRecorder, withRecorder } from './aws/recorder.js';
import { formatProblems, validationProblems } from './config/validation.js';
import { actionableTargets, buildOutcome, decideGates, type GateInput } from './gates/gates.js';
import { createHourlyCap } from './gates/hourly-cap.js';
import { WriteOutcomeSchema } from './gates/outcome.js';
import { createPlanSigner } from './gates/plan-id.js';
import { type PlanKeySettings, planKeyLoader } from './gates/plan-key.js';
import { scopeKey } from './kit/scope.js';
import { type LogSink, withCallSink } from './logger.js';
import type {
  AwsAccess,
  ContributionKind,
  ContributionSet,
  EmbeddedDocument,
  EstateSnapshotAccess,
  Limits,
  Logger,
  ReadTool,
  Tier,
  Tool,
  ToolCallOutcome,
  ToolContext,
  WritePlan,
  WriteTool,
} from './plugin-api/types.js';
import { TIER_POLICY_NAMES } from './plugin-api/types.js';
import { progressChannel } from './progress.js';
import type { LoadedPlugin } from './registry/load-plugins.js';
import { decideRegistration, type RegistrationDecision, type TierFlags } from './registry/registration.js';
import { PluginError } from './registry/validate-plugin.js';
import { createEstateSnapshot, serviceOfAction } from './shared-state/estate-snapshot.js';
import { createRateLimiters, type PacingClock, PROCESS_RATE_LIMITERS } from './shared-state/rate-limiter.js';
import { createServiceMatcher } from './shared-state/service-names.js';
import { createToolCache } from './shared-state/tool-cache.js';
import { gatedInputSchema } from './tool-schema.js';

/** Listeners one call's abort signal may have before Node warns (see invoke). */
const MAX_SIGNAL_LISTENERS = 1000;

/** MCP tool annotations, derived from the tier so no tool can claim to be safer than it is. */
export interface ToolAnnotations {
  readonly title: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** A tool the host registered, with what the MCP client sees of it. */
export interface RegisteredTool {
  readonly tool: Tool;
  readonly plugin: string;
  readonly inputSchema: TObject;
  readonly outputSchema: TObject;
  readonly annotations: ToolAnnotations;
  /** Its own IAM actions plus those of the contributions it consumes. */
  readonly iamActions: readonly string[];
}

/** What a human answered when asked to approve a confirmed destructive call. */
export type ApprovalAnswer = 'accept' | 'decline' | 'cancel';

/** A confirmed destructive call, put to the human before it runs. */
export interface ApprovalRequest {
  readonly tool: string;
  /** The plan in a few lines: what, how many, which targets, what is lost. */
  readonly message: string;
}

/** Per-call options from the transport. */
export interface InvokeOptions {
  readonly signal?: AbortSignal;
  /**
   * Asks the human (MCP elicitation) to approve a confirmed destructive call; given only when the
   * client can ask. Anything but `accept` refuses the call.
   */
  readonly approve?: (request: ApprovalRequest) => Promise<ApprovalAnswer>;
  readonly progress?: (done: number, total: number | undefined, message: string | undefined) => void;
  /**
   * Where the call's own log lines (`ctx.log`, info and up) also go, besides stderr: the MCP layer
   * sends them to the client that made the call, inside that call's response.
   */
  readonly log?: LogSink;
}

/** The result of invoking a tool through the host. */
export type InvocationResult =
  | {
      readonly ok: true;
      readonly structured: Record<string, unknown>;
      readonly text: string;
      readonly calls: CallRecorder;
      /** Documents the tool attached (embedded resources). */
      readonly attachments: readonly EmbeddedDocument[];
      /**
       * How old the oldest estate data behind the answer is, in seconds, when the call (or a tool
       * it called) read a scan kept from an earlier call; absent when everything was fetched now.
       */
      readonly dataAgeSeconds?: number;
    }
  | {
      readonly ok: false;
      readonly error: TranslatedError;
      readonly text: string;
      readonly calls: CallRecorder;
    };

/** Everything the host needs to run; the CLI builds it from flags and the config file. */
export interface HostOptions {
  readonly plugins: readonly LoadedPlugin[];
  readonly flags: TierFlags;
  readonly configMaxTier?: Tier;
  readonly aws: AwsAccess;
  readonly limits: Limits;
  readonly log: Logger;
  readonly now?: () => Date;
  /** How to tell the user to re-authenticate when credentials expired (may launch SSO login). */
  readonly reauthenticate?: TranslationHints['reauthenticate'];
  /** Prepended to every result text, e.g. "Demo data: ..." */
  readonly resultNote?: string;
  /** Log the AWS requests of every client-initiated tool call (--trace). */
  readonly trace?: boolean;
  /**
   * The clock `ctx.rateLimit` waits on. Default: the real one, with limiters shared by the whole
   * process; an injected clock (tests) gets limiters of this host's own.
   */
  readonly pacing?: PacingClock;
  /** The estate snapshot behind `listOnce` (config `snapshot`); default TTL 300 s, 0 turns it off. */
  readonly snapshot?: { readonly ttlSeconds?: number };
  /**
   * The key that signs write planIds: default `WORKSPACES_EUC_PLAN_KEY`, else a key made once in
   * the user's state folder. Read on the first write, never for reads.
   */
  readonly plans?: PlanKeySettings;
}

/** The host: registered tools and a single invocation path used by MCP, the CLI and callTool. */
export interface Host {
  readonly decisions: readonly RegistrationDecision[];
  readonly registered: ReadonlyMap<string, RegisteredTool>;
  readonly contributions: ContributionSet;
  invoke(name: string, args: unknown, options?: InvokeOptions): Promise<InvocationResult>;
  /** The generated policy file that first grants an action, e.g. `iam/tier0-diagnostics.json`. */
  tierPolicyFor(iamAction: string): string | undefined;
  /** The loaded plugins' `instructions`, in load order, for the MCP server instructions. */
  readonly instructions: readonly string[];
  /** How long list scans are kept in the estate snapshot, in seconds (0: not kept). */
  readonly snapshotTtlSeconds: number;
  /**
   * Drops every kept scan and every answer kept in `ctx.cache` (prices, for one), so the next call
   * reads AWS as the first one would: for proofs of what one call sends (the IAM proof runs each
   * scenario on its own).
   */
  clearSnapshot(): void;
  /**
   * A key for `purpose`, derived from the plan key (so every replica that shares
   * `WORKSPACES_EUC_PLAN_KEY` derives the same one): e.g. the MCP layer signs the multi-round-trip
   * approval state with it. Read on first use, like the plan key.
   */
  derivedKey(purpose: string): Buffer;
}

/** What one client call shares with the tools it calls through `ctx.callTool`. */
interface CallShared {
  readonly memo: Map<string, Promise<unknown>>;
  /** The caller was fresh: nested calls inherit it. */
  readonly fresh: boolean;
  /** The start time of the oldest kept scan read anywhere in the call (tool clock, ms). */
  readonly age: { oldestFetchedAt?: number };
}

/** The sentence an answer built on kept estate data carries, e.g. "Estate data from 4 min ago; ...". */
export function dataAgeSentence(seconds: number): string {
  const age =
    seconds < 60
      ? 'less than a minute'
      : seconds < 90 * 60
        ? `${Math.round(seconds / 60)} min`
        : `${Math.round(seconds / 3600)} h`;
  return `Estate data from ${age} ago; pass fresh: true to rescan.`;
}

/**
 * Each plugin's config options, validated against its `options` schema with defaults applied.
 * A plugin without a schema takes none; a bad value is refused naming the plugin and the field.
 */
function validatedPluginOptions(
  plugins: readonly LoadedPlugin[],
): Map<string, Readonly<Record<string, unknown>>> {
  const result = new Map<string, Readonly<Record<string, unknown>>>();
  for (const { plugin, entry } of plugins) {
    const given = entry.options;
    if (!plugin.options) {
      const names = Object.keys(given);
      if (names.length > 0)
        throw new PluginError(
          `Plugin ${plugin.name} takes no options, but the config gives it ${names.map((n) => `"${n}"`).join(', ')}.`,
        );
      result.set(plugin.name, {});
      continue;
    }
    const options: unknown = Value.Default(plugin.options, structuredClone(given));
    const problems = validationProblems(plugin.options, options);
    if (problems.length > 0)
      throw new PluginError(
        `Plugin ${plugin.name}: invalid options in the config file:\n${formatProblems(problems)}`,
      );
    result.set(plugin.name, options as Record<string, unknown>);
  }
  return result;
}

/** Annotations by tier: 0/1 read-only; 2 writes; 3 destructive. AWS is an open world. */
export function annotationsFor(tool: Tool): ToolAnnotations {
  const write = tool.kind === 'write';
  return {
    title: tool.title,
    readOnlyHint: !write,
    destructiveHint: tool.tier === 3,
    idempotentHint: write ? (tool.idempotent ?? false) && tool.tier === 2 : true,
    openWorldHint: true,
  };
}

function flattenContributions(plugins: readonly LoadedPlugin[]): ContributionSet {
  return {
    inventory: plugins.flatMap(({ plugin }) => plugin.contributes?.inventory ?? []),
    findings: plugins.flatMap(({ plugin }) => plugin.contributes?.findings ?? []),
    idle: plugins.flatMap(({ plugin }) => plugin.contributes?.idle ?? []),
  };
}

/** A tool's IAM: its own actions plus those of the contributions it consumes, sorted. */
export function effectiveIam(tool: Tool, contributions: ContributionSet): string[] {
  const consumed = (tool.consumes ?? []).flatMap((kind: ContributionKind) =>
    contributions[kind].flatMap((contributor) => contributor.iam),
  );
  return [...new Set([...tool.iam, ...consumed])].sort();
}

function summaryOf(tool: ReadTool, structured: Record<string, unknown>): string {
  if (tool.summarize) return tool.summarize(structured);
  return typeof structured.summary === 'string' ? structured.summary : `${tool.title}: done.`;
}

/** Targets named in an approval question before "and N more". */
const APPROVAL_LISTED = 10;

/** The question put to the human before a confirmed destructive call: the plan in a few lines. */
export function approvalMessage(tool: Pick<WriteTool, 'title'>, plan: WritePlan): string {
  const actionable = plan.targets.filter((t) => t.skip === undefined);
  const listed = actionable
    .slice(0, APPROVAL_LISTED)
    .map((t) => `${t.id}${t.current ? ` (${t.current})` : ''}`);
  const more = actionable.length > APPROVAL_LISTED ? ` and ${actionable.length - APPROVAL_LISTED} more` : '';
  const skipped = plan.targets.length - actionable.length;
  return [
    `${tool.title}: ${actionable.length} target(s): ${listed.join(', ')}${more}.`,
    ...(skipped > 0 ? [`${skipped} other target(s) are skipped.`] : []),
    ...(plan.impact ? [plan.impact] : []),
    'Approve?',
  ].join('\n');
}

/** Builds the host from loaded plugins: decides registration and provides `invoke`. */
export function createHost(options: HostOptions): Host {
  const contributions = flattenContributions(options.plugins);
  const decisions = decideRegistration(options.plugins, options.flags, options.configMaxTier);
  const pluginOptions = validatedPluginOptions(options.plugins);
  const matchesService = createServiceMatcher(
    Object.assign({}, ...options.plugins.map(({ plugin }) => plugin.aliases ?? {})),
  );
  const registered = new Map<string, RegisteredTool>();
  for (const decision of decisions) {
    if (!decision.registered) continue;
    const { tool } = decision;
    registered.set(tool.name, {
      tool,
      plugin: decision.plugin,
      inputSchema: tool.kind === 'write' ? gatedInputSchema(tool) : tool.input,
      outputSchema: tool.kind === 'write' ? WriteOutcomeSchema : tool.output,
      annotations: annotationsFor(tool),
      iamActions: effectiveIam(tool, contributions),
    });
  }

  // The lowest tier whose generated policy grants an action, over every loaded tool.
  const lowestTier = new Map<string, Tier>();
  for (const decision of decisions)
    for (const action of effectiveIam(decision.tool, contributions)) {
      const current = lowestTier.get(action);
      if (current === undefined || decision.tool.tier < current) lowestTier.set(action, decision.tool.tier);
    }
  const tierPolicyFor = (action: string): string | undefined => {
    const tier = lowestTier.get(action);
    return tier === undefined ? undefined : `iam/${TIER_POLICY_NAMES[tier]}.json`;
  };
  const hints: TranslationHints = {
    tierPolicyFor,
    reauthenticate:
      options.reauthenticate ??
      (() => 'Re-authenticate (for SSO: `aws sso login --profile <your-profile>`), then retry.'),
  };
  const now = options.now ?? (() => new Date());
  const cacheFor = createToolCache(now, (scope) => scopeKey(options.aws, scope));
  const rateLimiters = options.pacing ? createRateLimiters(options.pacing) : PROCESS_RATE_LIMITERS;
  const snapshot = createEstateSnapshot({
    now,
    ...(options.snapshot?.ttlSeconds !== undefined ? { ttlSeconds: options.snapshot.ttlSeconds } : {}),
  });
  const planKey = planKeyLoader(options.plans);
  const signer = createPlanSigner(planKey);
  const hourly = createHourlyCap(options.limits.maxBulkTargets);

  function fail(error: unknown, calls: CallRecorder, toolName: string): InvocationResult {
    const translated = translateError(error, hints);
    if (translated.kind === 'other' || translated.kind === 'unavailable')
      options.log.warn(`tool ${toolName} failed`, { code: translated.code, message: translated.message });
    return { ok: false, error: translated, text: translated.message, calls };
  }

  async function invoke(
    name: string,
    args: unknown,
    invokeOptions: InvokeOptions = {},
    caller?: CallShared,
  ): Promise<InvocationResult> {
    const progress = invokeOptions.progress ? progressChannel(invokeOptions.progress) : undefined;
    const calls = new CallRecorder(progress?.requestSent);
    const entry = registered.get(name);
    if (!entry) {
      const decision = decisions.find((d) => d.tool.name === name);
      const why = decision ? ` (${decision.reason})` : '';
      const message = `Unknown tool ${name}${why}.`;
      return { ok: false, error: { kind: 'tool', code: 'UnknownTool', message }, text: message, calls };
    }
    const input: unknown = Value.Default(entry.inputSchema, structuredClone(args ?? {}));
    const problems = validationProblems(entry.inputSchema, input);
    if (problems.length > 0) {
      const message = `Invalid input for ${name}:\n${formatProblems(problems)}`;
      return { ok: false, error: { kind: 'tool', code: 'InvalidInput', message }, text: message, calls };
    }
    const signal = invokeOptions.signal ?? new AbortController().signal;
    const log = invokeOptions.log ? withCallSink(options.log, invokeOptions.log) : options.log;
    // Every in-flight SDK request listens on the call's signal; a composite call with bounded
    // fan-out in several sections passes Node's default of 10 without leaking anything.
    setMaxListeners(MAX_SIGNAL_LISTENERS, signal);
    const attachments: EmbeddedDocument[] = [];
    const memo = caller?.memo ?? new Map<string, Promise<unknown>>();
    const age = caller?.age ?? {};
    // Writes plan and apply on what AWS says now, never on kept scans.
    const fresh =
      (caller?.fresh ?? false) ||
      entry.tool.kind === 'write' ||
      (input as Record<string, unknown>).fresh === true;
    const snapshotView: EstateSnapshotAccess = {
      fresh,
      read: async <T>(action: string, key: string, fetch: () => Promise<T>): Promise<T> => {
        const read = await snapshot.read(action, key, { fresh }, fetch);
        if (read.reused && (age.oldestFetchedAt === undefined || read.fetchedAt < age.oldestFetchedAt))
          age.oldestFetchedAt = read.fetchedAt;
        return read.value;
      },
    };
    const ctx: ToolContext = {
      aws: options.aws,
      log,
      signal,
      limits: options.limits,
      now,
      progress: (done, total, message) => progress?.report(done, total, message),
      callTool: async (
        toolName: string,
        toolInput?: Record<string, unknown>,
        expect?: TObject,
      ): Promise<ToolCallOutcome> => {
        if (!registered.has(toolName))
          return {
            ok: false,
            tool: toolName,
            reason: 'not-registered',
            message: `${toolName} is not registered.`,
          };
        const nested = await invoke(
          toolName,
          toolInput ?? {},
          { signal, ...(invokeOptions.log ? { log: invokeOptions.log } : {}) },
          { memo, fresh, age },
        );
        if (!nested.ok)
          return {
            ok: false,
            tool: toolName,
            reason: nested.error.code === 'InvalidInput' ? 'invalid-input' : 'error',
            message: nested.error.message,
          };
        const broken = expect ? validationProblems(expect, nested.structured) : [];
        if (broken.length > 0)
          return {
            ok: false,
            tool: toolName,
            reason: 'contract',
            message: `${toolName} answered in a shape ${name} does not read (plugin versions out of step):\n${formatProblems(broken)}`,
          };
        return { ok: true, tool: toolName, result: nested.structured };
      },
      memo: <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        let pending = memo.get(key) as Promise<T> | undefined;
        if (!pending) {
          pending = compute();
          memo.set(key, pending);
          // A failed computation is not cached: the next caller may succeed.
          pending.catch(() => memo.delete(key));
        }
        return pending;
      },
      snapshot: snapshotView,
      contributions,
      pluginOptions: pluginOptions.get(entry.plugin) ?? {},
      cache: cacheFor(entry.plugin),
      rateLimit: (limiterName, { intervalMs }) =>
        rateLimiters(limiterName, intervalMs, (scope) => scopeKey(options.aws, scope)),
      matchesService,
      attach: (resource) => {
        attachments.push(resource);
      },
    };
    try {
      const structured = await withRecorder(calls, () =>
        entry.tool.kind === 'read'
          ? runRead(entry.tool, input as Record<string, unknown>, ctx)
          : runWrite(entry.tool, input as Record<string, unknown> & GateInput, ctx, invokeOptions.approve),
      );
      const outputProblems = validationProblems(entry.outputSchema, structured);
      if (outputProblems.length > 0) {
        const message = `Tool ${name} returned a result that does not match its output schema (a bug in plugin ${entry.plugin}):\n${formatProblems(outputProblems)}`;
        options.log.error(message);
        return { ok: false, error: { kind: 'tool', code: 'InvalidOutput', message }, text: message, calls };
      }
      const summary =
        entry.tool.kind === 'read' ? summaryOf(entry.tool, structured) : String(structured.summary ?? '');
      const note = options.resultNote ? `${options.resultNote}\n\n` : '';
      const dataAgeSeconds =
        age.oldestFetchedAt === undefined
          ? undefined
          : Math.max(0, Math.floor((now().getTime() - age.oldestFetchedAt) / 1000));
      const ageNote = dataAgeSeconds === undefined ? '' : `\n${dataAgeSentence(dataAgeSeconds)}`;
      return {
        ok: true,
        structured,
        text: `${note}${summary}${ageNote}\n\n${JSON.stringify(structured)}`,
        calls,
        attachments,
        ...(dataAgeSeconds === undefined ? {} : { dataAgeSeconds }),
      };
    } catch (error) {
      return fail(error, calls, name);
    }
  }

  async function runRead(tool: ReadTool, input: Record<string, unknown>, ctx: ToolContext) {
    return (await tool.run(input, ctx)) as Record<string, unknown>;
  }

  async function runWrite(
    tool: WriteTool,
    input: Record<string, unknown> & GateInput,
    ctx: ToolContext,
    approve: InvokeOptions['approve'],
  ) {
    const { confirm, planId, acknowledge, ...toolInput } = input;
    const plan = await tool.plan(toolInput, ctx);
    const maxBulkTargets = options.limits.maxBulkTargets;
    const at = now();
    const gates = { maxBulkTargets, signer, hourly, now: at };
    const decision = decideGates(tool, plan, { confirm, planId, acknowledge }, gates);
    if (decision.kind !== 'apply') {
      // A plan the caller can confirm carries its planId; an oversized one cannot be confirmed.
      // (A call a human declined gets none either, below: the model would only ask again.)
      const confirmable =
        decision.kind !== 'nothing-to-do' && actionableTargets(plan).length <= maxBulkTargets;
      const issued = confirmable ? signer.issue(tool.name, plan.targets, at) : undefined;
      return buildOutcome({ tool, plan, decision, maxBulkTargets, ...(issued ? { issued } : {}) });
    }
    if (tool.tier === 3 && approve) {
      const answer = await approve({ tool: tool.name, message: approvalMessage(tool, plan) }).catch(
        () => 'cancel' as const,
      );
      if (answer !== 'accept') {
        const message = `Refused: the user ${answer === 'decline' ? 'declined' : 'did not approve'} this ${tool.title.toLowerCase()} when asked. Nothing was changed.`;
        return buildOutcome({
          tool,
          plan,
          decision: { kind: 'refused', gate: 'approval', message },
          maxBulkTargets,
        });
      }
    }
    if (tool.tier === 3) hourly.record(decision.targets.length, at);
    options.log.info(`applying ${tool.name}`, { targets: decision.targets.length });
    let results: Awaited<ReturnType<WriteTool['apply']>>;
    try {
      results = await tool.apply(decision.targets, toolInput, ctx);
    } catch (error) {
      // The whole apply failed: every actionable target is failed, never "ok".
      const translated = translateError(error, hints);
      results = decision.targets.map((t) => ({
        id: t.id,
        ok: false,
        code: translated.code,
        message: translated.message,
      }));
    }
    // The host cannot tell which account/region the write touched: every kept scan of its services
    // goes, so the next read (this one's follow-up question) sees the change.
    const dropped = snapshot.invalidate(new Set(tool.iam.map(serviceOfAction)));
    if (dropped > 0) options.log.debug(`${tool.name}: dropped ${dropped} kept scans`);
    return buildOutcome({ tool, plan, decision, maxBulkTargets, results });
  }

  return {
    decisions,
    registered,
    contributions,
    invoke: async (name, args, invokeOptions) => {
      const result = await invoke(name, args, invokeOptions);
      if (options.trace) options.log.info(`AWS requests for ${name}`, result.calls.countsByAction());
      return result;
    },
    tierPolicyFor,
    instructions: options.plugins.flatMap(({ plugin }) => (plugin.instructions ? [plugin.instructions] : [])),
    snapshotTtlSeconds: snapshot.ttlSeconds,
    derivedKey: (purpose) => createHmac('sha256', planKey()).update(`workspaces-euc-mcp/${purpose}`).digest(),
    clearSnapshot: () => {
      snapshot.clear();
      cacheFor.clear();
    },
  };
}
