import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { accountFromRoleArn } from '../aws/context.js';
import { effectiveIam } from '../host.js';
import {
  additiveTierActions,
  iamReadme,
  type PolicyDocument,
  policyDocument,
  type ToolIam,
  unionActions,
} from '../iam/policy.js';
import { isScoped, launcherPolicy, type PolicyScope, scopedPolicy } from '../iam/scope.js';
import { TIER_POLICY_NAMES, type Tier } from '../plugin-api/types.js';
import { lookupAction } from '../registry/iam-reference.js';
import type { Bootstrapped } from './bootstrap.js';
import type { CliCommand, CliIo } from './command.js';
import { type CliOptions, UsageError } from './options.js';

const TIERS: readonly Tier[] = [0, 1, 2, 3];

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

/** Flags win; otherwise the config targets' accounts and regions scope the write tiers. */
function policyScope(booted: Bootstrapped, options: CliOptions): PolicyScope {
  const targets = booted.config.config.targets ?? [];
  const configAccounts = targets.flatMap((t) => {
    const account = t.account ?? (t.roleArn ? accountFromRoleArn(t.roleArn) : undefined);
    return account ? [account] : [];
  });
  const configRegions = targets.flatMap((t) => t.regions ?? []);
  return {
    accounts: [...new Set(options.accounts.length > 0 ? options.accounts : configAccounts)],
    regions: [...new Set(options.region ? [options.region] : configRegions)],
    tags: options.scopeTags,
  };
}

async function tierDocument(
  tier: Tier,
  actions: readonly string[],
  scope: PolicyScope,
): Promise<PolicyDocument> {
  const sid = `WorkspacesEuc${TIER_POLICY_NAMES[tier]}`;
  if (tier >= 2 && isScoped(scope)) return scopedPolicy([], actions, scope, sid.replace(/[^A-Za-z0-9]/g, ''));
  return policyDocument(actions, sid);
}

