import Type, { type Static } from 'typebox';
import { summarizeError } from '../aws/errors.js';
import type { MetricFailure } from '../aws/metrics.js';
import type { Scope } from './scope.js';

/**
 * A partial failure as data: one service in one account/region failed and the rest of the answer
 * stands. `iamAction` names the request that failed, as its IAM action: the permission to grant
 * when the code is an access denial.
 */
export const ErrorEntry = Type.Object({
  service: Type.String({ description: 'The product or AWS service that failed (current names).' }),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
  iamAction: Type.Optional(
    Type.String({
      description: 'The failed request as its IAM action (the one to grant if access was denied).',
    }),
  ),
});
export type ErrorEntry = Static<typeof ErrorEntry>;

/** The `errors` field of a result: at most `maxItems` entries (one per failing service and scope). */
export const ErrorList = (maxItems = 100) =>
  Type.Array(ErrorEntry, { maxItems, description: 'What could not be read; the rest of the answer stands.' });

/**
 * An `errors[]` entry from anything a call threw (an SDK error, a `ToolError`) or a metric
 * series' failure, in `scope`. `prefix` says what was being read when that is not obvious.
 */
export function errorEntry(service: string, scope: Scope, error: unknown, prefix = ''): ErrorEntry {
  const summary = isMetricFailure(error) ? error : summarizeError(error);
  return {
    service,
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    code: summary.code,
    message: `${prefix}${summary.message}`,
    ...(summary.iamAction ? { iamAction: summary.iamAction } : {}),
  };
}

function isMetricFailure(value: unknown): value is MetricFailure {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
