import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Tool } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { beforeAll, describe, expect, it } from 'vitest';

// The LLM budget, proven on the wire. An assistant reads every tool's description and input schema
// at every connection, so the whole launch (every plugin, every tier) is measured as `tools/list`
// sends it, and each tool's definition is snapshotted in test/__toolsnaps__/ (as github-mcp-server
// does): a change to what the model reads fails here until it is reviewed and the snapshots are
// rewritten with `npm run toolsnaps:write`. The budget figures are a snapshot too, so the committed
// numbers are always the measured ones.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SNAP_DIR = path.join(root, 'test/__toolsnaps__');
const UPDATE = process.env.UPDATE_TOOLSNAPS === '1';

/** Bytes of description + input schema a tool costs an assistant; at most this many a tool. */
const TOOL_LIMIT = 1024;
/** At most this much for the whole launch, and at most 1 KB a tool on average. */
const TOTAL_LIMIT = 40 * 1024;

/** What the model reads of a tool. */
function modelBytes(tool: Tool): number {
  return Buffer.byteLength((tool.description ?? '') + JSON.stringify(tool.inputSchema));
}

/** The tool as the snapshot keeps it: everything `tools/list` sends, keys in a stable order. */
function snapshotOf(tool: Tool): string {
  const { name, title, description, inputSchema, outputSchema, annotations } = tool;
  return `${JSON.stringify({ name, title, description, annotations, inputSchema, outputSchema }, null, 2)}\n`;
}

async function listEveryTool(): Promise<Tool[]> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      path.join(root, 'bin/workspaces-euc-mcp.js'),
      'serve',
      '--demo',
      '--enable-writes',
      '--enable-destructive',
    ],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } as Record<
      string,
      string
    >,
    stderr: 'ignore',
  });
  const client = new Client({ name: 'toolsnaps', version: '1.0.0' });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools;
  } finally {
    await client.close();
  }
}

describe('the LLM budget of tools/list, every plugin and tier registered', () => {
  let tools: Tool[] = [];
  beforeAll(async () => {
    tools = await listEveryTool();
    if (UPDATE) {
      rmSync(SNAP_DIR, { recursive: true, force: true });
      mkdirSync(SNAP_DIR, { recursive: true });
      for (const tool of tools) writeFileSync(path.join(SNAP_DIR, `${tool.name}.json`), snapshotOf(tool));
      writeFileSync(path.join(SNAP_DIR, '_budget.json'), `${JSON.stringify(budgetOf(tools), null, 2)}\n`);
    }
  }, 30_000);

  it('every tool costs the model at most 1 KB of description and input schema', () => {
    const over = tools.filter((t) => modelBytes(t) > TOOL_LIMIT).map((t) => `${t.name}: ${modelBytes(t)} B`);
    expect(over).toEqual([]);
  });

  it('the whole launch fits 40 KB, and 1 KB a tool on average', () => {
    const total = tools.reduce((sum, t) => sum + modelBytes(t), 0);
    expect(total).toBeLessThanOrEqual(TOTAL_LIMIT);
    expect(total / tools.length).toBeLessThanOrEqual(TOOL_LIMIT);
  });

  it('every tool matches its reviewed snapshot (npm run toolsnaps:write after a reviewed change)', () => {
    const snapped = readdirSync(SNAP_DIR)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    expect(tools.map((t) => t.name).sort(), 'tools added or removed without a snapshot').toEqual(snapped);
    for (const tool of tools) {
      const committed = readFileSync(path.join(SNAP_DIR, `${tool.name}.json`), 'utf8');
      expect(snapshotOf(tool), `${tool.name} changed; review it, then npm run toolsnaps:write`).toBe(
        committed,
      );
    }
  });

  it('the committed budget figures are the measured ones', () => {
    const committed = JSON.parse(readFileSync(path.join(SNAP_DIR, '_budget.json'), 'utf8')) as unknown;
    expect(budgetOf(tools)).toEqual(committed);
  });
});

/** The figures a reviewer reads: totals, average, the largest tools, and what output schemas add. */
function budgetOf(tools: readonly Tool[]) {
  const total = tools.reduce((sum, t) => sum + modelBytes(t), 0);
  return {
    measuredAs: 'bytes of description + JSON input schema per tool, as tools/list sends them',
    launch: 'serve --demo --enable-writes --enable-destructive (every first-party plugin)',
    tools: tools.length,
    totalBytes: total,
    averageBytes: Math.round(total / Math.max(1, tools.length)),
    limits: { perTool: TOOL_LIMIT, total: TOTAL_LIMIT },
    largest: [...tools]
      .sort((a, b) => modelBytes(b) - modelBytes(a) || a.name.localeCompare(b.name))
      .slice(0, 5)
      .map((t) => ({ tool: t.name, bytes: modelBytes(t) })),
    toolsListBytes: Buffer.byteLength(JSON.stringify({ tools })),
  };
}
