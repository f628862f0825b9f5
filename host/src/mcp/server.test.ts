import { LOG_LEVEL_META_KEY } from '@modelcontextprotocol/server';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { connectClient, type ProtocolEra } from '../../test/fixtures/mcp-client.js';
import { assembleHost } from '../assemble.js';
import { definePlugin, defineTool } from '../plugin-api/define.js';
import type { CallLogEntry } from './call-log.js';
import { createMcpServerFactory } from './server.js';

// The MCP layer over a host, in both protocol eras: what a call's client receives besides the
// answer (its log lines), the per-call time limit, and the access-log entry of every call.

const probe = definePlugin({
  name: 'mcp-probe',
  version: '1.0.0',
  description: 'Tools that log, and that wait until stopped.',
  tools: [
    defineTool({
      name: 'say_hello',
      title: 'Say hello',
      description: 'Logs a line and answers.',
      tier: 0,
      iam: [],
      input: Type.Object({ name: Type.String() }, { additionalProperties: false }),
      output: Type.Object({ summary: Type.String() }),
      async run(input, ctx) {
        ctx.log.info('greeting', { who: input.name });
        ctx.log.debug('for the operator only');
        return { summary: `Hello, ${input.name}.` };
      },
    }),
    defineTool({
      name: 'wait_forever',
      title: 'Wait forever',
      description: 'Waits until the call is stopped.',
      tier: 0,
      iam: [],
      input: Type.Object({}, { additionalProperties: false }),
      output: Type.Object({ summary: Type.String() }),
      run: (_input, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
        }),
    }),
  ],
});

async function serve(options: { callTimeoutMs?: number; logArguments?: boolean } = {}) {
  const host = await assembleHost({ plugins: [probe], aws: {} });
  const calls: CallLogEntry[] = [];
  const { factory } = createMcpServerFactory(host, {
    name: 'test',
    version: '0.0.0',
    onCall: (entry) => calls.push(entry),
    ...options,
  });
  return { factory, calls };
}

describe.each<ProtocolEra>(['legacy', 'modern'])('the MCP layer (%s era)', (era) => {
  it("sends a call's own log lines, info and up, to the client that made it", async () => {
    const { factory } = await serve();
    const client = await connectClient(factory, { era });
    const logged: unknown[] = [];
    client.setNotificationHandler('notifications/message', (notification) => {
      logged.push(notification.params.data);
    });
    // A 2026-07-28 request opts in to log lines, per request, with the level in its envelope.
    const optIn = era === 'modern' ? { _meta: { [LOG_LEVEL_META_KEY]: 'info' } } : {};
    const result = await client.callTool({ name: 'say_hello', arguments: { name: 'Ana' }, ...optIn });
    await client.close();
    expect(result.structuredContent).toEqual({ summary: 'Hello, Ana.' });
    expect(logged).toEqual([{ message: 'greeting', who: 'Ana' }]);
  });

  it('stops a call at the per-call limit with an error that says what to do', async () => {
    const { factory, calls } = await serve({ callTimeoutMs: 50 });
    const client = await connectClient(factory, { era });
    const result = await client.callTool({ name: 'wait_forever', arguments: {} });
    await client.close();
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("Stopped after 0 s, this server's per-call limit");
    expect(calls).toEqual([expect.objectContaining({ tool: 'wait_forever', tier: 0, outcome: 'timeout' })]);
  });

  it('records every call once, without its arguments unless asked', async () => {
    const quiet = await serve();
    let client = await connectClient(quiet.factory, { era });
    await client.callTool({ name: 'say_hello', arguments: { name: 'Ana' } });
    await client.callTool({ name: 'say_hello', arguments: { name: 7 } });
    await client.callTool({ name: 'no_such_tool', arguments: {} });
    await client.close();
    expect(quiet.calls.map(({ durationMs: _, ...entry }) => entry)).toEqual([
      { tool: 'say_hello', tier: 0, outcome: 'ok' },
      { tool: 'say_hello', tier: 0, outcome: 'error', errorCode: 'InvalidInput' },
      { tool: 'no_such_tool', outcome: 'error', errorCode: 'UnknownTool' },
    ]);
    const verbose = await serve({ logArguments: true });
    client = await connectClient(verbose.factory, { era });
    await client.callTool({ name: 'say_hello', arguments: { name: 'Ana' } });
    await client.close();
    expect(verbose.calls[0]?.arguments).toEqual({ name: 'Ana' });
  });
});
