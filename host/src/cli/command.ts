import type { CliIo as BootstrapIo, Bootstrapped } from './bootstrap.js';
import type { CliOptions, CommandFlags, CommandSummary } from './options.js';

/** Where the CLI reads and writes. */
export interface CliIo extends BootstrapIo {
  /** Whether stdin is a terminal (default: process.stdin.isTTY); `serve` then prints a hint. */
  readonly stdinIsTTY?: boolean;
}

/** What a command runs with. `boot` loads the config, the plugins and the host, once. */
export interface CommandContext {
  readonly options: CliOptions;
  readonly io: CliIo;
  boot(): Promise<Bootstrapped>;
}

/**
 * One subcommand: an entry of the command table in main.ts. A command that needs no host (e.g.
 * one that scaffolds files) never calls `boot`, so it runs without a config or AWS.
 */
export interface CliCommand extends CommandFlags, CommandSummary {
  /** `COMMAND --help`. */
  readonly help: string;
  /** Runs the command; returns the exit code (see exit-codes.ts). */
  run(context: CommandContext): Promise<number>;
}
