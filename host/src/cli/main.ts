import { quietSdkRuntimeWarnings } from '../aws/sdk-warnings.js';
import { ConfigError } from '../config/load.js';
import { PluginError } from '../registry/validate-plugin.js';
import { type Bootstrapped, bootstrap, hostVersion } from './bootstrap.js';
import { callCommand } from './call-command.js';
import type { CliCommand, CliIo } from './command.js';
import { createPluginCommand } from './create-plugin.js';
import { EXIT } from './exit-codes.js';
import { iamPolicyCommand } from './iam-policy-command.js';
import { type CliOptions, mainHelp, parseCli, UsageError } from './options.js';
import { explainPluginError } from './plugin-errors.js';
import { serveCommand } from './serve-command.js';
import { toolsCommand } from './tools-command.js';

export type { CliIo } from './command.js';

/**
 * The subcommands, in the order `--help` lists them. A new command is one entry here and a file
 * of its own exporting a CliCommand.
 */
const COMMANDS: Readonly<Record<string, CliCommand>> = {
  serve: serveCommand,
  tools: toolsCommand,
  'iam-policy': iamPolicyCommand,
  call: callCommand,
  'create-plugin': createPluginCommand,
};

/** The main `--help`, listing the commands of the table. */
export function helpText(): string {
  return mainHelp(Object.values(COMMANDS));
}

/** Parses argv against the command table (its names and each command's own flags). */
export function parseCommandLine(argv: readonly string[]): CliOptions {
  return parseCli(argv, COMMANDS);
}

/** A config file that exists but holds nothing is easy to mistake for one that is read. */
function configNotice(booted: Bootstrapped): string | undefined {
  const { filepath, config } = booted.config;
  if (filepath === undefined || Object.keys(config).length > 0) return undefined;
  return `Config ${filepath} is empty: it changes nothing, so every first-party plugin loads with default limits and no targets (credentials and region from the standard AWS chain).`;
}

/** Runs the CLI; returns the process exit code (exit-codes.ts). Never throws for user errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  quietSdkRuntimeWarnings();
  let options: CliOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\nSee: workspaces-euc-mcp --help`);
    return EXIT.usage;
  }
  if (options.version) {
    io.stdout(`${hostVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[options.command];
  if (command === undefined) return EXIT.usage; // parseCli accepts only the table's names
  // `call TOOL --help` needs the tool, so the command answers it; other --help needs no host.
  const asksToolHelp = command === callCommand && options.positionals.length > 0;
  if (options.help && !asksToolHelp) {
    io.stdout(`${argv.includes(options.command) ? command.help : helpText()}\n`);
    return EXIT.ok;
  }
  const started: { booted?: Bootstrapped } = {};
  const boot = async (): Promise<Bootstrapped> => {
    if (started.booted) return started.booted;
    const booted = await bootstrap(options, io);
    started.booted = booted;
    const notice = configNotice(booted);
    if (notice && options.logLevel !== 'error') io.stderr(notice);
    return booted;
  };
  try {
    return await command.run({ options, io, boot });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(error.message);
      return EXIT.usage;
    }
    if (error instanceof PluginError) {
      io.stderr(explainPluginError(error.message, io.defaultPlugins ?? []));
      return EXIT.usage;
    }
    throw error;
  } finally {
    started.booted?.close();
  }
}
