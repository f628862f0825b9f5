import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The shipped CLI as a team server: `serve --transport http` on the demo estate with a bearer
// token, reached by real clients — the SDK client in both protocol eras, and the MCP Inspector's
// CLI (a separate implementation, on the 1.x SDK) listing and calling tools.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'bin/workspaces-euc-mcp.js');
const INSPECTOR = path.join(root, 'node_modules/@modelcontextprotocol/inspector-cli/build/index.js');
const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
const execFileAsync = promisify(execFile);
/**
 * Runs the Inspector CLI from its own folder: 1.0.3 looks for its package.json relative to the
 * working directory but imports it relative to its module, so only its build folder satisfies both.
 */
const run = (file: string, args: string[]) => execFileAsync(file, args, { cwd: path.dirname(INSPECTOR) });

/** A running `serve --transport http` child process and the URL it printed. */
interface Served {
  readonly process: ChildProcess;
  readonly url: URL;
}
const running: ChildProcess[] = [];

async function startServer(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--transport', 'http', '--port', '0', '--demo', ...extraArgs],
    {
      env: {
        ...process.env,
        WORKSPACES_EUC_HTTP_TOKEN: TOKEN,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  running.push(child);
  const served = await new Promise<URL>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /listening on (\S+)/.exec(stderr);
      if (listening?.[1]) resolve(new URL(listening[1]));
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { process: child, url: served };
}

let url: URL;

beforeAll(async () => {
  url = (await startServer()).url;
}, 30_000);

afterAll(() => {
  for (const child of running) child.kill('SIGTERM');
});

async function connect(era: 'legacy' | 'modern', token = TOKEN, at: URL = url): Promise<Client> {
  const client = new Client(
    { name: 'http-serve-test', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  await client.connect(
    new StreamableHTTPClientTransport(at, {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

describe('serve --transport http on the demo estate, with a bearer token', () => {
  it('answers both protocol eras with the same tools, and calls a tool', async () => {
    const legacy = await connect('legacy');
    const modern = await connect('modern');
    const [legacyTools, modernTools] = await Promise.all([legacy.listTools(), modern.listTools()]);
    expect(legacyTools.tools.length).toBeGreaterThan(20);
    expect(modernTools.tools).toEqual(legacyTools.tools);
    for (const client of [legacy, modern]) {
      const result = await client.callTool({ name: 'find_workspaces', arguments: { state: 'UNHEALTHY' } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ summary: expect.stringContaining('UNHEALTHY') });
    }
    expect(legacy.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    expect(modern.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    await Promise.all([legacy.close(), modern.close()]);
  }, 60_000);

  it('refuses a client with the wrong token', async () => {
    await expect(connect('legacy', 'wrong-token-0123456789abcdef0123456789')).rejects.toThrow();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('the MCP Inspector CLI lists and calls tools with the token', async () => {
    const inspector = (args: string[]) =>
      run(process.execPath, [
        INSPECTOR,
        url.href,
        '--transport',
        'http',
        '--header',
        `Authorization: Bearer ${TOKEN}`,
        ...args,
      ]);
    const listed = JSON.parse((await inspector(['--method', 'tools/list'])).stdout) as {
      tools: { name: string }[];
    };
    expect(listed.tools.map((tool) => tool.name)).toContain('get_euc_inventory_summary');
    const called = JSON.parse(
      (await inspector(['--method', 'tools/call', '--tool-name', 'get_euc_inventory_summary'])).stdout,
    ) as { isError?: boolean; structuredContent?: { summary?: string } };
    expect(called.isError).toBeFalsy();
    expect(called.structuredContent?.summary).toMatch(/WorkSpaces/);
    await expect(
      run(process.execPath, [INSPECTOR, url.href, '--transport', 'http', '--method', 'tools/list']),
    ).rejects.toThrow();
  }, 60_000);

  it('a write planned on one replica is confirmed on another that shares the plan key, and only there', async () => {
    const key = { WORKSPACES_EUC_PLAN_KEY: 'shared-plan-key-0123456789abcdef0123456789' };
    // Separate state folders: no replica could fall back on a key file another one made.
    const state = () => ({ XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'euc-http-state-')) });
    const [first, second, stranger] = await Promise.all([
      startServer(['--enable-writes'], { ...key, ...state() }),
      startServer(['--enable-writes'], { ...key, ...state() }),
      startServer(['--enable-writes'], {
        WORKSPACES_EUC_PLAN_KEY: 'another-plan-key-0123456789abcdef01234567',
        ...state(),
      }),
    ]);
    const [onFirst, onSecond, onStranger] = await Promise.all([
      connect('modern', TOKEN, first.url),
      connect('modern', TOKEN, second.url),
      connect('modern', TOKEN, stranger.url),
    ]);
    const found = (await onFirst.callTool({ name: 'find_workspaces', arguments: { state: 'AVAILABLE' } }))
      .structuredContent as { rows: { workspaceId: string; runningMode: string }[] };
    const target = found.rows.find((row) => row.runningMode === 'AUTO_STOP')?.workspaceId;
    expect(target).toBeDefined();
    const plan = (await onFirst.callTool({ name: 'stop_workspaces', arguments: { workspaceIds: [target] } }))
      .structuredContent as { status: string; planId: string };
    expect(plan.status).toBe('planned');
    const confirm = { workspaceIds: [target], confirm: true, planId: plan.planId };
    const elsewhere = await onStranger.callTool({ name: 'stop_workspaces', arguments: confirm });
    expect(elsewhere.structuredContent).toMatchObject({ status: 'refused' });
    const applied = await onSecond.callTool({ name: 'stop_workspaces', arguments: confirm });
    expect(applied.structuredContent).toMatchObject({ status: 'applied' });
    await Promise.all([onFirst.close(), onSecond.close(), onStranger.close()]);
  }, 90_000);
});
