import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessLogLine } from './access-log.js';
import { createCallCorrelation } from './call-correlation.js';
import type { RunningHttpServer } from './server.js';
import { startHttpServer } from './server.js';
import type { TinyCall } from './test-fixtures/tiny-server.js';
import { tinyServerFactory } from './test-fixtures/tiny-server.js';

const TOKEN = 'tok-0123456789abcdef0123456789abcdef';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
});

async function startReplica(seen: TinyCall[], log: AccessLogLine[] = []): Promise<RunningHttpServer> {
  const calls = createCallCorrelation();
  const server = await startHttpServer({
    factory: tinyServerFactory({
      onCall: (call) => {
        seen.push(call);
        // Stands in for the host factory's per-call report (tool, tier, outcome).
        calls.onCall({ tool: 'echo', tier: 0, principal: call.clientId, outcome: 'ok', durationMs: 0 });
      },
    }),
    auth: { kind: 'bearer', token: TOKEN },
    port: 0,
    accessLog: (line) => log.push(line),
    calls,
  });
  open.push(server);
  return server;
}

type Negotiation = NonNullable<ConstructorParameters<typeof Client>[1]>['versionNegotiation'];

async function connect(url: URL, versionNegotiation: Negotiation, fetchImpl?: typeof fetch): Promise<Client> {
  const client = new Client(
    { name: 'e2e', version: '1.0.0' },
    versionNegotiation ? { versionNegotiation } : {},
  );
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  await client.connect(transport);
  open.push(client);
  return client;
}

describe('MCP clients over serve --transport http', () => {
  it.each([
    ['a 2025-11-25 client (legacy negotiation)', undefined, '2025-11-25'],
    ['a 2026-07-28 client (pinned)', { mode: { pin: '2026-07-28' } }, '2026-07-28'],
  ] as const)('%s lists and calls the tool with a bearer token', async (_name, negotiation, version) => {
    const seen: TinyCall[] = [];
    const log: AccessLogLine[] = [];
    const server = await startReplica(seen, log);
    const client = await connect(server.url, negotiation);
    expect(client.getNegotiatedProtocolVersion()).toBe(version);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['echo']);
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hello' } });
    expect(result.content).toEqual([{ type: 'text', text: 'echo: hello' }]);
    expect(seen).toEqual([{ text: 'hello', clientId: 'bearer-token' }]);
    await expect
      .poll(() => log.filter((line) => line.rpcMethod === 'tools/call'))
      .toEqual([
        expect.objectContaining({
          status: 200,
          principal: 'bearer-token',
          tool: 'echo',
          tier: 0,
          outcome: 'ok',
        }),
      ]);
  });

  it.each([
    ['2025-11-25', undefined],
    ['2026-07-28', { mode: { pin: '2026-07-28' } }],
  ] as const)(
    'is stateless: two replicas sharing nothing answer one %s client alternately',
    async (_era, negotiation) => {
      const seenA: TinyCall[] = [];
      const seenB: TinyCall[] = [];
      const replicas = [await startReplica(seenA), await startReplica(seenB)];
      const hits = [0, 0];
      let next = 0;
      // A round-robin load balancer: each HTTP request goes to the other replica.
      const roundRobin: typeof fetch = (input, init) => {
        const target = next;
        next = 1 - next;
        hits[target] = (hits[target] ?? 0) + 1;
        const url = new URL(input instanceof Request ? input.url : input.toString());
        const replica = replicas[target];
        if (!replica) throw new Error('no replica');
        url.port = replica.url.port;
        return fetch(url, init);
      };
      const client = await connect(replicas[0]?.url ?? new URL('http://invalid'), negotiation, roundRobin);
      for (const text of ['one', 'two', 'three', 'four']) {
        const result = await client.callTool({ name: 'echo', arguments: { text } });
        expect(result.content).toEqual([{ type: 'text', text: `echo: ${text}` }]);
      }
      expect(seenA.length).toBeGreaterThan(0);
      expect(seenB.length).toBeGreaterThan(0);
      expect([...seenA, ...seenB].map((call) => call.text).sort()).toEqual(['four', 'one', 'three', 'two']);
      expect(hits[0]).toBeGreaterThan(1);
      expect(hits[1]).toBeGreaterThan(1);
    },
  );
});
