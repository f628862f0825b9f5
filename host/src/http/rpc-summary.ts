/** What the HTTP layer needs to know about a JSON-RPC body, read without trusting its shape. */
export interface RpcSummary {
  /** The method of the first message (`tools/call`, `initialize`, ...); absent for a response or junk. */
  readonly rpcMethod?: string;
  /** The tool named by the first `tools/call`. */
  readonly tool?: string;
  /** How many `tools/call` requests the body carries (a 2025-03-26 batch may carry several). */
  readonly toolCalls: number;
  /** The id of the first request, for an error answered before the SDK sees it. */
  readonly id: string | number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Summarises a parsed JSON-RPC body (single message or batch) for routing and the access log. */
export function summariseRpcBody(body: unknown): RpcSummary {
  const messages = (Array.isArray(body) ? body : [body]).filter(isRecord);
  const first = messages[0];
  const firstCall = messages.find((message) => message.method === 'tools/call');
  const toolName = isRecord(firstCall?.params) ? firstCall.params.name : undefined;
  const id = first?.id;
  return {
    ...(typeof first?.method === 'string' ? { rpcMethod: first.method } : {}),
    ...(typeof toolName === 'string' ? { tool: toolName } : {}),
    toolCalls: messages.filter((message) => message.method === 'tools/call' && 'id' in message).length,
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
  };
}
