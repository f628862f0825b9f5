import { createHash } from 'node:crypto';
import {
  type CallToolResult,
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  createRequestStateCodec,
  type InputRequiredResult,
  inputRequired,
  inputResponse,
  type LoggingLevel,
  type McpServerFactory,
  type Tool as McpTool,
  Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { ApprovalAnswer, ApprovalRequest, Host, InvocationResult } from '../host.js';
import type { LogLevel } from '../logger.js';
import type { CallLogEntry, CallOutcome } from './call-log.js';
import { serverInstructions } from './instructions.js';

const MCP_LEVEL: Readonly<Record<LogLevel, LoggingLevel>> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
};

/** The `_meta` key of a result built on kept estate data: its age in seconds. */
export const DATA_AGE_META_KEY = 'workspaces-euc-mcp/dataAgeSeconds';

/** The key of the approval question in a multi-round-trip `input_required` result. */
const APPROVAL_INPUT_KEY = 'approval';

/** How long an approval question stays answerable: a person reads the plan first. */
const APPROVAL_STATE_TTL_SECONDS = 10 * 60;

/** What the approval round trip carries through the client, signed: which call was asked about. */
interface ApprovalState {
  readonly tool: string;
  /** SHA-256 of the call's arguments, so an answer applies to exactly the call it was asked for. */
  readonly args: string;
}

/** Options of the MCP server. */
export interface McpServerOptions {
  readonly name: string;
  readonly version: string;
  readonly extraInstructions?: string;
  /** Abort a tools/call that runs longer than this (ms); default: no limit (stdio). */
  readonly callTimeoutMs?: number;
  /** Called once per tools/call, after it ends: the access log. */
  readonly onCall?: (entry: CallLogEntry) => void;
  /** Put the call's arguments in its access-log entry (off by default: they can name users). */
  readonly logArguments?: boolean;
}

/** JSON Schema as plain data: typebox schemas are JSON Schema already, minus symbol keys. */
function plainSchema(schema: object): McpTool['inputSchema'] {
  return JSON.parse(JSON.stringify(schema)) as McpTool['inputSchema'];
}

/** The same JSON for the same arguments, whatever order the client wrote the keys in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function argumentsDigest(args: unknown): string {
  return createHash('sha256').update(canonicalJson(args)).digest('base64url');
}

/**
 * Who made the request, for the access log and the approval binding: the HTTP layer's principal
 * (the token's subject or client, or `bearer-token`), in `clientId`; nothing on stdio.
 */
function principalOf(ctx: ServerContext): string | undefined {
  return ctx.http?.authInfo?.clientId;
}

/**
 * The human's answer to the approval question, when this request is the retry that carries it and
 * its signed state names this very call (tool and arguments). Anything else is no answer: the
 * question is asked (again).
 */
function approvalAnswerOf(ctx: ServerContext, tool: string, args: unknown): ApprovalAnswer | undefined {
  const state = ctx.mcpReq.requestState<ApprovalState>();
  if (typeof state !== 'object' || state === null) return undefined;
  if (state.tool !== tool || state.args !== argumentsDigest(args)) return undefined;
  const answer = inputResponse(ctx.mcpReq.inputResponses, APPROVAL_INPUT_KEY);
  return answer.kind === 'elicit' ? answer.action : undefined;
}

function outcomeOf(
  result: InvocationResult,
  timedOut: boolean,
): { outcome: CallOutcome; errorCode?: string } {
  if (result.ok) return { outcome: 'ok' };
  return { outcome: timedOut ? 'timeout' : 'error', errorCode: result.error.code };
}

/**
 * The MCP server over a host, as a factory: one low-level `Server` per stdio connection or per
 * HTTP request (the SDK's serving entries call it), all with the same tools/list, so any instance
 * or replica answers any request. The low-level `Server` rather than `McpServer`: the host owns
 * validation (typebox), gates and errors, and only needs tools/list and tools/call routed to it.
 */
