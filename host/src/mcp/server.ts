import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type LoggingLevel,
  type Tool as McpTool,
} from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalAnswer, ApprovalRequest, Host } from '../host.js';
import type { LogLevel, LogSink } from '../logger.js';
import { serverInstructions } from './instructions.js';

const MCP_LEVEL: Readonly<Record<LogLevel, LoggingLevel>> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  error: 'error',
};

/** The `_meta` key of a result built on kept estate data: its age in seconds. */
export const DATA_AGE_META_KEY = 'workspaces-euc-mcp/dataAgeSeconds';

/** How long a human has to answer an approval question; no answer refuses the call. */
const APPROVAL_TIMEOUT_MS = 5 * 60_000;

/** JSON Schema as plain data: typebox schemas are JSON Schema already, minus symbol keys. */
function plainSchema(schema: object): McpTool['inputSchema'] {
  return JSON.parse(JSON.stringify(schema)) as McpTool['inputSchema'];
}

/** Creates the MCP server over a host: tools/list from the registered tools, tools/call through the host. */
export function createMcpServer(
  host: Host,
  options: { name: string; version: string; extraInstructions?: string },
): { server: Server; logSink: LogSink } {
  const server = new Server(
    { name: options.name, version: options.version },
    {
      capabilities: { tools: { listChanged: false }, logging: {} },
      instructions: options.extraInstructions
        ? `${options.extraInstructions}\n\n${serverInstructions(host.instructions, host.snapshotTtlSeconds)}`
        : serverInstructions(host.instructions, host.snapshotTtlSeconds),
    },
  );
  const tools: McpTool[] = [...host.registered.values()].map((entry) => ({
    name: entry.tool.name,
    title: entry.tool.title,
    description: entry.tool.description,
    inputSchema: plainSchema(entry.inputSchema),
    outputSchema: plainSchema(entry.outputSchema) as McpTool['outputSchema'],
    annotations: { ...entry.annotations },
  }));
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const progressToken = request.params._meta?.progressToken;
    // Notifications are written in order, and all before the result: a client stops listening for
    // a request's progress once its result arrives, so a late one would be lost.
    let notified: Promise<unknown> = Promise.resolve();
    // Ask the human before a confirmed destructive call, where the client can ask (elicitation).
    const approve = server.getClientCapabilities()?.elicitation?.form
      ? (approval: ApprovalRequest): Promise<ApprovalAnswer> => askApproval(server, approval, extra.signal)
      : undefined;
    const result = await host.invoke(request.params.name, request.params.arguments ?? {}, {
      signal: extra.signal,
      ...(approve ? { approve } : {}),
      progress:
        progressToken === undefined
          ? undefined
          : (progress, total, message) => {
              notified = notified.then(() =>
                extra
                  .sendNotification({
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
    if (!result.ok) return { isError: true, content: [{ type: 'text', text: result.text }] };
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
      ...(result.dataAgeSeconds === undefined
        ? {}
        : { _meta: { [DATA_AGE_META_KEY]: result.dataAgeSeconds } }),
    };
  });
  const logSink: LogSink = (level, message, data) => {
    // Before initialize completes there is no client to notify; stderr already has the line.
    void server
      .sendLoggingMessage({
        level: MCP_LEVEL[level],
        logger: 'workspaces-euc-mcp',
        data: data ? { message, ...data } : message,
      })
      .catch(() => undefined);
  };
  return { server, logSink };
}

/**
 * Puts a confirmed destructive call to the human through the client (a form with no fields: the
 * answer is the accept/decline/cancel action itself).
 */
async function askApproval(
  server: Server,
  approval: ApprovalRequest,
  signal: AbortSignal,
): Promise<ApprovalAnswer> {
  const answer = await server.elicitInput(
    { mode: 'form', message: approval.message, requestedSchema: { type: 'object', properties: {} } },
    // A person reads the plan before answering: the SDK's 60 s request timeout is too short.
    { signal, timeout: APPROVAL_TIMEOUT_MS },
  );
  return answer.action;
}

/** Serves the host over stdio until the client disconnects. */
export async function serveStdio(server: Server): Promise<void> {
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
