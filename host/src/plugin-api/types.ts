import type { Static, TObject } from 'typebox';

import type { PluginApiVersion } from './version.js';

export { PLUGIN_API_VERSION } from './version.js';

/**
 * How much a tool may do. 0 diagnostics (read), 1 cost (read of billing data, which costs money
 * per Cost Explorer request), 2 lifecycle (write), 3 destructive (data loss possible).
 */
export type Tier = 0 | 1 | 2 | 3;

/** The file-name stem of each tier's generated IAM policy in `iam/`. */
export const TIER_POLICY_NAMES: Readonly<Record<Tier, string>> = {
  0: 'tier0-diagnostics',
  1: 'tier1-cost',
  2: 'tier2-lifecycle',
  3: 'tier3-destructive',
};

/** Severity of a finding, ordered info < warning < critical. */
export type Severity = 'info' | 'warning' | 'critical';

/** Minimal structural view of an AWS SDK v3 client, so the plugin API does not pin one SDK version. */
export interface SdkClient {
  readonly middlewareStack: {
    add(middleware: unknown, options: { step: 'initialize'; name: string; override?: boolean }): void;
  };
  destroy(): void;
}

/** The subset of client configuration the host sets when it creates a client for a tool. */
export interface HostClientConfig {
  region: string;
  maxAttempts?: number;
  retryMode?: string;
  customUserAgent?: string;
  // Credentials are provider functions from @aws-sdk/credential-providers; typed loosely so that
  // every SDK client accepts them whatever its own credential type alias is called.
  credentials?: () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
}

/** An AWS SDK v3 client class, e.g. `WorkSpacesClient`. */
export type ClientConstructor<C extends SdkClient> = new (config: HostClientConfig) => C;

/** One account/region the tools may address; from the config `targets` and the launch flags. */
export interface AwsTarget {
  /** A readable label for results ("prod", or the account id). */
  readonly label: string;
  /** 12-digit account id when known (from the config or the role ARN); undefined = the caller's. */
  readonly account?: string;
  readonly regions: readonly string[];
}

/** Where a client should point. Omitted fields mean the default target and region. */
export interface ClientLocation {
  readonly region?: string;
  /** An account id or target label from the config. */
  readonly account?: string;
}

/** AWS access for a tool: cached SDK clients for the configured targets. */
export interface AwsAccess {
  /** A cached client of the given class for (account, region). Created lazily on first use. */
  client<C extends SdkClient>(ctor: ClientConstructor<C>, where?: ClientLocation): C;
  /** The region used when a tool input names none. */
  readonly defaultRegion: string;
  /** Every configured target; tools that fan out across accounts/regions iterate these. */
  readonly targets: readonly AwsTarget[];
}

/** Structured logger; writes to stderr and MCP logging, never to stdout, never credentials. */
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** The limits in force for this server, from the config and flags. */
export interface Limits {
  /** Most targets one confirmed write may change (the blast-radius cap). */
  readonly maxBulkTargets: number;
  /** Most AWS requests a tool should have in flight at once. */
  readonly concurrency: number;
  /** Default number of rows in a per-resource list before a cursor is returned. */
  readonly pageSize: number;
}

/** The result of calling another registered tool through the host. */
export type ToolCallOutcome<R = Record<string, unknown>> =
  | { readonly ok: true; readonly tool: string; readonly result: R }
  | {
      readonly ok: false;
      readonly tool: string;
      /**
       * `not-registered`: the tool is not loaded or its tier is off. `error`: it ran and failed.
       * `contract`: it answered, but not in the shape the caller expects (a version mismatch).
       */
      readonly reason: 'not-registered' | 'invalid-input' | 'error' | 'contract';
      readonly message: string;
    };

/** A value read through `ctx.cache`, with how old it is. */
export interface CacheRead<T> {
  readonly value: T;
  /** True when this read computed the value (AWS was asked), false when it was cached. */
  readonly fetched: boolean;
  /** How old the value is, by the tool clock, in ms (0 when just fetched). */
  readonly ageMs: number;
}

/**
 * The host's cache of slow or billed answers, shared by every call of the server process (and by
 * concurrent callers of one computation). Entries are per plugin and per account/region, expire
 * by the tool clock, and a failed computation is never kept.
 */
