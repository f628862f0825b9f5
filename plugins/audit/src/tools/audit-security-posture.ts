import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  ScopeInput,
  scopeLabel,
  selectScopes,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { intInput, ScopeSchema, scopesPhrase } from '../answer.js';
import {
  CheckRowSchema,
  fitChecks,
  groupFindings,
  notAudited,
  type ScopedFinding,
  severityCounts,
} from '../posture/posture.js';
import { accountFindings } from '../posture/posture-checks.js';

/**
 * The checks' share of a default answer as sent over MCP (about 5.5 KB of JSON, sent twice): the
 * rest (counts, coverage, scopes, errors) stays under ~5 KB sent even at 20 scopes, so the answer
 * keeps within 18 KB of the assistant's 20 KB.
 */
const CHECKS_BUDGET_BYTES = 12_000;

const Input = Type.Object(
  {
    ...ScopeInput,
    services: Type.Optional(Type.Array(Type.String())),
    checks: Type.Optional(Type.Array(Type.String())),
    topPerCheck: Type.Optional(Type.Integer()),
    accountChecks: Type.Optional(Type.Boolean()),
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
  checksTotal: Type.Integer(),
  coverage: Type.Object({
    contributors: Type.Array(
      Type.Object({ id: Type.String(), service: Type.String(), checks: Type.Integer() }),
    ),
    notAudited: Type.Array(Type.String(), {
      description: 'EUC products no loaded plugin audits: not checked at all.',
    }),
  }),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

/** audit_security_posture: every loaded plugin's findings and the account checks, grouped per check. */
export const auditSecurityPosture = defineTool({
  name: 'audit_security_posture',
  title: 'EUC security posture audit',
  description:
    'EUC security review: the checks of each loaded plugin plus account checks (root or long-term keys, root EUC calls, no EUC alarms). One row per check: severity, count, why, fix, top resources.',
  tier: 0,
  iam: ['sts:GetCallerIdentity', 'cloudtrail:LookupEvents', 'cloudwatch:DescribeAlarms'],
  consumes: ['findings'],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    const topPerCheck = intInput('topPerCheck', input.topPerCheck, 3, 0, 25);
    if (input.checks?.length === 0)
      throw new ToolError('InvalidInput', 'checks: give check ids, or omit it.');
    const contributors = ctx.contributions.findings.filter((c) =>
      ctx.matchesService(input.services, c.service),
    );
    const accountChecks = input.accountChecks ?? true;
    const jobs = contributors.flatMap((contributor) => scopes.map((scope) => ({ contributor, scope })));
    // The account checks are one more step per scope; progress counts them with the plugins'.
    const total = jobs.length + (accountChecks ? 1 : 0);
    let done = 0;
    const settled = await mapBounded(jobs, ctx.limits.concurrency, async ({ contributor, scope }) => {
      const found = await contributor.collect(ctx, scope);
      ctx.progress(++done, total, `${contributor.service} ${scopeLabel(scope)}`);
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
    if (accountChecks) {
      const account = await accountFindings(ctx, scopes);
      items.push(...account.findings);
      errors.push(...account.errors);
      ctx.progress(++done, total, 'account checks');
    }
    const wanted = input.checks ? new Set(input.checks) : undefined;
    // The account is said on each resource only when the answer spans several.
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    const kept = (wanted ? items.filter((i) => wanted.has(i.finding.checkId)) : items).map((i) =>
      multiAccount ? i : { ...i, scope: { region: i.scope.region } },
    );
    const grouped = groupFindings(kept, topPerCheck);
    const { checks, cut } = fitChecks(grouped, CHECKS_BUDGET_BYTES);
    const counts = severityCounts(kept);
    const gaps = notAudited(ctx.contributions.findings.map((c) => c.service));
    const worst = grouped[0];
    const summary =
      (kept.length === 0
        ? `No security findings across ${scopesPhrase(scopes.length)}.`
        : `${kept.length} findings in ${grouped.length} checks (${counts.critical} critical, ${counts.warning} warning, ${counts.info} info) across ${scopesPhrase(scopes.length)}. Worst: ${worst?.title} (${worst?.count}).`) +
      (gaps.length > 0 ? ` Not audited (no plugin loaded): ${gaps.join(', ')}.` : '') +
      (errors.length > 0 ? ` Partial: ${errors.length} error(s), see errors.` : '');
    return {
      summary,
      scopes: scopes.map((s) => ({ ...s })),
      totalFindings: kept.length,
      severityCounts: counts,
      checks,
      checksTotal: grouped.length,
      coverage: {
        contributors: ctx.contributions.findings.map((c) => ({
          id: c.id,
          service: c.service,
          checks: c.checks.length,
        })),
        notAudited: gaps,
      },
      errors: errors.slice(0, 100),
      notes: [
        `Each check lists its first ${topPerCheck} resources; count is the full number. A service's own tools list the rest.`,
        ...cut,
        'Account checks: caller identity (per account), CloudTrail root activity (90 days) and EUC alarm coverage (per region).',
      ],
    };
  },
});
