import { ConfigError } from '../config/load.js';
import { effectiveIam } from '../host.js';
import { PluginError } from '../registry/validate-plugin.js';
import { type Bootstrapped, bootstrap, type CliIo, hostVersion } from './bootstrap.js';
import { type CliOptions, HELP, parseCli, UsageError } from './options.js';
import { quietSdkRuntimeWarnings } from './sdk-warnings.js';

export type { CliIo } from './bootstrap.js';

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

function runTools(booted: Bootstrapped, options: CliOptions, io: CliIo): number {
  const rows = booted.host.decisions.map((d) => ({
    tool: d.tool.name,
    plugin: d.plugin,
    tier: d.tool.tier,
    registered: d.registered,
    reason: d.reason,
    iam: effectiveIam(d.tool, booted.host.contributions),
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
    `${registered.length} of ${rows.length} tools registered (plugins: ${booted.plugins.map((p) => p.plugin.name).join(', ') || 'none'}; config: ${booted.config.filepath ?? 'none, defaults'})`,
    '',
    ...rows.map(
      (r) =>
        `${r.registered ? '+' : '-'} ${r.tool.padEnd(40)} tier ${r.tier}  ${r.plugin.padEnd(42)} ${r.registered ? `${r.iam.length} IAM actions` : r.reason}`,
    ),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

async function runCall(booted: Bootstrapped, options: CliOptions, io: CliIo): Promise<number> {
  const [toolName, rawArgs] = options.positionals;
  if (!toolName) throw new UsageError('call needs a tool name: workspaces-euc-mcp call TOOL [JSON]');
  let args: unknown = {};
  if (rawArgs !== undefined) {
    try {
      args = JSON.parse(rawArgs);
    } catch (error) {
      throw new UsageError(`The arguments for ${toolName} are not valid JSON: ${(error as Error).message}`);
    }
  }
  const result = await booted.host.invoke(toolName, args);
  if (options.trace)
    io.stderr(`AWS requests for ${toolName}: ${JSON.stringify(result.calls.countsByAction())}`);
  if (booted.demoDescription) io.stderr(`Demo data: ${booted.demoDescription}`);
  if (!result.ok) {
    io.stderr(result.text);
    return 1;
  }
  io.stdout(`${JSON.stringify(result.structured, null, 2)}\n`);
  return 0;
}

async function runServe(booted: Bootstrapped): Promise<number> {
  const { createMcpServer, serveStdio } = await import('../mcp/server.js');
  const { server, logSink } = createMcpServer(booted.host, {
    name: 'workspaces-euc-mcp',
    version: hostVersion(),
    ...(booted.demoDescription
      ? {
          extraInstructions: `DEMO MODE: every answer comes from a simulated estate, not AWS. ${booted.demoDescription}`,
        }
      : {}),
  });
  booted.logSinks.push(logSink);
  await serveStdio(server);
  return 0;
}

/** Runs the CLI; returns the process exit code. Never throws for user errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  quietSdkRuntimeWarnings();
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${HELP.main}`);
    return 2;
  }
  if (options.version) {
    io.stdout(`${hostVersion()}\n`);
    return 0;
  }
  if (options.help) {
    io.stdout(`${argv.some((a) => a === options.command) ? HELP[options.command] : HELP.main}\n`);
    return 0;
  }
  let booted: Bootstrapped | undefined;
  try {
    booted = await bootstrap(options, io);
    switch (options.command) {
      case 'tools':
        return runTools(booted, options, io);
      case 'iam-policy':
        return await (await import('./iam-policy-command.js')).runIamPolicy(booted, options, io);
      case 'call':
        return await runCall(booted, options, io);
      case 'serve':
        return await runServe(booted);
      default: {
        const unreachable: never = options.command;
        throw new UsageError(`Unknown command ${String(unreachable)}`);
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof PluginError) {
      io.stderr(error.message);
      return 2;
    }
    throw error;
  } finally {
    booted?.close();
  }
}