export interface ToolCache {
  /**
   * The value under `key`, computed when absent or older than `ttlMs`. `scope` separates
   * accounts and regions; omit it only for data that is the same everywhere (public prices).
   */
  get<T>(
    key: string,
    options: { readonly ttlMs: number; readonly scope?: Scope },
    compute: () => Promise<T>,
  ): Promise<CacheRead<T>>;
}

/**
 * One call's view of the host's estate snapshot: full list scans kept across calls for a TTL
 * (the config's `snapshot.ttlSeconds`), which `listOnce` reads through. Plugins rarely use it
 * directly; `fresh` tells a tool whether the call asked to rescan (a tool keeping its own
 * estate-derived data may honour it too).
 */
export interface EstateSnapshotAccess {
  /**
   * True when this call must not use kept scans: its input said `fresh: true`, it is a write
   * (plan and apply never work on stale state), or the call that made it was fresh.
   */
  readonly fresh: boolean;
  /**
   * The value of the scan `key` (which must name the account, region and input) of IAM `action`:
   * kept from an earlier call when younger than the TTL and this call is not fresh, else fetched
   * and kept. A write drops every kept scan of the services its IAM actions belong to.
   */
  read<T>(action: string, key: string, fetch: () => Promise<T>): Promise<T>;
}

/** Spaces requests to an API with a hard, low rate limit; see `ToolContext.rateLimit`. */
export interface RateLimiter {
  /** Resolves when a request in `scope` may be sent; rejects if `signal` aborts the wait. */
  acquire(scope: Scope, signal?: AbortSignal): Promise<void>;
}

/** What every tool receives besides its validated input. */
export interface ToolContext {
  readonly aws: AwsAccess;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly limits: Limits;
  /** The clock; injected so tests and the simulated estate are deterministic. */
  now(): Date;
  /** Report progress; becomes an MCP progress notification when the client asked for them. */
  progress(done: number, total?: number, message?: string): void;
  /**
   * Call another registered tool (same gates and validation as a client call). Its AWS requests
   * count towards this call's totals (`--trace`, benchmarks) but not towards this tool's IAM
   * actions: the called tool declares its own, and a composite degrades when it is absent.
   */
  callTool(name: string, input?: Record<string, unknown>): Promise<ToolCallOutcome>;
  /**
   * Same, checking the answer against `expect`: the part of the other tool's output schema this
   * tool reads (plugins never import each other, so the reader states its contract). A result
   * that does not match is `reason: 'contract'`, never a half-read object.
   */
  callTool<S extends TObject>(
    name: string,
    input: Record<string, unknown>,
    expect: S,
  ): Promise<ToolCallOutcome<Static<S>>>;
  /**
   * Share one computation across everything one client call does, nested tool calls included,
   * so a composite report does not scan the same estate twice.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * The host's estate snapshot as this call sees it (see {@link EstateSnapshotAccess}); `listOnce`
   * reads through it. Optional so contexts built by hand (unit tests) need none: `listOnce` then
   * shares a scan within the call only.
   */
  readonly snapshot?: EstateSnapshotAccess;
  /** The contributions of every loaded plugin (third-party ones included). */
  readonly contributions: ContributionSet;
  /**
   * This plugin's options from the config file, validated against the plugin's `options` schema
   * at load (defaults applied); empty for a plugin that declares none.
   */
  readonly pluginOptions: Readonly<Record<string, unknown>>;
  /** Slow or billed answers kept across calls (Cost Explorer, price lists); see {@link ToolCache}. */
  readonly cache: ToolCache;
  /**
   * The process-wide limiter `name`, spacing requests at least `intervalMs` apart per account and
   * region across every call and tool of the process (e.g. CloudTrail event lookups: 2 per second).
   */
  rateLimit(name: string, options: { readonly intervalMs: number }): RateLimiter;
  /**
   * Whether a service name matches any of the user's `filters` (case-insensitive, either way
   * round), legacy product names included through the loaded plugins' `aliases`. No filters: true.
   */
  matchesService(filters: readonly string[] | undefined, service: string): boolean;
  /**
   * Attach a document to the result (an MCP embedded resource), e.g. a CSV export. The server
   * never writes files on its host; the client decides what to do with the document.
   */
  attach(resource: EmbeddedDocument): void;
}

/** A document returned with a tool result as an MCP embedded resource. */
export interface EmbeddedDocument {
  /** A stable, descriptive URI, e.g. `workspaces-euc://inventory/report.csv`. */
  readonly uri: string;
  readonly mimeType: string;
  readonly text: string;
}

