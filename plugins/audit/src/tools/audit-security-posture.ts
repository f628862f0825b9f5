import {
  defineTool,
  ErrorEntry,
  errorEntry,
  mapBounded,
  ScopeInput,
  selectScopes,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { ScopeSchema } from '../answer.js';
import {
  CheckRowSchema,
  groupFindings,
  notAudited,
  type ScopedFinding,
  severityCounts,
} from '../posture/posture.js';
import { accountFindings } from '../posture/posture-checks.js';

const Input = Type.Object(
  {
    ...ScopeInput,
    services: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 64 }), {
        maxItems: 10,
        description:
          'Only the findings of these products (e.g. "Personal", "Secure Browser", or a legacy name such as "AppStream"); default every loaded plugin.',
      }),
    ),
    topPerCheck: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 25,
        default: 5,
        description: 'Resources listed per check; counts cover all.',
      }),
    ),
    accountChecks: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Run the account-level checks (caller identity, root activity in CloudTrail, EUC alarm coverage).',
      }),
    ),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  scopes: Type.Array(ScopeSchema),
  totalFindings: Type.Integer(),
  severityCounts: Type.Object({ critical: Type.Integer(), warning: Type.Integer(), info: Type.Integer() }),
  checks: Type.Array(CheckRowSchema, {
    description: 'One entry per check, worst first; never one per resource.',
  }),
  coverage: Type.Object({
    contributors: Type.Array(
      Type.Object({ id: Type.String(), service: Type.String(), checks: Type.Integer() }),
    ),
    notAudited: Type.Array(Type.String(), {
      description: 'EUC products no loaded plugin audits: not checked at all.',
    }),
  }),
  errors: Type.Array(ErrorEntry),
  notes: Type.Array(Type.String()),
});

/** audit_security_posture: every loaded plugin's findings and the account checks, grouped per check. */
export const auditSecurityPosture = defineTool({
  name: 'audit_security_posture',
  title: 'EUC security posture audit',
  description:
    'One security review across every loaded EUC plugin (WorkSpaces Personal: unencrypted volumes, open IP access groups, directories without IP groups or with local admins; other plugins add their own) plus account-level checks: the server running as root or on long-term keys, root user activity on EUC APIs in CloudTrail (90 days), and regions with no EUC alarms. Findings are grouped per check with a stable check id, severity, why it matters, how to fix it, a count and the top resources — never one line per desktop. Says which EUC products no loaded plugin audits. Use it for "how secure is our EUC estate". Cost: what each plugin’s checks read (for Personal: one paginated scan of desktops, directories and IP groups per region, shared with the inventory tools in one call), plus per region a paced CloudTrail Username=root lookup (1-4 requests) and DescribeAlarms, and one GetCallerIdentity per account.',
  tier: 0,
  iam: ['sts:GetCallerIdentity', 'cloudtrail:LookupEvents', 'cloudwatch:DescribeAlarms'],
  consumes: ['findings'],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const contributors = ctx.contributions.findings.filter((c) =>
      ctx.matchesService(input.services, c.service),
    );
    const jobs = contributors.flatMap((contributor) => scopes.map((scope) => ({ contributor, scope })));
    let done = 0;
    const settled = await mapBounded(jobs, ctx.limits.concurrency, async ({ contributor, scope }) => {
      const found = await contributor.collect(ctx, scope);
      ctx.progress(++done, jobs.length, `${contributor.service} ${scope.region}`);
      return found;
    });
    const items: ScopedFinding[] = [];
    const errors: ErrorEntry[] = [];
    for (const outcome of settled) {
      const { contributor, scope } = outcome.item;
      if (!outcome.ok) {
        errors.push(errorEntry(contributor.service, scope, outcome.error));
        continue;
      }
      const checks = new Map(contributor.checks.map((c) => [c.id, c]));
      for (const finding of outcome.value)
        items.push({ finding, scope, service: contributor.service, check: checks.get(finding.checkId) });
    }
    if (input.accountChecks ?? true) {
      const account = await accountFindings(ctx, scopes);
      items.push(...account.findings);
      errors.push(...account.errors);
    }
    const checks = groupFindings(items, input.topPerCheck ?? 5);
    const counts = severityCounts(items);
    const gaps = notAudited(ctx.contributions.findings.map((c) => c.service));
    const worst = checks[0];
    const summary =
      (items.length === 0
        ? `No security findings across ${scopes.length} region scope${scopes.length === 1 ? '' : 's'}.`
        : `${items.length} findings in ${checks.length} checks (${counts.critical} critical, ${counts.warning} warning, ${counts.info} info) across ${scopes.length} region scope${scopes.length === 1 ? '' : 's'}. Worst: ${worst?.title} (${worst?.count}).`) +
      (gaps.length > 0 ? ` Not audited (no plugin loaded): ${gaps.join(', ')}.` : '') +
      (errors.length > 0 ? ' Partial: see errors.' : '');
    return {
      summary,
      scopes: scopes.map((s) => ({ ...s })),
      totalFindings: items.length,
      severityCounts: counts,
      checks,
      coverage: {
        contributors: ctx.contributions.findings.map((c) => ({
          id: c.id,
          service: c.service,
          checks: c.checks.length,
        })),
        notAudited: gaps,
      },
      errors,
      notes: [
        'Each check lists its first resources only; count is the full number. Ask a service’s own tools for the rest.',
        'Account checks: caller identity (per account), CloudTrail root activity (90 days, per region), EUC alarm coverage (per region).',
      ],
    };
  },
});
