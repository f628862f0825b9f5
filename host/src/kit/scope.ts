import Type from 'typebox';
import { ToolError } from '../aws/errors.js';
import { partitionRegions } from '../aws/partitions.js';
import type { AwsAccess, Scope } from '../plugin-api/types.js';

export type { Scope } from '../plugin-api/types.js';

/** The pattern of an AWS region code (`eu-west-2`, `ap-southeast-5`, `us-gov-west-1`). */
export const REGION_PATTERN = '^[a-z]{2}(-[a-z]+)+-\\d$';

/**
 * A stable key for a scope, for memo and cache keys. A scope without an account resolves to the
 * first target, so a tool taking only a region and one given a whole scope share one scan.
 */
export function scopeKey(aws: AwsAccess, scope: Scope): string {
  return `${scope.account ?? aws.targets[0]?.account ?? ''}:${scope.region}`;
}

/** How a scope reads in answers: `us-east-1`, or `111122223333/us-east-1` when it names an account. */
export function scopeLabel(scope: Scope): string {
  return scope.account ? `${scope.account}/${scope.region}` : scope.region;
}

/** The optional `region` input of a tool that works in one region (default: the server's region). */
export const RegionInput = Type.Optional(
  Type.String({
    pattern: REGION_PATTERN,
    description: "AWS region, e.g. eu-west-1; default: the server's region.",
  }),
);

/** The scope of a one-region tool: its `region` input, else the server's region, in the first target. */
export function regionScope(aws: AwsAccess, region: string | undefined): Scope {
  return { region: region ?? aws.defaultRegion };
}

/**
 * Input fields every tool that answers for the estate takes to choose accounts and regions, and to
 * bypass the estate snapshot. They are deliberately bare (no patterns or bounds): every tool
 * carries them in the ~1 KB of schema and description an assistant pays for, the server's
 * instructions explain them once, and `selectScopes` checks them with errors naming the field.
 */
export const ScopeInput = {
  accounts: Type.Optional(Type.Array(Type.String())),
  regions: Type.Optional(Type.Array(Type.String(), { description: 'or ["all"]' })),
  fresh: Type.Optional(Type.Boolean({ description: 'skip snapshot' })),
};

/** What `selectScopes` reads from a tool's input. */
export interface ScopeSelection {
  readonly accounts?: readonly string[];
  /** Region codes, or `["all"]`: every region of each target's partition. */
  readonly regions?: readonly string[];
}

/** The `regions` value that means every region of the target's partition. */
export const ALL_REGIONS = 'all';

const REGION = new RegExp(REGION_PATTERN);

/** Checks the shape `ScopeInput` leaves to code, so a bad value gets an error naming its field. */
function checkSelection(selection: ScopeSelection): void {
  if (selection.accounts !== undefined) {
    if (selection.accounts.length > 50) throw new ToolError('InvalidInput', 'accounts: at most 50 entries.');
    const blank = selection.accounts.findIndex((a) => a.trim() === '' || a.length > 64);
    if (blank >= 0)
      throw new ToolError(
        'InvalidInput',
        `accounts[${blank}]: expected a target label or 12-digit account id.`,
      );
  }
  if (selection.regions !== undefined) {
    if (selection.regions.length === 0)
      throw new ToolError('InvalidInput', 'regions: give at least one region, or omit it.');
    if (selection.regions.length > 40) throw new ToolError('InvalidInput', 'regions: at most 40 entries.');
    if (selection.regions.includes(ALL_REGIONS)) {
      if (selection.regions.length > 1)
        throw new ToolError(
          'InvalidInput',
          'regions: "all" stands alone; give ["all"] or a list of region codes, not both.',
        );
      return;
    }
    const bad = selection.regions.findIndex((r) => !REGION.test(r));
    if (bad >= 0)
      throw new ToolError(
        'InvalidInput',
        `regions[${bad}]: "${selection.regions[bad]}" is not an AWS region code (e.g. eu-west-1).`,
      );
  }
}

/** Every region of the partition of `target`'s first region, from the AWS SDK's region data. */
function allRegionsOf(aws: AwsAccess, target: AwsAccess['targets'][number]): readonly string[] {
  const home = target.regions[0] ?? aws.defaultRegion;
  const regions = partitionRegions(home);
  if (!regions)
    throw new ToolError(
      'InvalidInput',
      'regions: "all" needs the AWS SDK\'s region list, which this installation lacks; name the regions instead.',
    );
  return regions;
}

/**
 * Every (account, region) pair the selection covers, in config order. `regions: ["all"]` means
 * every region of each target's partition (regions where a service is not offered, or that the
 * account has not enabled, then fail in the tool's `errors`, with a message saying so).
 */
export function selectScopes(aws: AwsAccess, selection: ScopeSelection): Scope[] {
  checkSelection(selection);
  const all = selection.regions?.[0] === ALL_REGIONS;
  const targets = selection.accounts
    ? selection.accounts.map((wanted) => {
        const target = aws.targets.find((t) => t.label === wanted || t.account === wanted);
        if (!target)
          throw new ToolError(
            'UnknownAccount',
            `accounts: "${wanted}" is not a configured target (configured: ${aws.targets.map((t) => t.account ?? t.label).join(', ')}).`,
          );
        return target;
      })
    : aws.targets;
  return targets.flatMap((target) =>
    (all ? allRegionsOf(aws, target) : (selection.regions ?? target.regions)).map((region) => ({
      region,
      ...(target.account ? { account: target.account } : {}),
    })),
  );
}

/**
 * The configured scope an ARN names (`arn:partition:service:region:account:…`): its region, in the
 * target with its account id, or in a target whose account is not known (the caller's own). A
 * one-resource tool reads only that scope. Throws a `ToolError` naming `field` when the ARN is
 * malformed or its account is not a configured target.
 */
export function scopeOfArn(aws: AwsAccess, arn: string, field: string): Scope {
  const [prefix, , , region = '', account = ''] = arn.split(':');
  if (prefix !== 'arn' || !REGION.test(region) || !/^\d{12}$/.test(account))
    throw new ToolError('InvalidInput', `${field}: "${arn}" is not an ARN with a region and account id.`);
  if (aws.targets.some((t) => t.account === account)) return { region, account };
  if (aws.targets.some((t) => t.account === undefined)) return { region };
  throw new ToolError(
    'UnknownAccount',
    `${field}: ${arn} is in account ${account}, which is not a configured target (configured: ${aws.targets.map((t) => t.account ?? t.label).join(', ')}).`,
  );
}
