/**
 * The audit plugin's own account-level checks: who the server runs as (STS GetCallerIdentity,
 * once per account), root activity on EUC APIs in the last 90 days (one paced CloudTrail
 * Username=root lookup per region), and whether any alarm watches EUC services (the shared
 * ALARM read first, then a full read only when nothing EUC is firing).
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type ContributionScope, mapBounded, type ToolContext } from '@workspaces-euc-mcp/host';
import { anyEucAlarm } from './alarm-scan.js';
import type { Pacer } from './pacer.js';
import { AUDIT_CHECKS, type AuditCheckId, callerCheck, type ScopedFinding } from './posture.js';
import { type ErrorEntry, errorEntry, locationOf } from './scope.js';
import { serviceOfSource } from './trail.js';
import { sweepTrail } from './trail-scan.js';

const DAY_MS = 86_400_000;
/** Root rarely acts; a few pages are plenty, and they are paced at 2 per second. */
const ROOT_LOOKUP_BUDGET = 4;

function finding(
  checkId: AuditCheckId,
  scope: ContributionScope,
  resourceId: string,
  detail: string,
): ScopedFinding {
  return {
    finding: { checkId, resourceId, detail },
    scope,
    service: 'Account',
    check: AUDIT_CHECKS.find((c) => c.id === checkId),
  };
}

function callerIdentity(ctx: ToolContext, scope: ContributionScope): Promise<string | undefined> {
  return ctx.memo(`audit:caller:${scope.account ?? ctx.aws.targets[0]?.account ?? ''}`, async () => {
    const out = await ctx.aws.client(STSClient, locationOf(scope)).send(new GetCallerIdentityCommand({}));
    return out.Arn;
  });
}

async function identityFindings(ctx: ToolContext, scope: ContributionScope): Promise<ScopedFinding[]> {
  const arn = (await callerIdentity(ctx, scope)) ?? '';
  const check = callerCheck(arn);
  return check ? [finding(check, scope, arn, `GetCallerIdentity returned ${arn}.`)] : [];
}

async function rootFindings(
  ctx: ToolContext,
  scope: ContributionScope,
  pacer: Pacer,
): Promise<ScopedFinding[]> {
  const end = ctx.now();
  // A minute inside the 90 days LookupEvents keeps, so the request is never out of range.
  const start = new Date(end.getTime() - 90 * DAY_MS + 60_000);
  const result = await sweepTrail(
    ctx,
    scope,
    { start, end },
    [{ attribute: { key: 'Username', value: 'root' } }],
    ROOT_LOOKUP_BUDGET,
    pacer,
  );
  const euc = result.events.filter((e) => serviceOfSource(e.EventSource) !== undefined);
  if (euc.length === 0) return [];
  const latest = euc.map((e) => `${e.EventName} ${e.EventTime?.toISOString().slice(0, 10)}`).slice(0, 3);
  return [
    finding(
      'audit.root-euc-activity',
      scope,
      scope.account ?? 'root',
      `${euc.length} EUC call${euc.length === 1 ? '' : 's'} by root in 90 days: ${latest.join(', ')}.`,
    ),
  ];
}

async function alarmFindings(ctx: ToolContext, scope: ContributionScope): Promise<ScopedFinding[]> {
  return (await anyEucAlarm(ctx, scope))
    ? []
    : [
        finding(
          'audit.no-euc-alarms',
          scope,
          scope.region,
          'No metric alarm on AWS/WorkSpaces, AWS/AppStream or AWS/WorkSpacesWeb.',
        ),
      ];
}

/** The account-level findings over every scope; a check that cannot run is an error entry. */
export async function accountFindings(
  ctx: ToolContext,
  scopes: readonly ContributionScope[],
  pacer: Pacer,
): Promise<{ findings: ScopedFinding[]; errors: ErrorEntry[] }> {
  const perAccount = [...new Map(scopes.map((s) => [s.account ?? '', s])).values()];
  const jobs = [
    ...perAccount.map((scope) => ({ service: 'STS', scope, run: () => identityFindings(ctx, scope) })),
    ...scopes.map((scope) => ({ service: 'CloudTrail', scope, run: () => rootFindings(ctx, scope, pacer) })),
    ...scopes.map((scope) => ({ service: 'CloudWatch', scope, run: () => alarmFindings(ctx, scope) })),
  ];
  const settled = await mapBounded(jobs, ctx.limits.concurrency, (job) => job.run());
  const findings: ScopedFinding[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) findings.push(...outcome.value);
    else errors.push(errorEntry(outcome.item.service, outcome.item.scope, outcome.error));
  }
  return { findings, errors };
}