export function createMcpServerFactory(host: Host, options: McpServerOptions): { factory: McpServerFactory } {
  const instructions = options.extraInstructions
    ? `${options.extraInstructions}\n\n${serverInstructions(host.instructions, host.snapshotTtlSeconds)}`
    : serverInstructions(host.instructions, host.snapshotTtlSeconds);
  const tools: McpTool[] = [...host.registered.values()].map((entry) => ({
    name: entry.tool.name,
    title: entry.tool.title,
    description: entry.tool.description,
    inputSchema: plainSchema(entry.inputSchema),
    outputSchema: plainSchema(entry.outputSchema) as McpTool['outputSchema'],
    annotations: { ...entry.annotations },
  }));
  const outputSchemas = new Map(tools.map((tool) => [tool.name, tool.outputSchema]));
  // Signed with a key derived from the plan key, so a replica that did not ask the question
  // still verifies the answer (every replica shares WORKSPACES_EUC_PLAN_KEY). Made on the first
  // approval question: a read-only launch never reads the key.
  let approvalCodec: ReturnType<typeof createRequestStateCodec<ApprovalState>> | undefined;
  const codec = () => {
    approvalCodec ??= createRequestStateCodec<ApprovalState>({
      key: new Uint8Array(host.derivedKey('mcp-approval-state')),
      ttlSeconds: APPROVAL_STATE_TTL_SECONDS,
      bind: (ctx) => `${ctx.mcpReq.method}\0${principalOf(ctx) ?? ''}`,
    });
    return approvalCodec;
  };
  const factory: McpServerFactory = () => {
    const server = new Server(
      { name: options.name, version: options.version },
      {
        capabilities: { tools: { listChanged: false }, logging: {} },
        instructions,
        // Only an approval round carries state; anything that fails verification is refused.
        requestState: { verify: (state, ctx) => codec().verify(state, ctx) },
      },
    );
    server.setRequestHandler('tools/list', async () => ({ tools }));
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const started = performance.now();
      const name = request.params.name;
      const args = request.params.arguments ?? {};
      const progressToken = request.params._meta?.progressToken;
      // Notifications are written in order, and all before the result: a client stops listening
      // for a request's progress once its result arrives, so a late one would be lost.
      let notified: Promise<unknown> = Promise.resolve();
      // Ask the human before a confirmed destructive call, where the client can answer
      // (elicitation): the 2026-07-28 way is a multi-round-trip `input_required` result, which the
      // SDK also fulfils for 2025-era clients with a real elicitation request.
      const answered = approvalAnswerOf(ctx, name, args);
      let asked: ApprovalRequest | undefined;
      const canAsk = clientCapabilities(server, ctx)?.elicitation !== undefined;
      const approve =
        answered !== undefined
          ? async (): Promise<ApprovalAnswer> => answered
          : canAsk
            ? async (approval: ApprovalRequest): Promise<ApprovalAnswer> => {
                asked = approval;
                // Refuses this round without changing anything; the question goes out instead.
                return 'cancel';
              }
            : undefined;
      const timeout =
        options.callTimeoutMs !== undefined ? AbortSignal.timeout(options.callTimeoutMs) : undefined;
      const signal = timeout ? AbortSignal.any([ctx.mcpReq.signal, timeout]) : ctx.mcpReq.signal;
      const result = await host.invoke(name, args, {
        signal,
        // The call's log lines go to its own client, in its response (deprecated in 2026-07-28,
        // still served; a client filters them with logging/setLevel).
        log: (level, message, data) => {
          void ctx.mcpReq
            .log(MCP_LEVEL[level], data ? { message, ...data } : message, 'workspaces-euc-mcp')
            .catch(() => undefined);
        },
        ...(approve ? { approve } : {}),
        progress:
          progressToken === undefined
            ? undefined
            : (progress, total, message) => {
                notified = notified.then(() =>
                  ctx.mcpReq
                    .notify({
                      method: 'notifications/progress',
                      params: {
                        progressToken,
                        progress,
                        ...(total !== undefined ? { total } : {}),
                        ...(message !== undefined ? { message } : {}),
                      },
                    })
                    .catch(() => undefined),
                );
              },
      });
      await notified;
      const timedOut = timeout?.aborted === true && !ctx.mcpReq.signal.aborted;
      const entry = {
        ...registeredTier(host, name),
        ...principalField(ctx),
        ...(options.logArguments ? { arguments: args } : {}),
      };
      if (asked) {
        options.onCall?.({
          tool: name,
          ...entry,
          outcome: 'input-required',
          durationMs: Math.round(performance.now() - started),
        });
        return approvalQuestion(asked, await codec().mint({ tool: name, args: argumentsDigest(args) }, ctx));
      }
      options.onCall?.({
        tool: name,
        ...entry,
        ...outcomeOf(result, timedOut),
        durationMs: Math.round(performance.now() - started),
      });
      return server.projectCallToolResult(
        toCallToolResult(result, timedOut ? options.callTimeoutMs : undefined),
        outputSchemas.get(name),
      );
    });
    return server;
  };

  return { factory };
}

