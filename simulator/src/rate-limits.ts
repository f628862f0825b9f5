import type { RateLimit } from './throttle.js';

/**
 * Per-operation request rates modelled when throttling is on, keyed `iam-prefix:Operation` or
 * `iam-prefix:*`. Where AWS documents a figure it is used and its source named; the rest are
 * assumptions, marked so, chosen to be no kinder than real accounts usually see.
 */
export const DOCUMENTED_RATE_LIMITS: Readonly<Record<string, RateLimit & { readonly source: string }>> = {
  // WorkSpaces administration guide (2023 copy): "2 calls per second, burst of 5" for the API.
  'workspaces:*': { rate: 2, burst: 5, source: 'WorkSpaces admin guide, API throttling (2023)' },
  // CloudTrail API reference, LookupEvents: "2 requests per second per account per Region".
  'cloudtrail:LookupEvents': { rate: 2, burst: 2, source: 'CloudTrail LookupEvents API reference' },
  // CloudWatch service quotas (default, adjustable).
  'cloudwatch:GetMetricData': {
    rate: 50,
    burst: 50,
    source: 'CloudWatch service quotas: GetMetricData 50 TPS',
  },
  'cloudwatch:DescribeAlarms': {
    rate: 9,
    burst: 9,
    source: 'CloudWatch service quotas: DescribeAlarms 9 TPS',
  },
  'cloudwatch:ListMetrics': { rate: 25, burst: 25, source: 'CloudWatch service quotas: ListMetrics 25 TPS' },
  'ce:*': { rate: 5, burst: 10, source: 'assumed (Cost Explorer publishes no TPS figure)' },
  'pricing:*': { rate: 10, burst: 20, source: 'assumed (Price List Query API publishes no TPS figure)' },
  'appstream:*': { rate: 5, burst: 10, source: 'assumed (AppStream publishes no TPS figure)' },
  'application-autoscaling:*': { rate: 10, burst: 20, source: 'assumed' },
  'workspaces-web:*': { rate: 10, burst: 20, source: 'assumed' },
  'workspaces-instances:*': { rate: 10, burst: 20, source: 'assumed' },
  'servicequotas:*': { rate: 10, burst: 20, source: 'assumed' },
  'ds:*': { rate: 10, burst: 20, source: 'assumed' },
  'ec2:*': {
    rate: 20,
    burst: 100,
    source: 'EC2 API request throttling: describe actions, non-mutating bucket (approx.)',
  },
  'sts:*': { rate: 50, burst: 100, source: 'assumed' },
  // Without an entry an action is never throttled; the Tagging API's read quotas are low.
  'tag:GetResources': {
    rate: 5,
    burst: 10,
    source: 'assumed (low, like the Tagging API read quotas; no figure checked)',
  },
};

/** The rate limit for an action: its own entry, else its service's wildcard entry. */
export function rateLimitFor(
  action: string,
  table: Readonly<Record<string, RateLimit>> = DOCUMENTED_RATE_LIMITS,
): RateLimit | undefined {
  return table[action] ?? table[`${action.split(':')[0]}:*`];
}