interface ToolBase<I extends TObject> {
  /** snake_case, `verb_noun`; unique across every loaded plugin. */
  readonly name: string;
  /** Short human title shown by MCP clients. */
  readonly title: string;
  /** Written for the model: the question it answers, when to prefer it, what it costs in API calls. */
  readonly description: string;
  /** Exact IAM actions the tool sends (`service:Operation`); nothing more, nothing less. */
  readonly iam: readonly string[];
  readonly input: I;
  /** Contribution kinds this tool consumes; their IAM actions become part of its policy. */
  readonly consumes?: readonly ContributionKind[];
}

/** A read tool (tier 0 or 1): runs and returns its structured result. */
export interface ReadTool<I extends TObject = TObject, O extends TObject = TObject> extends ToolBase<I> {
  readonly kind: 'read';
  readonly tier: 0 | 1;
  readonly output: O;
  run(input: Static<I>, ctx: ToolContext): Promise<Static<O>>;
  /** One paragraph for clients that ignore structured output; defaults to `result.summary`. */
  summarize?(output: Static<O>): string;
}

/** One target a write would touch, as the plan step resolved it. */
export interface PlannedTarget {
  readonly id: string;
  /** What would be done to it, in words ("stop", "switch to AUTO_STOP"). */
  readonly action: string;
  /** Its current state when the plan read it. */
  readonly current?: string;
  /** Why it will not be touched; skipped targets are never passed to `apply` nor counted by the cap. */
  readonly skip?: string;
  /** Anything the admin should see for this target (snapshot to be used, data lost since...). */
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
}

/** The read-only plan of a write tool. */
export interface WritePlan {
  readonly targets: readonly PlannedTarget[];
  readonly warnings?: readonly string[];
  /** For destructive tools: what will be lost, in plain words. */
  readonly impact?: string;
}

/** The outcome for one target of an applied write. */
export interface TargetResult {
  readonly id: string;
  readonly ok: boolean;
  readonly message?: string;
  /** The AWS error code for a failed target. */
  readonly code?: string;
}

/**
 * A write tool (tier 2) or destructive tool (tier 3). The host adds `confirm` and `planId` (and
 * for tier 3 `acknowledge`) to its input schema and runs the gates, planning again on every call:
 * no confirm → the plan only, with a signed `planId`; a planId that does not sign this very plan
 * (tool, target ids and states; 10 minutes) → refused with a fresh plan; more actionable targets
 * than the cap → refused; for tier 3, past the hourly cap → refused, wrong phrase → refused, and
 * the person declines when the client can ask them → refused; only then `apply`.
 */
export interface WriteTool<I extends TObject = TObject> extends ToolBase<I> {
  readonly kind: 'write';
  readonly tier: 2 | 3;
  /** The exact phrase a destructive (tier 3) tool must be given in `acknowledge`, e.g. `TERMINATE`. */
  readonly acknowledgement?: string;
  /** True when re-applying the same input changes nothing further (MCP idempotentHint). */
  readonly idempotent?: boolean;
  /** Read-only: resolve targets, check legality, say what would change. Must not mutate. */
  plan(input: Static<I>, ctx: ToolContext): Promise<WritePlan>;
  /** Mutate the actionable targets; return one result per target (missing ones count as failed). */
  apply(
    targets: readonly PlannedTarget[],
    input: Static<I>,
    ctx: ToolContext,
  ): Promise<readonly TargetResult[]>;
}

/** Any tool a plugin declares. */
export type Tool = ReadTool<TObject, TObject> | WriteTool<TObject>;

/**
 * One account and region a tool answers for. Without `account`, the first configured target (the
 * caller's account when no target names one). A `Scope` is also a `ClientLocation`: pass it to
 * `ctx.aws.client(Client, scope)` as it is.
 */
export interface Scope {
  readonly region: string;
  readonly account?: string;
}

/** Where a cross-service contribution runs: one account/region. */
export type ContributionScope = Scope;

/** One resource row for inventory reports. Attribute values are scalars so they export to CSV. */
export interface InventoryRow {
  readonly id: string;
  readonly name?: string;
  readonly state: string;
  readonly attributes: Readonly<Record<string, string | number | boolean | null>>;
  readonly tags?: Readonly<Record<string, string>>;
}

