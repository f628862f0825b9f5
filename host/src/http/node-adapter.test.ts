import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeRequestListener } from './node-adapter.js';

const servers: { close(): void; closeAllConnections(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(
  handler: (request: Request) => Promise<Response>,
  onError: (error: Error) => void = () => {},
) {
  const server = createServer(nodeRequestListener(handler, onError));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('nodeRequestListener', () => {
  it('hands the handler method, path, headers and body, and writes back status, headers and body', async () => {
    const base = await serve(async (request) => {
      const url = new URL(request.url);
      return Response.json(
        {
          method: request.method,
          path: url.pathname + url.search,
          header: request.headers.get('x-test'),
          body: await request.text(),
        },
        { status: 201, headers: { 'x-answer': 'yes' } },
      );
    });
    const response = await fetch(`${base}/mcp?a=1`, {
      method: 'POST',
      headers: { 'x-test': 'v' },
      body: 'payload',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', path: '/mcp?a=1', header: 'v', body: 'payload' });
  });

  it('answers 500 and reports the error when the handler throws', async () => {
    const errors: Error[] = [];
    const base = await serve(
      async () => {
        throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    const response = await fetch(`${base}/mcp`);
    expect(response.status).toBe(500);
    expect(errors.map((error) => error.message)).toEqual(['boom']);
  });

  it('cancels a streamed answer when the client goes away', async () => {
    let cancelled = false;
    const base = await serve(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('data: first\n\n'));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const abort = new AbortController();
    const response = await fetch(`${base}/stream`, { signal: abort.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    abort.abort();
    await expect.poll(() => cancelled).toBe(true);
  });
});
