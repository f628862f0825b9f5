import { effectiveIam } from '../host.js';
import type { Bootstrapped } from './bootstrap.js';
import type { CliCommand } from './command.js';
import { countOf } from './plural.js';
import { toolInputSchema } from './tool-help.js';

/** The README's tool table: every tool of the loaded plugins, whatever the flags. */
function toolsMarkdown(booted: Bootstrapped): string {
  const tiers = ['0 read', '1 cost', '2 write', '3 destructive'];
  const rows = [...booted.host.decisions]
    .sort(
      (a, b) =>
        a.plugin.localeCompare(b.plugin) ||
        a.tool.tier - b.tool.tier ||
        a.tool.name.localeCompare(b.tool.name),
    )
    .map(
      (d) =>
        `| \`${d.tool.name}\` | ${d.plugin.replace('@workspaces-euc-mcp/', '')} | ${tiers[d.tool.tier]} | ${d.tool.title} |`,
    );
  if (rows.length === 0) return '_No tools are implemented yet._';
  return ['| tool | plugin | tier | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** Where the config came from, as the `tools` header says it. */
export function configLabel(booted: Bootstrapped): string {
  const { filepath, config } = booted.config;
  if (filepath === undefined) return 'none found, defaults';
  return Object.keys(config).length === 0 ? `${filepath} (empty, defaults)` : filepath;
}

/** `tools`: every tool of the loaded plugins, registered or not (and why not). */
export const toolsCommand: CliCommand = {
  usage: 'tools',
  summary: 'List registered tools, and why the others are not',
  help: `workspaces-euc-mcp tools [options] [--json | --markdown]

Lists every tool of the loaded plugins with its tier, plugin and IAM actions, and whether it is
registered under the current flags and config (and why not).
  --json       One object per tool, with its input schema (what \`call TOOL --help\` prints)
  --markdown   The README's tool table`,
  async run({ options, io, boot }) {
    const booted = await boot();
    const rows = booted.host.decisions.map((d) => ({
      tool: d.tool.name,
      plugin: d.plugin,
      tier: d.tool.tier,
      registered: d.registered,
      reason: d.reason,
      iam: effectiveIam(d.tool, booted.host.contributions),
      inputSchema: toolInputSchema(d.tool),
    }));
    if (options.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (options.markdown) {
      io.stdout(`${toolsMarkdown(booted)}\n`);
      return 0;
    }
    const registered = rows.filter((r) => r.registered);
    const lines = [
      `${registered.length} of ${countOf(rows.length, 'tool')} registered (plugins: ${booted.plugins.map((p) => p.plugin.name).join(', ') || 'none'}; config: ${configLabel(booted)})`,
      '',
      ...rows.map(
        (r) =>
          `${r.registered ? '+' : '-'} ${r.tool.padEnd(40)} tier ${r.tier}  ${r.plugin.padEnd(42)} ${r.registered ? countOf(r.iam.length, 'IAM action') : r.reason}`,
      ),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
