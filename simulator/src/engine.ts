/**
 * The simulator: serves an estate to real AWS SDK v3 clients from inside their middleware stack.
 * It answers after the SDK's retry middleware, so retries, the host's call recorder and error
 * translation all run for real, and nothing reaches the network.
 */

import type { SdkClient } from '@workspaces-euc-mcp/host';
import type { ClientMeta } from '@workspaces-euc-mcp/host/runtime';
import { iamPrefixForServiceId, operationFromCommandName } from '@workspaces-euc-mcp/host/runtime';
import { applicationsHandlers, applicationsMetrics } from './domains/applications/index.js';
import { billingHandlers, billingMetrics } from './domains/billing/index.js';
import { coreInstancesHandlers, coreInstancesMetrics } from './domains/core-instances/index.js';
import { governanceHandlers, governanceMetrics } from './domains/governance/index.js';
import { personalHandlers, personalMetrics } from './domains/personal/index.js';
import { poolsHandlers, poolsMetrics } from './domains/pools/index.js';
import { secureBrowserHandlers, secureBrowserMetrics } from './domains/secure-browser/index.js';
import { accessDenied, SimulatedAwsError, throttled } from './errors.js';
import type { Estate, MetricProvider } from './estate-model.js';
import type { OperationHandler, ServiceHandlers, SimRequest } from './handlers.js';
import { DOCUMENTED_RATE_LIMITS, rateLimitFor } from './rate-limits.js';
import { getMetricDataHandler } from './services/cloudwatch-metrics.js';
import { stsOperations } from './services/sts.js';
import { type RateLimit, TokenBuckets } from './throttle.js';

/** A failure to inject: every matching request fails with `code` (the first `times` only, if set). */
export interface FaultRule {
  /** IAM prefix (`workspaces`, `cloudwatch`, `ce`, ...); omitted = any service. */
  readonly service?: string;
  readonly operation?: string;
  readonly region?: string;
  readonly account?: string;
  /** AWS error code, e.g. `AccessDeniedException`, `ThrottlingException`, `InternalFailure`. */
  readonly code: string;
  readonly message?: string;
  /** HTTP status; defaults to 400, or 500 for InternalFailure/ServiceUnavailable. */
  readonly httpStatusCode?: number;
  /** Fail only this many matching requests, then answer normally. */
  readonly times?: number;
  /** Narrows the rule to requests whose input matches, e.g. one desktop of a batch: `(input) => ...`. */
  readonly when?: (input: Readonly<Record<string, unknown>>) => boolean;
}

export interface SimulatorOptions {
  /** Per-request latency in ms (a number, or a function of the request). Default 0. */
  readonly latencyMs?: number | ((request: SimRequest) => number);
  /**
   * Model the AWS rate limits: `true` for the documented table, or a table of your own
   * (`{ 'workspaces:*': { rate: 2, burst: 5 } }`). Default off.
   */
  readonly throttling?: boolean | Readonly<Record<string, RateLimit>>;
  readonly faults?: readonly FaultRule[];
  /** The clock the throttle reads (ms). Default Date.now, so fake timers drive it too. */
  readonly clock?: () => number;
  /** Sees every request and its answer (the benchmark derives lower bounds from them). */
  readonly observe?: (
    request: SimRequest,
    answer: { readonly output?: Record<string, unknown>; readonly error?: Error },
  ) => void;
}

/** One request the simulator answered (every attempt, retries included). */
export interface SimulatedCall {
  /** `workspaces:DescribeWorkspaces`: IAM prefix and operation. */
  readonly action: string;
  readonly account: string;
  readonly region: string;
  /** The error code when the request failed (throttled, injected fault, validation). */
  readonly errorCode?: string;
}