/**
 * What the client can do: on the 2026-07-28 era each request declares it in its `_meta` envelope;
 * a 2025-era connection declared it once, at initialize.
 */
function clientCapabilities(server: Server, ctx: ServerContext): ClientCapabilities | undefined {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  const declared = envelope?.[CLIENT_CAPABILITIES_META_KEY];
  return declared !== undefined ? (declared as ClientCapabilities) : server.getClientCapabilities();
}

function registeredTier(host: Host, name: string): { tier?: CallLogEntry['tier'] } {
  const tier = host.registered.get(name)?.tool.tier;
  return tier === undefined ? {} : { tier };
}

function principalField(ctx: ServerContext): { principal?: string } {
  const principal = principalOf(ctx);
  return principal === undefined ? {} : { principal };
}

/** The approval question as a multi-round-trip result: a form with no fields, the answer is the action. */
function approvalQuestion(approval: ApprovalRequest, requestState: string): InputRequiredResult {
  return inputRequired({
    inputRequests: {
      [APPROVAL_INPUT_KEY]: inputRequired.elicit({
        mode: 'form',
        message: approval.message,
        requestedSchema: { type: 'object', properties: {} },
      }),
    },
    requestState,
  });
}

/** The host's answer as an MCP tool result. */
function toCallToolResult(result: InvocationResult, timedOutAfterMs?: number): CallToolResult {
  if (!result.ok) {
    const text =
      timedOutAfterMs !== undefined
        ? `Stopped after ${Math.round(timedOutAfterMs / 1000)} s, this server's per-call limit (--call-timeout-seconds). Narrow the call with accounts/regions, or ask the operator to raise the limit. ${result.text}`
        : result.text;
    return { isError: true, content: [{ type: 'text', text }] };
  }
  return {
    content: [
      { type: 'text', text: result.text },
      ...result.attachments.map((doc) => ({
        type: 'resource' as const,
        resource: { uri: doc.uri, mimeType: doc.mimeType, text: doc.text },
      })),
    ],
    structuredContent: result.structured,
    // The data age goes in _meta, not structuredContent: tools have strict output schemas.
    ...(result.dataAgeSeconds === undefined ? {} : { _meta: { [DATA_AGE_META_KEY]: result.dataAgeSeconds } }),
  };
}

/** Serves MCP over stdio, both protocol eras, until the client closes stdin. */
export async function serveStdio(factory: McpServerFactory): Promise<void> {
  const { serveStdio: serve } = await import('@modelcontextprotocol/server/stdio');
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
  const handle = serve(factory, { onerror: () => undefined });
  await closed;
  await handle.close();
}
