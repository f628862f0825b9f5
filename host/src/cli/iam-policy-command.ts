import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { effectiveIam } from '../host.js';
import {
  additiveTierActions,
  iamReadme,
  policyDocument,
  type ToolIam,
  tierPolicyFiles,
  unionActions,
} from '../iam/policy.js';
import { TIER_POLICY_NAMES, type Tier } from '../plugin-api/types.js';
import type { Bootstrapped } from './bootstrap.js';
import type { CliIo } from './main.js';
import type { CliOptions } from './options.js';

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

/** `iam-policy`: the effective policy, one tier layer, or the `iam/` files (written or checked). */
export function runIamPolicy(booted: Bootstrapped, options: CliOptions, io: CliIo): number {
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
