import type { McpServerFactory } from '@modelcontextprotocol/server';
import { Server } from '@modelcontextprotocol/server';

/** What the tiny server's `echo` tool saw: the caller the HTTP layer authenticated. */
export interface TinyCall {
  readonly text: string;
  readonly clientId: string | undefined;
}

/** Options for {@link tinyServerFactory}. */
export interface TinyServerOptions {
  /** Awaited by every `echo` call before it answers: lets a test hold calls in flight. */
  readonly gate?: () => Promise<void>;
  /** Called once per `echo` call, inside the request's async context. */
  readonly onCall?: (call: TinyCall) => void;
}

/**
 * A one-tool low-level MCP server factory, so the HTTP layer's tests stand alone (the host's
 * real factory is wired by the CLI, not here).
 */
export function tinyServerFactory(options: TinyServerOptions = {}): McpServerFactory {
  return () => {
    const server = new Server({ name: 'tiny', version: '1.0.0' }, { capabilities: { tools: {} } });
    server.setRequestHandler('tools/list', () => ({
      tools: [
        {
          name: 'echo',
          description: 'Echoes its text argument.',
          inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
        },
      ],
    }));
    server.setRequestHandler('tools/call', async (request, ctx) => {
      const text = String(request.params.arguments?.text ?? '');
      await options.gate?.();
      options.onCall?.({ text, clientId: ctx.http?.authInfo?.clientId });
      return { content: [{ type: 'text', text: `echo: ${text}` }] };
    });
    return server;
  };
}

/** A gate a test opens by hand: calls wait on `wait()` until `open()`. */
export function manualGate(): { wait: () => Promise<void>; open: () => void; waiting: () => number } {
  let waiting = 0;
  let release: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    wait: async () => {
      waiting += 1;
      await opened;
    },
    open: () => release(),
    waiting: () => waiting,
  };
}
