import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Start-up time is mostly module loading, and the AWS SDK clients are the heaviest modules. A
// plugin declares its tools (schemas, tiers, IAM lists) without loading any client; the clients
// load when a tool first calls AWS. Each check runs a fresh process with a resolve hook that
// reports every @aws-sdk/client-* package it resolves.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const recorder = path.join(root, 'test/fixtures/sdk-load-recorder.mjs');
const bin = path.join(root, 'bin/workspaces-euc-mcp.js');
const env = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function sdkLoadsIn(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('SDK-LOAD '))
    .map((line) => line.slice('SDK-LOAD '.length));
}

/** The SDK client packages a fresh process resolves while importing `specifier`. */
function sdkClientsLoadedBy(specifier: string): string[] {
  const run = spawnSync(
    process.execPath,
    ['--import', recorder, '--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`importing ${specifier} failed: ${run.stderr}`);
  return sdkLoadsIn(run.stderr);
}

/** The SDK client packages the bundled distribution's CLI resolves running `args`. */
function sdkClientsLoadedByCli(args: readonly string[]): {
  status: number | null;
  stdout: string;
  loads: string[];
} {
  const run = spawnSync(process.execPath, ['--import', recorder, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { status: run.status, stdout: run.stdout, loads: sdkLoadsIn(run.stderr) };
}

/** Serves over stdio until `tools/list` is answered; the tool count and the SDK clients resolved. */
function sdkClientsLoadedByServe(): Promise<{ tools: number; loads: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', recorder, bin, 'serve'], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    let tools = 0;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of stdout.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] } };
        if (message.id === 2 && tools === 0) {
          tools = message.result?.tools?.length ?? 0;
          child.stdin.end(); // the client goes away: the server exits
        }
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ tools, loads: sdkLoadsIn(stderr) }));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
  });
}

describe('start-up loads no AWS SDK client', () => {
  it('the host plugin API and runtime', () => {
    expect(sdkClientsLoadedBy('@workspaces-euc-mcp/host')).toEqual([]);
    expect(sdkClientsLoadedBy('@workspaces-euc-mcp/host/runtime')).toEqual([]);
  });

  it.each(['personal', 'pools', 'applications', 'secure-browser', 'core-instances', 'cost', 'audit'])(
    'plugin-%s',
    (plugin) => {
      expect(sdkClientsLoadedBy(`@workspaces-euc-mcp/plugin-${plugin}`)).toEqual([]);
    },
  );
});

describe('the bundled distribution (dist/, what the published package runs) loads no SDK client to start', () => {
  it('is built', () => {
    expect(existsSync(path.join(root, 'dist/workspaces-euc-mcp.js')), 'run `npm run build`').toBe(true);
  });

  it('tools: every first-party plugin loaded and its tools listed, no client', () => {
    const run = sdkClientsLoadedByCli(['tools', '--json']);
    expect(run.status).toBe(0);
    const plugins = new Set((JSON.parse(run.stdout) as { plugin: string }[]).map((row) => row.plugin));
    expect(plugins.size).toBe(8); // the host's own tools and the seven first-party plugins
    expect(run.loads).toEqual([]);
  });

  it('serve: initialize and tools/list answered, no client', async () => {
    const served = await sdkClientsLoadedByServe();
    expect(served.tools).toBeGreaterThan(20);
    expect(served.loads).toEqual([]);
  });

  it('a tool that calls AWS loads the clients it needs (the recorder sees them)', () => {
    const run = sdkClientsLoadedByCli(['call', 'get_euc_inventory_summary', '--demo']);
    expect(run.status).toBe(0);
    expect(run.loads).toContain('@aws-sdk/client-workspaces');
  });
});
