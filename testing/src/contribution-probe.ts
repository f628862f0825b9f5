import type {
  AwsAccess,
  ContributionScope,
  Finding,
  FindingsContributor,
  IdleResource,
  ToolContext,
} from '@workspaces-euc-mcp/host';
import { definePlugin, defineTool, mapBounded, selectScopes, summarizeError } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

const ScopeInput = {
  region: Type.Optional(Type.String({ minLength: 1, description: 'Probe this region only.' })),
  account: Type.Optional(
    Type.String({ minLength: 1, description: 'Probe this account (id or target label) only.' }),
  ),
};

/** Who answered, and where. */
const Place = {
  contributor: Type.String({ description: 'The contributor id, e.g. `pools.idle`.' }),
  service: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
};

const ProbeErrorSchema = Type.Object({
  contributor: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

const FindingRowSchema = Type.Object({
  ...Place,
  checkId: Type.String(),
  resourceId: Type.String(),
  resourceType: Type.Optional(Type.String()),
  severity: Type.Union(
    [Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical'), Type.Null()],
    {
      description: "The finding's own severity, else its check's; null when it has neither.",
    },
  ),
  checkDeclared: Type.Boolean({
    description: "Whether the contributor's `checks` declare the finding's checkId.",
  }),
  detail: Type.Optional(Type.String()),
});

const IdleRowSchema = Type.Object({
  ...Place,
  id: Type.String(),
  resourceType: Type.String(),
  reason: Type.String(),
  idleDays: Type.Union([Type.Integer(), Type.Null()]),
  usageSignal: Type.Union([Type.Literal('last-use'), Type.Literal('never-used'), Type.Literal('none')], {
    description: 'As given, else the documented default (never-used when idleDays is null, else last-use).',
  }),
  monthlyCostUsd: Type.Optional(Type.Number()),
});

const FindingsOutput = Type.Object({
  summary: Type.String(),
  findings: Type.Array(FindingRowSchema),
  errors: Type.Array(ProbeErrorSchema),
});

const IdleOutput = Type.Object({
  summary: Type.String(),
  idle: Type.Array(IdleRowSchema),
  errors: Type.Array(ProbeErrorSchema),
});

/** What `collect_test_findings` returns: one row per finding, one error per failed (contributor, scope). */
export type CollectedFindings = Static<typeof FindingsOutput>;
/** What `collect_test_idle` returns: one row per idle resource, one error per failed (contributor, scope). */
export type CollectedIdle = Static<typeof IdleOutput>;
type ProbeError = Static<typeof ProbeErrorSchema>;
type Where = Pick<Static<typeof FindingRowSchema>, 'contributor' | 'service' | 'account' | 'region'>;

/**
 * A region or account in the input → that one scope (the default region; the first target's
 * account); neither → every configured account × region, or the default region without targets.
 */
function scopesFor(aws: AwsAccess, input: { region?: string; account?: string }): ContributionScope[] {
  if (input.region === undefined && input.account === undefined) {
    const every = selectScopes(aws, {});
    return every.length > 0 ? every : [{ region: aws.defaultRegion }];
  }
  const regions = [input.region ?? aws.defaultRegion];
  // selectScopes resolves a target label to its account id and refuses an unknown account.
  if (input.account !== undefined) return selectScopes(aws, { accounts: [input.account], regions });
  const account = aws.targets[0]?.account;
  return regions.map((region) => ({ region, ...(account ? { account } : {}) }));
}

/**
 * Runs every contributor in every scope, as the real consumers do (bounded concurrency, one
 * failure never hides the others), and flattens what each returned into rows naming who and where.
 */
async function probeEach<C extends { readonly id: string; readonly service: string }, Item, Row>(
  ctx: ToolContext,
  contributors: readonly C[],
  scopes: readonly ContributionScope[],
  collect: (contributor: C, scope: ContributionScope) => Promise<readonly Item[]>,
  toRow: (item: Item, contributor: C) => Row,
): Promise<{ rows: (Where & Row)[]; errors: ProbeError[] }> {
  const jobs = contributors.flatMap((contributor) => scopes.map((scope) => ({ contributor, scope })));
  const settled = await mapBounded(
    jobs,
    ctx.limits.concurrency,
    ({ contributor, scope }) => collect(contributor, scope),
    { signal: ctx.signal },
  );
  const rows: (Where & Row)[] = [];
  const errors: ProbeError[] = [];
  for (const outcome of settled) {
    const { contributor, scope } = outcome.item;
    const where = { ...(scope.account ? { account: scope.account } : {}), region: scope.region };
    if (!outcome.ok) {
      const { code, message } = summarizeError(outcome.error);
      errors.push({ contributor: contributor.id, ...where, code, message });
      continue;
    }
    for (const item of outcome.value)
      rows.push({
        contributor: contributor.id,
        service: contributor.service,
        ...where,
        ...toRow(item, contributor),
      });
  }
  return { rows, errors };
}

function findingRow(finding: Finding, contributor: FindingsContributor) {
  const check = contributor.checks.find((c) => c.id === finding.checkId);
  return {
    checkId: finding.checkId,
    resourceId: finding.resourceId,
    ...(finding.resourceType !== undefined ? { resourceType: finding.resourceType } : {}),
    severity: finding.severity ?? check?.severity ?? null,
    checkDeclared: check !== undefined,
    ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
  };
}

function idleRow(resource: IdleResource) {
  return {
    id: resource.id,
    resourceType: resource.resourceType,
    reason: resource.reason,
    idleDays: resource.idleDays,
    usageSignal: resource.usageSignal ?? (resource.idleDays === null ? 'never-used' : 'last-use'),
    ...(resource.monthlyCostUsd !== undefined ? { monthlyCostUsd: resource.monthlyCostUsd } : {}),
  };
}

/**
 * A test-only plugin that runs every loaded plugin's findings and idle contributions through a
 * real host context, the way the audit and cost plugins' cross-service tools do, and returns what
 * each contributor raised, unaggregated. Plugin authors (third-party ones included) load it next
 * to their plugin in `createTestHost` to test their contributions without the consumers:
 *
 * - `collect_test_findings` `{ region?, account? }`: every finding with its contributor, service,
 *   account, region, check id, resource, effective severity, detail and whether its check is declared.
 * - `collect_test_idle` `{ region?, account?, idleDays? (1-90, default 30) }`: every idle resource
 *   with its contributor, service, account, region, reason, idle days, usage signal and cost.
 *
 * A region or account in the input probes that one scope (no region: the default one; no account:
 * the first target's); neither probes every configured account × region. A failing
 * contributor becomes an `errors` entry `{ contributor, account?, region, code, message }`, never a
 * failed call. It declares no IAM actions of its own: the host adds the contributions' actions,
 * so `proveIamExact` covers them through these tools.
 */
export const contributionProbe = definePlugin({
  name: 'contribution-probe',
  version: '0.0.0',
  description: 'Test probe: runs every findings and idle contribution and returns the raw results.',
  tools: [
    defineTool({
      name: 'collect_test_findings',
      title: 'Collect findings (test)',
      description: 'Runs every findings contributor in one scope, or in every configured scope.',
      tier: 0,
      iam: [],
      consumes: ['findings'],
      input: Type.Object(ScopeInput),
      output: FindingsOutput,
      async run(input, ctx): Promise<CollectedFindings> {
        const { rows, errors } = await probeEach(
          ctx,
          ctx.contributions.findings,
          scopesFor(ctx.aws, input),
          (contributor, scope) => contributor.collect(ctx, scope),
          findingRow,
        );
        return { summary: `${rows.length} findings, ${errors.length} errors`, findings: rows, errors };
      },
    }),
    defineTool({
      name: 'collect_test_idle',
      title: 'Collect idle resources (test)',
      description: 'Runs every idle contributor in one scope, or in every configured scope.',
      tier: 0,
      iam: [],
      consumes: ['idle'],
      input: Type.Object({
        ...ScopeInput,
        idleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
      }),
      output: IdleOutput,
      async run(input, ctx): Promise<CollectedIdle> {
        const idleDays = input.idleDays ?? 30;
        const { rows, errors } = await probeEach(
          ctx,
          ctx.contributions.idle,
          scopesFor(ctx.aws, input),
          (contributor, scope) => contributor.collect(ctx, scope, { idleDays }),
          idleRow,
        );
        return { summary: `${rows.length} idle resources, ${errors.length} errors`, idle: rows, errors };
      },
    }),
  ],
});
