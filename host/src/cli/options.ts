import { type ParseArgsConfig, parseArgs } from 'node:util';
import { MAX_BULK_TARGETS_CEILING } from '../config/schema.js';
import type { LogLevel } from '../logger.js';
import { exitCodeLines } from './exit-codes.js';
import { didYouMean } from './suggest.js';

/**
 * A subcommand of `workspaces-euc-mcp` (`serve`, `tools`, `iam-policy`, `call`, …). The names are
 * the keys of the command table in main.ts; a command may declare flags of its own.
 */
export type Command = string;

/** What the parser needs to know of each command: its own flags, if any. */
export interface CommandFlags {
  readonly flags?: FlagDeclarations;
}

/** `call --format`: JSON for pipes (default), Markdown for a person. */
export type OutputFormat = 'json' | 'markdown';
const FORMATS: readonly OutputFormat[] = ['json', 'markdown'];

/** Flag declarations as node:util's parseArgs takes them. */
export type FlagDeclarations = NonNullable<ParseArgsConfig['options']>;

/** Parsed command line. */
export interface CliOptions {
  readonly command: Command;
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly config?: string;
  readonly enableWrites: boolean;
  readonly enableDestructive: boolean;
  readonly maxBulkTargets?: number;
  readonly region?: string;
  readonly profile?: string;
  readonly assumeRoleArn?: string;
  readonly externalId?: string;
  readonly ssoAutoLogin: boolean;
  readonly trace: boolean;
  readonly demo: boolean;
  readonly demoSize: number;
  readonly demoSeed: number;
  readonly logLevel: LogLevel;
  readonly json: boolean;
  /** tools: print the README's Markdown table of every tool. */
  readonly markdown: boolean;
  readonly tier?: number;
  readonly allTiers: boolean;
  readonly writeDir?: string;
  readonly check: boolean;
  /** iam-policy: scope write tiers to these accounts' ARNs. */
  readonly accounts: readonly string[];
  /** iam-policy: `key=value` tag conditions for write actions that support aws:ResourceTag. */
  readonly scopeTags: readonly string[];
  /** iam-policy: also emit the launching identity's AssumeRole policy. */
  readonly launcher: boolean;
  /** call: how the answer is printed. */
  readonly format: OutputFormat;
  /** call: the folder every attachment (embedded resource) of the answer is written to. */
  readonly out?: string;
  /** The values of the command's own flags (CommandFlags.flags), by flag name. */
  readonly commandFlags: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
}

/** A command line the CLI cannot act on; the message says which flag and why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function integerFlag(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

const GLOBAL_FLAGS = {
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  config: { type: 'string' },
  'enable-writes': { type: 'boolean', default: false },
  'enable-destructive': { type: 'boolean', default: false },
  'max-bulk-targets': { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  'assume-role-arn': { type: 'string' },
  'external-id': { type: 'string' },
  'sso-auto-login': { type: 'boolean', default: true },
  'no-sso-auto-login': { type: 'boolean', default: false },
  trace: { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  'demo-size': { type: 'string' },
  'demo-seed': { type: 'string' },
  'log-level': { type: 'string', default: 'info' },
  json: { type: 'boolean', default: false },
  markdown: { type: 'boolean', default: false },
  tier: { type: 'string' },
  'all-tiers': { type: 'boolean', default: false },
  'write-dir': { type: 'string' },
  check: { type: 'boolean', default: false },
  account: { type: 'string', multiple: true },
  'scope-tag': { type: 'string', multiple: true },
  launcher: { type: 'boolean', default: false },
  format: { type: 'string', default: 'json' },
  out: { type: 'string' },
} as const satisfies FlagDeclarations;

type GlobalValues = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof GLOBAL_FLAGS }>
>['values'];

/** node:util's parse error, with a "did you mean" for a mistyped flag. */
function flagError(error: unknown, flags: FlagDeclarations): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown === undefined) return new UsageError(message);
  const names = Object.keys(flags).map((name) => `--${name}`);
  return new UsageError(`Unknown option ${unknown}.${didYouMean(unknown, names, '')}`);
}

/**
 * Parses argv (without node and script) against the command table's names and flags. Throws
 * UsageError on unknown or bad flags and commands, suggesting the likely intended name. Without a
 * table (a library caller building options for `bootstrap`, e.g. the benchmark), the command name
 * is taken as given and no command has flags of its own.
 */
