import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The proof that docs/plugin-authoring.md works from outside this repository: scaffold a plugin
// in a temp folder, write the guide's files into it, install the packed host, test kit and
// simulator as an author installs the published ones, build it, run its own tests, list it in a
// config file, and talk to it through a real stdio MCP session of the distribution's binary.
// Needs the repo built (`npm run build`); the npm install reads the npm cache first.
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DISTRIBUTION_CLI = path.join(repo, 'bin/workspaces-euc-mcp.js');
// The host package's own binary: the same CLI, with the scaffold's templates in its package.
const HOST_CLI = path.join(repo, 'host/dist/cli/bin.js');
const GUIDE = path.join(repo, 'docs/plugin-authoring.md');
const PLUGIN = 'euc-modes';
const DEMO_DESKTOPS = 150;

/** The guide's code blocks that are files (```ts file=src/index.ts), by path. */
function guideFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of markdown.matchAll(/^```[a-z]+ file=(\S+)\n([\s\S]*?)^```$/gm))
    files.set(match[1] ?? '', match[2] ?? '');
  return files;
}

// Nested npm runs must not inherit the outer npm's workspace and prefix settings.
const env = Object.fromEntries(
  Object.entries({ ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }).filter(
    ([name, value]) => !name.toLowerCase().startsWith('npm_') && value !== undefined,
  ),
) as Record<string, string>;

const timings: Record<string, number> = {};
function step(label: string, command: string, args: readonly string[], cwd: string): string {
  const started = Date.now();
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${label} failed: ${command} ${args.join(' ')}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`,
    );
  } finally {
    timings[label] = Date.now() - started;
  }
}

let work = '';
let pluginDir = '';
let configFile = '';
let ownTests: { status: number | null; output: string } = { status: null, output: '' };

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'euc-plugin-proof-'));
  const packs = path.join(work, 'packs');
  mkdirSync(packs);
  step(
    'pack',
    'npm',
    ['pack', '-w', 'host', '-w', 'testing', '-w', 'simulator', '--pack-destination', packs],
    repo,
  );
  pluginDir = path.join(work, PLUGIN);
  step('scaffold', process.execPath, [HOST_CLI, 'create-plugin', PLUGIN], work);
  for (const [file, text] of guideFiles(readFileSync(GUIDE, 'utf8'))) {
    mkdirSync(path.dirname(path.join(pluginDir, file)), { recursive: true });
    writeFileSync(path.join(pluginDir, file), text);
  }
  configFile = path.join(pluginDir, 'workspaces-euc.json');
  const tarballs = readdirSync(packs).map((file) => path.join(packs, file));
  step(
    'install',
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '-D', ...tarballs],
    pluginDir,
  );
  step('build', 'npm', ['run', 'build'], pluginDir);
  const started = Date.now();
  const run = spawnSync('npm', ['test'], {
    cwd: pluginDir,
    env: { ...env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  timings.test = Date.now() - started;
  ownTests = { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}, 400_000);

afterAll(() => {
  process.stderr.write(`plugin-authoring proof steps (ms): ${JSON.stringify(timings)}\n`);
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

async function session<T>(flags: readonly string[], use: (client: Client) => Promise<T>): Promise<T> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      DISTRIBUTION_CLI,
      'serve',
      '--demo',
      '--demo-size',
      String(DEMO_DESKTOPS),
      '--config',
      configFile,
      ...flags,
    ],
    cwd: pluginDir,
    env,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'plugin-authoring-proof', version: '1.0.0' });
  await client.connect(transport);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

function iamActions(flags: readonly string[]): string[] {
  const policy = JSON.parse(
    step(
      'iam-policy',
      process.execPath,
      [DISTRIBUTION_CLI, 'iam-policy', '--config', configFile, ...flags],
      pluginDir,
    ),
  ) as { Statement: { Action: string | string[] }[] };
  return policy.Statement.flatMap((s) => s.Action);
}

describe('a plugin written from docs/plugin-authoring.md, outside the repository', () => {
  it('every TypeScript and JSON sample of the guide is a file the proof builds', () => {
    const markdown = readFileSync(GUIDE, 'utf8');
    const unnamed = [...markdown.matchAll(/^```(ts|typescript|json)$/gm)];
    expect(unnamed, 'a code sample without file=').toEqual([]);
    expect([...guideFiles(markdown).keys()]).toContain('src/index.ts');
  });

  it('builds against the packed host and passes its own tests and IAM proof', () => {
    expect(ownTests.status, ownTests.output.slice(-3000)).toBe(0);
    // The scaffold's read-tool test, the guide's write-tool test and the guide's IAM proof.
    expect(ownTests.output).toMatch(/Test Files\s+3 passed \(3\)/);
  });

  it('over MCP, its read tool is registered and answers for the simulated estate; its write tool is not', async () => {
    await session([], async (client) => {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('count_workspaces_by_running_mode');
      expect(names).not.toContain('reboot_unhealthy_desktops');
      const counted = await client.callTool({ name: 'count_workspaces_by_running_mode', arguments: {} });
      expect(counted.isError ?? false).toBe(false);
      expect((counted.structuredContent as { total: number }).total).toBe(DEMO_DESKTOPS);
      const inventory = await client.callTool({ name: 'get_euc_inventory_summary', arguments: {} });
      expect(JSON.stringify(inventory.structuredContent)).toContain('Custom bundle');
    });
  }, 30_000);

  it('with --enable-writes its tier 2 tool is registered and plans without changing anything', async () => {
    await session(['--enable-writes'], async (client) => {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('reboot_unhealthy_desktops');
      const planned = await client.callTool({
        name: 'reboot_unhealthy_desktops',
        arguments: { workspaceIds: ['ws-00000000a'], region: 'us-east-1' },
      });
      expect(planned.isError ?? false).toBe(false);
      expect(JSON.stringify(planned.structuredContent)).toContain('not found in this region');
    });
  }, 30_000);

  it("iam-policy includes its tools' and its contribution's actions, the write only with writes enabled", () => {
    const reads = iamActions([]);
    expect(reads).toEqual(
      expect.arrayContaining(['workspaces:DescribeWorkspaces', 'workspaces:DescribeWorkspaceBundles']),
    );
    expect(reads).not.toContain('workspaces:RebootWorkspaces');
    expect(iamActions(['--enable-writes'])).toContain('workspaces:RebootWorkspaces');
  }, 30_000);
});