async function effectiveDocument(tools: readonly ToolIam[], scope: PolicyScope): Promise<PolicyDocument> {
  const layers = additiveTierActions(tools);
  const reads = [...layers[0], ...layers[1]];
  const writes = [...layers[2], ...layers[3]];
  if (writes.length > 0 && isScoped(scope)) return scopedPolicy(reads, writes, scope, 'WorkspacesEucMcp');
  return policyDocument(unionActions(tools), 'WorkspacesEucMcp');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function accessLevels(tools: readonly ToolIam[]): Promise<Record<string, string>> {
  const levels: Record<string, string> = {};
  for (const action of unionActions(tools))
    levels[action] = (await lookupAction(action))?.accessLevel ?? 'unknown';
  return levels;
}

function roleArns(booted: Bootstrapped, options: CliOptions): string[] {
  const arns = (booted.config.config.targets ?? []).flatMap((t) => (t.roleArn ? [t.roleArn] : []));
  if (options.assumeRoleArn) arns.push(options.assumeRoleArn);
  if (arns.length === 0)
    throw new UsageError(
      '--launcher needs role ARNs: list targets with roleArn in the config, or pass --assume-role-arn.',
    );
  return arns;
}

async function writeOrCheck(
  booted: Bootstrapped,
  options: CliOptions,
  io: CliIo,
  dir: string,
): Promise<number> {
  // The checked-in files cover every tier of every tool the config allows, whatever the flags.
  const tools = toolIamList(booted, (blockedBy) => blockedBy !== 'config');
  const scope = policyScope(booted, options);
  const layers = additiveTierActions(tools);
  const files: Record<string, string> = {};
  for (const tier of TIERS)
    files[`${TIER_POLICY_NAMES[tier]}.json`] = json(await tierDocument(tier, layers[tier], scope));
  if (options.launcher) files['launcher.json'] = json(launcherPolicy(roleArns(booted, options)));
  files['README.md'] = iamReadme(tools, await accessLevels(tools));
  const target = path.resolve(io.cwd, dir);
  if (options.check) {
    const stale = Object.entries(files).filter(([name, content]) => {
      try {
        return readFileSync(path.join(target, name), 'utf8') !== content;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      io.stderr(
        `IAM drift: ${stale.map(([name]) => path.join(dir, name)).join(', ')} differ from the tools' declared actions. Run \`npm run iam:write\` and commit the result.`,
      );
      return 1;
    }
    io.stderr(`IAM files in ${dir} match the declared actions.`);
    return 0;
  }
  mkdirSync(target, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(target, name), content);
  io.stderr(`Wrote ${Object.keys(files).length} files to ${dir}.`);
  return 0;
}

/**
 * Why the tier layer `--tier N` asked for has no action, from the registration decisions of that
 * tier's tools; undefined when tools are included and every action they need is already granted
 * by a lower tier (a legitimately empty additive layer).
 */
export function emptyLayerReason(
  booted: Bootstrapped,
  tier: Tier,
  included: (blockedBy: string | null) => boolean,
): string | undefined {
  const ofTier = booted.host.decisions.filter((decision) => decision.tool.tier === tier);
  if (ofTier.length === 0)
    return `no loaded plugin has a tier ${tier} tool (plugins: ${booted.plugins.map((p) => p.plugin.name).join(', ') || 'none'})`;
  if (ofTier.some((decision) => included(decision.blockedBy))) return undefined;
  const reasons = [...new Set(ofTier.map((decision) => decision.reason))];
  const byConfig = ofTier.some(
    (decision) => decision.blockedBy === 'config' || decision.blockedBy === 'maxTier',
  );
  const where = byConfig && booted.config.filepath ? ` (config: ${booted.config.filepath})` : '';
  const flagHint = ofTier.some((decision) => decision.blockedBy === 'flags')
    ? '; add that flag for the layer this launch would need, or --all-tiers for the layer whatever the flags'
    : '';
  return `every tier ${tier} tool is left out: ${reasons.join('; ')}${where}${flagHint}`;
}

/**
 * `--tier N`: the additive layer for tier N of the tools this launch registers (so it follows
 * --enable-writes/--enable-destructive like the default policy does); with `--all-tiers`, of every
 * tool the config allows, whatever the flags. An empty layer is refused with the reason, since an
 * empty Statement list is not a policy anyone can attach.
 */
async function runTierLayer(
  booted: Bootstrapped,
  options: CliOptions,
  io: CliIo,
  tier: Tier,
): Promise<number> {
  const included = (blockedBy: string | null) =>
    options.allTiers ? blockedBy !== 'config' && blockedBy !== 'maxTier' : blockedBy === null;
  const tools = toolIamList(booted, included);
  const layer = additiveTierActions(tools)[tier];
  if (layer.length === 0) {
    const reason = emptyLayerReason(booted, tier, included);
    if (reason !== undefined)
      throw new UsageError(`iam-policy --tier ${tier}: the layer is empty because ${reason}.`);
    io.stderr(
      `The tier ${tier} layer adds no action: every action its tools need is already in a lower tier's policy.`,
    );
  }
  const document = await tierDocument(tier, layer, policyScope(booted, options));
  io.stdout(
    json(
      options.launcher ? { launcher: launcherPolicy(roleArns(booted, options)), target: document } : document,
    ),
  );
  return 0;
}

/** `iam-policy`: the effective policy, one tier layer, or the `iam/` files (written or checked). */
export async function runIamPolicy(booted: Bootstrapped, options: CliOptions, io: CliIo): Promise<number> {
  if (options.writeDir !== undefined) return writeOrCheck(booted, options, io, options.writeDir);
  if (options.tier !== undefined) return runTierLayer(booted, options, io, options.tier as Tier);
  const tools = toolIamList(booted, (blockedBy) =>
    options.allTiers ? blockedBy !== 'config' && blockedBy !== 'maxTier' : blockedBy === null,
  );
  const document = await effectiveDocument(tools, policyScope(booted, options));
  io.stdout(
    json(
      options.launcher ? { launcher: launcherPolicy(roleArns(booted, options)), target: document } : document,
    ),
  );
  return 0;
}

/** `iam-policy`: the least-privilege policy of exactly the tools a launch registers. */
export const iamPolicyCommand: CliCommand = {
  usage: 'iam-policy',
  summary: 'Print the least-privilege IAM policy for the effective tool set',
  help: `workspaces-euc-mcp iam-policy [options] [--tier N] [--all-tiers] [--write-dir DIR [--check]]

Prints the least-privilege IAM policy (JSON) for exactly the tools that would be registered.
  --tier N          Only the additive layer for tier N of the tools this launch registers
                    (so --tier 2 needs --enable-writes); an empty layer is an error saying why
  --all-tiers       As if every tier were enabled (the config's maxTier and lists still apply);
                    with --tier N: the tier N layer whatever the flags
  --write-dir DIR   Write tier0-diagnostics.json … tier3-destructive.json and README.md to DIR
  --check           With --write-dir: compare instead of writing; exit 1 when DIR differs
  --account ID      Scope write tiers to this account's resource ARNs (repeatable; else the
                    config targets' accounts); with --region, to that region's ARNs
  --scope-tag K=V   Add an aws:ResourceTag/K = V condition to write actions that support it
                    (repeatable); actions that cannot be scoped stay "*" in their own statement
  --launcher        Also print the launching identity's policy: sts:AssumeRole on the
                    configured role ARNs only`,
  async run({ options, io, boot }) {
    return runIamPolicy(await boot(), options, io);
  },
};
