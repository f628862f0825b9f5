/** Builders for raw MCP-over-HTTP requests, as a 2025-era client sends them. */

export const LOCAL_ORIGIN = 'http://localhost:8080';

/** A POST to /mcp with the headers a real client sends; `headers` override or add. */
export function mcpPost(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${LOCAL_ORIGIN}/mcp`, {
    method: 'POST',
    headers: {
      host: 'localhost:8080',
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET to `path` with a localhost Host header. */
export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${LOCAL_ORIGIN}${path}`, { headers: { host: 'localhost:8080', ...headers } });
}

/** A `tools/call` of the tiny server's `echo` tool. */
export function echoCall(id: number, text: string): Record<string, unknown> {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { text } } };
}

/** The JSON-RPC message in a response, whether sent as JSON or as one SSE event. */
export async function rpcMessage(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .find((line) => line.startsWith('data: '))
        ?.slice(6);
  if (data === undefined) throw new Error(`No JSON-RPC message in: ${text}`);
  return JSON.parse(data) as Record<string, unknown>;
}
