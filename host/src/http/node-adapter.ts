import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Serves a web-standard `fetch` handler from `node:http`.
 *
 * Hand-written rather than `toNodeHandler` from `@modelcontextprotocol/node` because that adapter
 * buffers the whole body before calling the handler: an unauthenticated client could make us hold
 * up to its limit in memory, and its own 413 would bypass our access log. Here the body is handed
 * over as a stream, so auth runs first and the handler's size limit stops reading early.
 */
export function nodeRequestListener(
  fetchHandler: (request: Request) => Promise<Response>,
  onError: (error: Error) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      let response: Response;
      try {
        response = await fetchHandler(toWebRequest(req, abort.signal));
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
        response = Response.json(
          { jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal server error' } },
          { status: 500 },
        );
      }
      await writeWebResponse(response, res, abort.signal);
    })();
  };
}

/** A Node request as a web `Request`, body streamed rather than buffered. */
export function toWebRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // The URL's authority is not trusted for anything: Host validation reads the header itself.
  const url = new URL(req.url ?? '/', 'http://localhost');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  });
}

/** Writes a web `Response` to Node, honouring backpressure and stopping when the client leaves. */
export async function writeWebResponse(
  response: Response,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const aborted = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    while (!signal.aborted) {
      const chunk = await Promise.race([reader.read(), aborted.then(() => undefined)]);
      if (chunk === undefined || chunk.done) break;
      if (!res.write(chunk.value)) {
        await Promise.race([new Promise<void>((resolve) => res.once('drain', () => resolve())), aborted]);
      }
    }
  } catch {
    // The handler's stream failed mid-answer; the status line is already sent, so just end.
  } finally {
    if (signal.aborted) await reader.cancel().catch(() => undefined);
    res.end();
  }
}
