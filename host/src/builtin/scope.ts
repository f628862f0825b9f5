import Type from 'typebox';
import { ToolError } from '../aws/errors.js';
import type { AwsAccess, ContributionScope } from '../plugin-api/types.js';

/** Input fields every cross-service tool takes to choose accounts and regions. */
export const ScopeInput = {
  accounts: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      maxItems: 50,
      description: 'Target labels or account ids from the config; default: every configured target.',
    }),
  ),
  regions: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$' }), {
      minItems: 1,
      maxItems: 30,
      uniqueItems: true,
      description: "Regions to cover; default: each target's configured regions (else the server's region).",
    }),
  ),
};

/** Every (account, region) pair the selection covers, in config order. */
export function selectScopes(
  aws: AwsAccess,
  selection: { readonly accounts?: readonly string[]; readonly regions?: readonly string[] },
): ContributionScope[] {
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