export function parseCli(
  argv: readonly string[],
  commands?: Readonly<Record<Command, CommandFlags>>,
): CliOptions {
  // First pass, lenient: which command is it? Its own flags decide what the strict pass accepts.
  const first = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: GLOBAL_FLAGS })
    .positionals[0];
  const commandFlags =
    (commands && first !== undefined && Object.hasOwn(commands, first) ? commands[first]?.flags : {}) ?? {};
  const flags: FlagDeclarations = { ...commandFlags, ...GLOBAL_FLAGS };
  let values: GlobalValues;
  let positionals: string[];
  let own: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    const all = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: flags });
    // The global flags are declared with these types above; the command's own are read by name.
    values = all.values as GlobalValues;
    positionals = all.positionals;
    own = Object.fromEntries(Object.keys(commandFlags).map((name) => [name, all.values[name]]));
  } catch (error) {
    throw flagError(error, flags);
  }
  const [named, ...rest] = positionals;
  const command: Command = named ?? 'serve';
  if (commands && !Object.hasOwn(commands, command)) {
    const names = Object.keys(commands);
    throw new UsageError(
      `Unknown command "${command}".${didYouMean(command, names)} Commands: ${names.join(', ')}.`,
    );
  }
  if (!values.demo) {
    // Without --demo these would be ignored and the call would go to real AWS.
    const demoOnly = (['demo-size', 'demo-seed'] as const).filter((name) => values[name] !== undefined);
    if (demoOnly.length > 0)
      throw new UsageError(
        `${demoOnly.map((name) => `--${name}`).join(' and ')} only ${demoOnly.length === 1 ? 'applies' : 'apply'} with --demo; without --demo the call would go to your AWS account.`,
      );
  }
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(
      `--format must be json or markdown, got "${values.format}".${didYouMean(values.format, FORMATS)}`,
    );
  if (command !== 'call' && (values.out !== undefined || values.format !== 'json'))
    throw new UsageError(`--format and --out go with call, not ${command}.`);
  if (values['enable-destructive'] && !values['enable-writes'])
    throw new UsageError('--enable-destructive requires --enable-writes.');
  const logLevel = values['log-level'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new UsageError(`--log-level must be debug, info, warn or error, got "${logLevel}".`);
  if (values.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(values.region))
    throw new UsageError(`--region "${values.region}" is not an AWS region code such as eu-west-1.`);
  if (
    values['assume-role-arn'] !== undefined &&
    !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(values['assume-role-arn'])
  )
    throw new UsageError(`--assume-role-arn "${values['assume-role-arn']}" is not an IAM role ARN.`);
  if (values['external-id'] !== undefined && values['assume-role-arn'] === undefined)
    throw new UsageError('--external-id only applies with --assume-role-arn.');
  if (values.check && values['write-dir'] === undefined)
    throw new UsageError('--check goes with --write-dir.');
  return {
    command,
    positionals: rest,
    help: values.help,
    version: values.version,
    config: values.config,
    enableWrites: values['enable-writes'],
    enableDestructive: values['enable-destructive'],
    maxBulkTargets: integerFlag('max-bulk-targets', values['max-bulk-targets'], 1, MAX_BULK_TARGETS_CEILING),
    region: values.region,
    profile: values.profile,
    assumeRoleArn: values['assume-role-arn'],
    externalId: values['external-id'],
    ssoAutoLogin: values['sso-auto-login'] && !values['no-sso-auto-login'],
    trace: values.trace,
    demo: values.demo,
    demoSize: integerFlag('demo-size', values['demo-size'], 1, 100_000) ?? 200,
    demoSeed: integerFlag('demo-seed', values['demo-seed'], 0, 2 ** 31 - 1) ?? 42,
    logLevel: logLevel as LogLevel,
    json: values.json,
    markdown: values.markdown,
    tier: integerFlag('tier', values.tier, 0, 3),
    allTiers: values['all-tiers'],
    writeDir: values['write-dir'],
    check: values.check,
    accounts: (values.account ?? []).map((account) => {
      if (!/^\d{12}$/.test(account))
        throw new UsageError(`--account "${account}" is not a 12-digit AWS account id.`);
      return account;
    }),
    scopeTags: (values['scope-tag'] ?? []).map((tag) => {
      if (!/^[^=]{1,128}=[^=]{0,256}$/.test(tag))
        throw new UsageError(`--scope-tag "${tag}" must be key=value.`);
      return tag;
    }),
    launcher: values.launcher,
    format,
    ...(values.out !== undefined ? { out: values.out } : {}),
    commandFlags: own,
  };
}

/** One line of the main `--help` per command. */
export interface CommandSummary {
  /** e.g. `call TOOL [JSON]` */
  readonly usage: string;
  readonly summary: string;
}

/** The main `--help`: the commands (from the command table), the options every command takes, the exit codes. */
export function mainHelp(commands: readonly CommandSummary[]): string {
  const width = Math.max(18, ...commands.map((c) => c.usage.length));
  return `workspaces-euc-mcp — MCP server for Amazon WorkSpaces End User Computing

Usage: workspaces-euc-mcp [command] [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`).join('\n')}

Options (all commands):
  --config PATH             Config file (default: searched by cosmiconfig, key "workspaces-euc")
  --enable-writes           Register tier 2 (lifecycle) tools
  --enable-destructive      Register tier 3 (destructive) tools; needs --enable-writes
  --max-bulk-targets N      Blast-radius cap for one confirmed write (default 25, max ${MAX_BULK_TARGETS_CEILING})
  --region REGION           Default region (else AWS_REGION, then the profile's region)
  --profile NAME            AWS profile for the standard credential chain
  --assume-role-arn ARN     Assume this role (credentials refresh automatically)
  --external-id ID          External id for --assume-role-arn
  --no-sso-auto-login       Never open \`aws sso login\` on expired SSO credentials
                            (also WORKSPACES_EUC_SSO_AUTO_LOGIN=0)
  --demo                    Use the built-in simulated estate instead of AWS
  --demo-size N             With --demo: desktops in the demo estate (default 200)
  --demo-seed S             With --demo: seed of the demo estate (default 42)
  --trace                   Log the AWS requests of each tool call to stderr
  --log-level LEVEL         debug | info | warn | error (default info)
  -h, --help                Help (also: workspaces-euc-mcp COMMAND --help, call TOOL --help)
  --version                 Print the version

Exit codes (docs/cli.md):
${exitCodeLines()}`;
}
