/**
 * The audit plugin's own account-level checks: who the server runs as (STS GetCallerIdentity,
 * once per account), root activity on EUC APIs in the last 90 days (one paced CloudTrail
 * Username=root lookup per region), and whether any alarm watches EUC services (the shared
 * ALARM read first, then a full read only when nothing EUC is firing).
 */
import {
  type ErrorEntry,
  errorEntry,
  mapBounded,
  type Scope,
  SERVICE_LABELS,
  scopeKey,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import { anyEucAlarm } from '../alarms/alarm-scan.js';
import { stsSdk } from '../sdk.js';
import { serviceOfSource } from '../trail/trail.js';
import { sweepTrail } from '../trail/trail-scan.js';
import { AUDIT_CHECKS, type AuditCheckId, callerCheck, type ScopedFinding } from './posture.js';

const DAY_MS = 86_400_000;
/** Root rarely acts; a few pages are plenty, and they are paced at 2 per second. */
const ROOT_LOOKUP_BUDGET = 4;

function finding(checkId: AuditCheckId, scope: Scope, resourceId: string, detail: string): ScopedFinding {
  return {
    finding: { checkId, resourceId, detail },
    scope,
    service: 'Account',
    check: AUDIT_CHECKS.find((c) => c.id === checkId),
  };
}

/** Who the server runs as in `scope`'s account; asked once per account (see accountFindings). */
function callerIdentity(ctx: ToolContext, scope: Scope): Promise<string | undefined> {
  return ctx.memo(`audit:caller:${scopeKey(ctx.aws, scope)}`, async () => {
    const { GetCallerIdentityCommand, STSClient } = await stsSdk();
    const out = await ctx.aws.client(STSClient, scope).send(new GetCallerIdentityCommand({}));
    return out.Arn;
  });
}

async function identityFindings(ctx: ToolContext, scope: Scope): Promise<ScopedFinding[]> {
  const arn = (await callerIdentity(ctx, scope)) ?? '';
  const check = callerCheck(arn);
  return check ? [finding(check, scope, arn, `GetCallerIdentity returned ${arn}.`)] : [];
}

async function rootFindings(ctx: ToolContext, scope: Scope): Promise<ScopedFinding[]> {
  const end = ctx.now();
  // A minute inside the 90 days LookupEvents keeps, so the request is never out of range.
  const start = new Date(end.getTime() - 90 * DAY_MS + 60_000);
  const result = await sweepTrail(
    ctx,
    scope,
    { start, end },
    [{ attribute: { key: 'Username', value: 'root' } }],
    ROOT_LOOKUP_BUDGET,
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

async function alarmFindings(ctx: ToolContext, scope: Scope): Promise<ScopedFinding[]> {
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
  scopes: readonly Scope[],
): Promise<{ findings: ScopedFinding[]; errors: ErrorEntry[] }> {
  const perAccount = [...new Map(scopes.map((s) => [s.account ?? '', s])).values()];
  const jobs = [
    ...perAccount.map((scope) => ({
      service: SERVICE_LABELS.sts,
      scope,
      run: () => identityFindings(ctx, scope),
    })),
    ...scopes.map((scope) => ({
      service: SERVICE_LABELS.cloudtrail,
      scope,
      run: () => rootFindings(ctx, scope),
    })),
    ...scopes.map((scope) => ({
      service: SERVICE_LABELS.cloudwatch,
      scope,
      run: () => alarmFindings(ctx, scope),
    })),
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
