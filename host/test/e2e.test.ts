import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type JSONRPCMessage } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODERN_REVISION, type ProtocolEra } from './fixtures/mcp-client.js';

// Spawns the real CLI (built dist) over stdio and talks to it with the MCP SDK's Client. AWS is a
// loopback HTTP server speaking the WorkSpaces JSON protocol, reached through the standard
// AWS_ENDPOINT_URL_WORKSPACES override: no real AWS, no outside network.
const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../dist/cli/bin.js');
const CONFIG = path.resolve(here, './fixtures/e2e/.workspaces-eucrc.json');

let fakeAws: Server;
let endpoint = '';
const received: string[] = [];
let denyNext = false;

beforeAll(async () => {
  fakeAws = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      received.push(operation);
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (denyNext) {
        denyNext = false;
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            __type: 'AccessDeniedException',
            message: 'User is not authorized to perform this action',
          }),
        );
        return;
      }
      if (operation === 'DescribeWorkspaces')
        res.end(
          JSON.stringify({
            Workspaces: [
              { WorkspaceId: 'ws-e2e000001', State: 'AVAILABLE' },
              { WorkspaceId: 'ws-e2e000002', State: 'STOPPED' },
            ],
          }),
        );
      else if (operation === 'StopWorkspaces') res.end(JSON.stringify({ FailedRequests: [] }));
      else {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            __type: 'InvalidParameterValuesException',
            message: `unexpected ${operation} ${body}`,
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => fakeAws.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(fakeAws.address() as AddressInfo).port}`;
});
const homes: string[] = [];
afterAll(async () => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  await new Promise<void>((resolve) => fakeAws.close(() => resolve()));
});

async function connect(
  extraArgs: string[] = [],
  era: ProtocolEra = 'legacy',
): Promise<{ client: Client; stderr: () => string; wire: JSONRPCMessage[] }> {
  const home = mkdtempSync(path.join(tmpdir(), 'euc-e2e-home-'));
  homes.push(home);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'serve', '--config', CONFIG, '--no-sso-auto-login', ...extraArgs],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      AWS_ACCESS_KEY_ID: 'AKIAE2ETESTTESTTEST',
      AWS_SECRET_ACCESS_KEY: 'e2e-secret',
      AWS_REGION: 'eu-west-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_WORKSPACES: endpoint,
    },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client(
    { name: 'e2e', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: MODERN_REVISION } } } : {},
  );
  await client.connect(transport);
  // Every message as it arrived, in order. The SDK client hands notifications to their handlers a
  // microtask later than responses, so a progress notification that arrives in the same chunk as
  // the result can miss its handler; what the server sent is read here instead.
  const wire: JSONRPCMessage[] = [];
  const deliver = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    wire.push(message);
    deliver?.(message);
  };
  return { client, stderr: () => stderr, wire };
}

describe.each<ProtocolEra>(['legacy', 'modern'])('the CLI over stdio, %s protocol era', (era) => {
  it('initializes with the instructions of the host and of each plugin, and lists exactly the tools the flags allow', async () => {
    const { client } = await connect([], era);
    expect(client.getServerVersion()?.name).toBe('workspaces-euc-mcp');
    expect(client.getInstructions()).toContain('Writes are dry runs unless confirm=true');
    expect(client.getInstructions()).toContain('E2E desktops are test WorkSpaces');
    // The config's snapshot TTL reaches the shared-inputs paragraph.
    expect(client.getInstructions()).toContain('kept in an estate snapshot for 2 min');
    const { tools } = await client.listTools();
    // The host's own cross-service tools are always there, next to the plugin's read tool.
    expect(tools.map((t) => t.name).sort()).toEqual([
      'count_e2e_workspaces',
      'generate_inventory_report',
      'get_euc_inventory_summary',
    ]);
    const count = tools.find((t) => t.name === 'count_e2e_workspaces');
    expect(count?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(count?.outputSchema?.type).toBe('object');
    await client.close();

    const writes = await connect(['--enable-writes'], era);
    const writeTools = (await writes.client.listTools()).tools;
    expect(writeTools.map((t) => t.name).sort()).toEqual([
      'count_e2e_workspaces',
      'generate_inventory_report',
      'get_euc_inventory_summary',
      'stop_e2e_workspaces',
    ]);
    expect(
      Object.keys(writeTools.find((t) => t.name === 'stop_e2e_workspaces')?.inputSchema.properties ?? {}),
    ).toContain('confirm');
    await writes.client.close();
  }, 30_000);

  it('calls a tool against the AWS endpoint override, with structured content and progress', async () => {
    const { client, wire } = await connect([], era);
    const result = await client.callTool(
      { name: 'count_e2e_workspaces', arguments: {} },
      { onprogress: () => undefined },
    );
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      summary: '2 desktops.',
      total: 2,
      byState: { AVAILABLE: 1, STOPPED: 1 },
    });
    // Both progress notifications, in order, and before the result.
    const sent = wire.map((m) => ('method' in m ? `${m.method}:${String(m.params?.progress)}` : 'result'));
    expect(sent.filter((m) => m.startsWith('notifications/progress') || m === 'result')).toEqual([
      'notifications/progress:0',
      'notifications/progress:1',
      'result',
    ]);
    expect(received).toContain('DescribeWorkspaces');
    await client.close();
  }, 30_000);

  it('bad input and AccessDenied come back as tool errors the model can act on', async () => {
    const { client } = await connect(['--enable-writes'], era);
    const bad = await client.callTool({ name: 'count_e2e_workspaces', arguments: { region: 'moon' } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain('/region');

    denyNext = true;
    const denied = await client.callTool({ name: 'count_e2e_workspaces', arguments: {} });
    expect(denied.isError).toBe(true);
    expect(JSON.stringify(denied.content)).toContain('workspaces:DescribeWorkspaces');
    expect(JSON.stringify(denied.content)).toContain('iam/tier0-diagnostics.json');

    const before = received.filter((op) => op === 'StopWorkspaces').length;
    const plan = await client.callTool({
      name: 'stop_e2e_workspaces',
      arguments: { workspaceIds: ['ws-e2e000001'] },
    });
    expect(plan.structuredContent).toMatchObject({ status: 'planned', dryRun: true });
    expect(received.filter((op) => op === 'StopWorkspaces').length).toBe(before);
    const unknown = await client.callTool({ name: 'terminate_everything', arguments: {} });
    expect(unknown.isError).toBe(true);
    await client.close();
  }, 30_000);

  it('logs go to stderr, never to stdout (which carries the protocol)', async () => {
    const { client, stderr } = await connect(['--enable-writes', '--log-level', 'debug'], era);
    await client.callTool({ name: 'count_e2e_workspaces', arguments: {} });
    await client.close();
    expect(stderr()).toContain('1 write tool enabled');
    expect(stderr()).not.toContain('e2e-secret');
  }, 30_000);
});
