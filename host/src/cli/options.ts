import { parseArgs } from 'node:util';
import { MAX_BULK_TARGETS_CEILING } from '../config/schema.js';
import type { LogLevel } from '../logger.js';

/** The subcommands of `workspaces-euc-mcp`. */
export type Command = 'serve' | 'tools' | 'iam-policy' | 'call';
const COMMANDS: readonly Command[] = ['serve', 'tools', 'iam-policy', 'call'];

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

/** Parses argv (without node and script). Throws UsageError on unknown or bad flags. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command: Command = first === undefined ? 'serve' : (first as Command);
  if (!COMMANDS.includes(command))
    throw new UsageError(`Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.`);
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
  };
}

/** `--help` text per command. */
export const HELP: Readonly<Record<Command | 'main', string>> = {
  main: `workspaces-euc-mcp — MCP server for Amazon WorkSpaces End User Computing

Usage: workspaces-euc-mcp [command] [options]

Commands:
  serve               Serve MCP over stdio (default)
  tools               List registered tools, and why the others are not
  iam-policy          Print the least-privilege IAM policy for the effective tool set
  call TOOL [JSON]    Run one tool and print its structured result

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
  --demo-size N             Desktops in the demo estate (default 200)
  --demo-seed S             Seed of the demo estate (default 42)
  --trace                   Print AWS request counts per tool call to stderr
  --log-level LEVEL         debug | info | warn | error (default info)
  -h, --help                Help (also: workspaces-euc-mcp COMMAND --help)
  --version                 Print the version`,
  serve: `workspaces-euc-mcp serve [options]

Serves MCP over stdio. Logs go to stderr and MCP logging notifications, never stdout.
Registered tools = plugins in the config ∧ tools the config allows ∧ tiers the flags allow.`,
  tools: `workspaces-euc-mcp tools [options] [--json | --markdown]

Lists every tool of the loaded plugins with its tier, plugin and IAM actions, and whether it is
registered under the current flags and config (and why not).`,
  'iam-policy': `workspaces-euc-mcp iam-policy [options] [--tier N] [--all-tiers] [--write-dir DIR [--check]]

Prints the least-privilege IAM policy (JSON) for exactly the tools that would be registered.
  --tier N          Only the additive layer for tier N
  --all-tiers       As if every tier were enabled
  --write-dir DIR   Write tier0-diagnostics.json … tier3-destructive.json and README.md to DIR
  --check           With --write-dir: compare instead of writing; exit 1 when DIR differs
  --account ID      Scope write tiers to this account's resource ARNs (repeatable; else the
                    config targets' accounts); with --region, to that region's ARNs
  --scope-tag K=V   Add an aws:ResourceTag/K = V condition to write actions that support it
                    (repeatable); actions that cannot be scoped stay "*" in their own statement
  --launcher        Also print the launching identity's policy: sts:AssumeRole on the
                    configured role ARNs only`,
  call: `workspaces-euc-mcp call TOOL [JSON] [options]

Runs one registered tool with JSON arguments (default {}) and prints its structured result.
Exit code 1 when the tool reports an error (the message goes to stderr).
Example: workspaces-euc-mcp call get_euc_inventory_summary --demo`,
};