/** What an inventory contributor returns for one scope. */
export interface InventoryCollection {
  /** Count of resources by their state (the service's own state vocabulary). */
  readonly byState: Readonly<Record<string, number>>;
  /** Other breakdowns worth summarising, e.g. `{ runningMode: { AUTO_STOP: 10 } }`. */
  readonly breakdowns?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly rows: readonly InventoryRow[];
}

/** A plugin's contribution to the cross-service inventory tools. */
export interface InventoryContributor {
  /** Stable id, e.g. `personal.workspaces`. */
  readonly id: string;
  /** Current product name, e.g. `WorkSpaces Personal`. */
  readonly service: string;
  /** Resource type label, e.g. `WorkSpace`. */
  readonly resourceType: string;
  readonly iam: readonly string[];
  collect(ctx: ToolContext, scope: ContributionScope): Promise<InventoryCollection>;
}

/** A check a findings contributor can raise; documented once, referenced by findings. */
export interface CheckDescriptor {
  /** Stable id, e.g. `personal.unencrypted-volumes`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why it matters. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
}

/** One finding on one resource. */
export interface Finding {
  readonly checkId: string;
  readonly resourceId: string;
  readonly resourceType?: string;
  readonly detail?: string;
  /** Overrides the check's default severity for this resource. */
  readonly severity?: Severity;
}

/** A plugin's contribution to security posture audits. */
export interface FindingsContributor {
  readonly id: string;
  readonly service: string;
  readonly iam: readonly string[];
  readonly checks: readonly CheckDescriptor[];
  collect(ctx: ToolContext, scope: ContributionScope): Promise<readonly Finding[]>;
}

/** A resource that costs money while unused. */
export interface IdleResource {
  readonly id: string;
  readonly resourceType: string;
  readonly reason: string;
  /** Days since last use; null when it was never used, or when the service records no use (`usageSignal: 'none'`). */
  readonly idleDays: number | null;
  /**
   * What `idleDays` rests on: `last-use` (a recorded last use), `never-used` (no use since it was
   * created), or `none` (the service records no use at all, e.g. a builder's running time; the
   * reason says what is known). Default: `never-used` when idleDays is null, else `last-use`.
   */
  readonly usageSignal?: 'last-use' | 'never-used' | 'none';
  /** Estimated monthly cost in USD when the contributor can price it. */
  readonly monthlyCostUsd?: number;
}

/** A plugin's contribution to unused-resource reports. */
export interface IdleContributor {
  readonly id: string;
  readonly service: string;
  readonly iam: readonly string[];
  collect(
    ctx: ToolContext,
    scope: ContributionScope,
    options: { readonly idleDays: number },
  ): Promise<readonly IdleResource[]>;
}

/** The named extension points. */
export interface Contributions {
  readonly inventory?: readonly InventoryContributor[];
  readonly findings?: readonly FindingsContributor[];
  readonly idle?: readonly IdleContributor[];
}

/** The kinds of contribution a tool can consume. */
export type ContributionKind = keyof Contributions;

/** Every loaded plugin's contributions, flattened. */
export interface ContributionSet {
  readonly inventory: readonly InventoryContributor[];
  readonly findings: readonly FindingsContributor[];
  readonly idle: readonly IdleContributor[];
}

/** A plugin: a plain object the config references by package name or path. */
export interface Plugin {
  /** Unique plugin name, usually the package name. */
  readonly name: string;
  readonly version: string;
  /**
   * The plugin API version it was written for, `major.minor` (see `PLUGIN_API_VERSION`). The host
   * loads it when the majors match and this minor is at most the host's, and refuses it otherwise.
   */
  readonly apiVersion: PluginApiVersion;
  readonly description: string;
  readonly tools: readonly Tool[];
  readonly contributes?: Contributions;
  /**
   * The plugin's options (its config entry's `options`), as a typebox schema. The host validates
   * them at load, applies defaults and refuses a bad value naming the plugin and the field. A
   * plugin without a schema takes no options.
   */
  readonly options?: TObject;
  /**
   * What an assistant should know to use this plugin's tools well (product names, domain rules),
   * a few lines; the host joins every loaded plugin's into the MCP server instructions.
   */
  readonly instructions?: string;
  /**
   * Legacy or informal names users type, each to the current product name it means
   * (`{ appstream: 'WorkSpaces Applications' }`), for `ctx.matchesService` and service filters.
   */
  readonly aliases?: Readonly<Record<string, string>>;
}
