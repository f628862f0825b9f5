import Type from 'typebox';
import { ToolError } from '../aws/errors.js';
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
 * Input fields every tool that answers for the estate takes to choose accounts and regions. The
 * descriptions are one line each: every tool carries them in the ~1 KB of schema and description
 * an assistant pays for, and the tool's own description says what the default covers.
 */
export const ScopeInput = {
  accounts: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 50,
      description: 'Config target labels/account ids; default all.',
    }),
  ),
  regions: Type.Optional(
    Type.Array(Type.String({ pattern: REGION_PATTERN }), {
      minItems: 1,
      maxItems: 30,
      uniqueItems: true,
      description: 'Default: configured regions.',
    }),
  ),
};

/** Every (account, region) pair the selection covers, in config order. */
export function selectScopes(
  aws: AwsAccess,
  selection: { readonly accounts?: readonly string[]; readonly regions?: readonly string[] },
): Scope[] {
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
    (selection.regions ?? target.regions).map((region) => ({
      region,
      ...(target.account ? { account: target.account } : {}),
    })),
  );
}