export interface Simulator {
  readonly estate: Estate;
  /** Attach to every client the host creates (AwsSettings.clientHook). */
  readonly clientHook: (client: SdkClient, meta: ClientMeta) => void;
  /** Static fake credentials: the simulator never signs anything. */
  readonly credentials: () => Promise<{ accessKeyId: string; secretAccessKey: string }>;
  /** Every request answered so far. */
  readonly calls: SimulatedCall[];
  /** Requests by action (`workspaces:DescribeWorkspaces` → n), attempts included. */
  countsByAction(): Record<string, number>;
  resetCalls(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
}

const SERVICE_HANDLERS: readonly ServiceHandlers[] = [
  personalHandlers,
  poolsHandlers,
  applicationsHandlers,
  secureBrowserHandlers,
  coreInstancesHandlers,
  billingHandlers,
  governanceHandlers,
];
const METRIC_PROVIDERS: readonly MetricProvider[] = [
  personalMetrics,
  poolsMetrics,
  applicationsMetrics,
  secureBrowserMetrics,
  coreInstancesMetrics,
  billingMetrics,
  governanceMetrics,
].filter((p): p is MetricProvider => p !== undefined);

/** Every operation the simulator answers, `iam-prefix:Operation` → handler. */
export function simulatedOperations(): Map<string, OperationHandler> {
  const table = new Map<string, OperationHandler>();
  const add = (service: string, operations: Readonly<Record<string, OperationHandler>>) => {
    for (const [operation, handler] of Object.entries(operations)) {
      const action = `${service}:${operation}`;
      if (table.has(action)) throw new Error(`The simulator answers ${action} twice.`);
      table.set(action, handler);
    }
  };
  for (const handlers of SERVICE_HANDLERS)
    for (const [service, ops] of Object.entries(handlers)) add(service, ops);
  add('cloudwatch', { GetMetricData: getMetricDataHandler(METRIC_PROVIDERS) });
  add('sts', stsOperations);
  return table;
}

interface Stack {
  add(mw: unknown, options: { step: string; name: string; priority?: string }): void;
  addRelativeTo(
    mw: unknown,
    options: { relation: 'after' | 'before'; toMiddleware: string; name: string },
  ): void;
}
type MiddlewareContext = {
  commandName?: string;
  simulatedRequest?: { operation: string; input: Record<string, unknown> };
};

/** Creates a simulator serving `estate`. */
export function createSimulator(estate: Estate, options: SimulatorOptions = {}): Simulator {
  const operations = simulatedOperations();
  const calls: SimulatedCall[] = [];
  const faults: (FaultRule & { remaining: number })[] = (options.faults ?? []).map((f) => ({
    ...f,
    remaining: f.times ?? Number.POSITIVE_INFINITY,
  }));
  const clock = options.clock ?? (() => Date.now());
  const buckets = new TokenBuckets(clock);
  const rateTable =
    options.throttling === true
      ? DOCUMENTED_RATE_LIMITS
      : options.throttling
        ? options.throttling
        : undefined;
  const defaultAccount = estate.settings.accounts[0] ?? '000000000000';

  function injectedFault(request: SimRequest): SimulatedAwsError | undefined {
    const rule = faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.service || f.service === request.service) &&
        (!f.operation || f.operation === request.operation) &&
        (!f.region || f.region === request.region) &&
        (!f.account || f.account === request.account) &&
        (!f.when || f.when(request.input)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    const action = `${request.service}:${request.operation}`;
    if (/AccessDenied/.test(rule.code) && !rule.message) return accessDenied(action);
    const status =
      rule.httpStatusCode ??
      (/InternalFailure|ServiceUnavailable|InternalServerError/.test(rule.code) ? 500 : 400);
    return new SimulatedAwsError(rule.code, rule.message ?? `Simulated ${rule.code} for ${action}`, status);
  }

  async function answer(request: SimRequest): Promise<Record<string, unknown>> {
    const action = `${request.service}:${request.operation}`;
    const latency =
      typeof options.latencyMs === 'function' ? options.latencyMs(request) : (options.latencyMs ?? 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    try {
      const fault = injectedFault(request);
      if (fault) throw fault;
      const limit = rateTable ? rateLimitFor(action, rateTable) : undefined;
      if (limit && !buckets.take(`${request.account}|${request.region}|${action}`, limit))
        throw throttled(request.operation);
      const handler = operations.get(action);
      if (!handler)
        throw new SimulatedAwsError(
          'UnknownOperationException',
          `The simulated estate does not answer ${action}.`,
        );
      const output = handler(request, estate);
      calls.push({ action, account: request.account, region: request.region });
      options.observe?.(request, { output });
      return output;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      calls.push({ action, account: request.account, region: request.region, errorCode: failure.name });
      options.observe?.(request, { error: failure });
      throw error;
    }
  }

  return {
    estate,
    calls,
    credentials: async () => ({
      accessKeyId: 'ASIASIMULATEDESTATE0',
      secretAccessKey: 'simulated-estate-secret',
    }),
    clientHook(client, meta) {
      const stack = client.middlewareStack as unknown as Stack;
      const service = iamPrefixForServiceId(meta.serviceId);
      // The request is carried on the per-request context: clients are shared and requests run
      // concurrently, so nothing may be kept on the client.
      stack.add(
        (next: (args: unknown) => Promise<unknown>, context: MiddlewareContext) =>
          async (args: { input: Record<string, unknown> }) => {
            context.simulatedRequest = {
              operation: operationFromCommandName(context.commandName ?? 'Unknown'),
              input: args.input,
            };
            return next(args);
          },
        { step: 'initialize', name: 'simulatedEstateCapture', priority: 'low' },
      );
      stack.addRelativeTo(
        (_next: unknown, context: MiddlewareContext) => async () => {
          const captured = context.simulatedRequest ?? { operation: 'Unknown', input: {} };
          const output = await answer({
            service,
            operation: captured.operation,
            input: captured.input,
            account: meta.account ?? defaultAccount,
            region: meta.region,
          });
          return {
            output: { $metadata: { httpStatusCode: 200, requestId: 'simulated' }, ...output },
            response: { statusCode: 200, headers: {} },
          };
        },
        { relation: 'after', toMiddleware: 'retryMiddleware', name: 'simulatedEstateAnswer' },
      );
    },
    countsByAction() {
      const counts: Record<string, number> = {};
      for (const call of calls) counts[call.action] = (counts[call.action] ?? 0) + 1;
      return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    },
    resetCalls() {
      calls.length = 0;
    },
    addFault(rule) {
      faults.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults.length = 0;
    },
  };
}
