import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/load.js';
import { effectiveIam } from '../host.js';
import {
  additiveTierActions,
  iamReadme,
  policyDocument,
  type ToolIam,
  tierPolicyFiles,
  unionActions,
} from '../iam/policy.js';
import { createMcpServer, serveStdio } from '../mcp/server.js';
import { TIER_POLICY_NAMES, type Tier } from '../plugin-api/types.js';
import { PluginError } from '../registry/validate-plugin.js';
import { type Bootstrapped, bootstrap, hostVersion, type ProcessEnvironment } from './bootstrap.js';
import { type CliOptions, HELP, parseCli, UsageError } from './options.js';

/** Where the CLI writes: stdout for results (or the MCP protocol), stderr for everything else. */
export interface CliIo extends ProcessEnvironment {
  readonly stdout: (text: string) => void;
}

function toolIamList(booted: Bootstrapped, include: (blockedBy: string | null) => boolean): ToolIam[] {
  return booted.host.decisions
    .filter((decision) => include(decision.blockedBy))
    .map((decision) => ({
      name: decision.tool.name,
      plugin: decision.plugin,
      tier: decision.tool.tier,
      iamActions: effectiveIam(decision.tool, booted.host.contributions),
    }));
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

function runIamPolicy(booted: Bootstrapped, options: CliOptions, io: CliIo): number {
  if (options.writeDir !== undefined) {
    // The checked-in files cover every tier of every tool the config allows, whatever the flags.
    const tools = toolIamList(booted, (blockedBy) => blockedBy !== 'config');
    const files: Record<string, string> = Object.fromEntries(
      Object.entries(tierPolicyFiles(tools)).map(([name, doc]) => [
        name,
        `${JSON.stringify(doc, null, 2)}\n`,
      ]),
    );
    files['README.md'] = iamReadme(tools);
    const dir = path.resolve(io.cwd, options.writeDir);
    if (options.check) {
      const stale = Object.entries(files).filter(([name, content]) => {
        try {
          return readFileSync(path.join(dir, name), 'utf8') !== content;
        } catch {
          return true;
        }
      });
      if (stale.length > 0) {
        io.stderr(
          `IAM drift: ${stale.map(([name]) => path.join(options.writeDir ?? '', name)).join(', ')} differ from the tools' declared actions. Run \`npm run iam:write\` and commit the result.`,
        );
        return 1;
      }
      io.stderr(`IAM files in ${options.writeDir} match the declared actions.`);
      return 0;
    }
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    io.stderr(`Wrote ${Object.keys(files).length} files to ${options.writeDir}.`);
    return 0;
  }
  const tools = toolIamList(booted, (blockedBy) =>
    options.allTiers || options.tier !== undefined
      ? blockedBy !== 'config' && blockedBy !== 'maxTier'
      : blockedBy === null,
  );
  if (options.tier !== undefined) {
    const tier = options.tier as Tier;
    io.stdout(
      `${JSON.stringify(policyDocument(additiveTierActions(tools)[tier], `WorkspacesEuc${TIER_POLICY_NAMES[tier]}`), null, 2)}\n`,
    );
    return 0;
  }
  io.stdout(`${JSON.stringify(policyDocument(unionActions(tools), 'WorkspacesEucMcp'), null, 2)}\n`);
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
        return runIamPolicy(booted, options, io);
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
