import {
  collectPages,
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  getMetricDataBatched,
  type MetricSeries,
  mapBounded,
  pageOf,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  scopeLabel,
  selectScopes,
  seriesFailure,
  type ToolContext,
  ToolError,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { intInput, numberInput, ScopeSchema, scopesPhrase } from '../answer.js';
import {
  type MergedQuota,
  mergeQuotas,
  QUOTA_ADVICE,
  QUOTA_SERVICE_CODES,
  type QuotaRow,
  QuotaRowSchema,
  quotaSeverity,
  rankQuotas,
  usageQuery,
  utilizationPct,
} from '../quotas/quotas.js';
import { cloudWatchSdk, serviceQuotasSdk } from '../sdk.js';
import { AUDIT_SERVICES, type AuditService } from '../trail/trail.js';

const HOUR_MS = 3_600_000;
/** Service Quotas pages hold at most 100 quotas (MaxResults 1-100). */
const QUOTAS_PER_PAGE = 100;

/** Quotas a default answer lists (~250 bytes each), most used first; counts cover all. */
const DEFAULT_ROWS = 25;

const Input = Type.Object(
  {
    ...ScopeInput,
    services: Type.Optional(Type.Array(Type.Enum(AUDIT_SERVICES))),
    approachingPct: Type.Optional(Type.Number()),
    limit: Type.Optional(Type.Integer()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const Output = Type.Object({
  summary: Type.String(),
  approachingPct: Type.Number(),
  scopes: Type.Array(ScopeSchema),
  counts: Type.Object({
    quotas: Type.Integer({
      description: 'Quotas listed over every scope (zero limits hidden unless asked).',
    }),
    withUsage: Type.Integer(),
    approaching: Type.Integer({ description: 'Rows with a severity: at approachingPct or more.' }),
    atOrOverLimit: Type.Integer(),
    nonAdjustableApproaching: Type.Integer(),
    noUsageMetric: Type.Integer({
      description: 'Quotas AWS publishes no usage metric for (all AppStream ones).',
    }),
    hiddenZeroLimit: Type.Integer(),
  }),
  quotas: Type.Array(QuotaRowSchema, { description: 'Most used first: the approaching ones lead.' }),
  quotasTotal: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  errors: ErrorList(),
  notes: Type.Array(Type.String()),
});

async function listQuotas(ctx: ToolContext, scope: Scope, serviceCode: string): Promise<MergedQuota[]> {
  const { paginateListAWSDefaultServiceQuotas, paginateListServiceQuotas, ServiceQuotasClient } =
    await serviceQuotasSdk();
  const client = ctx.aws.client(ServiceQuotasClient, scope);
  const pages = { client, pageSize: QUOTAS_PER_PAGE };
  const [applied, defaults] = await Promise.all([
    collectPages(paginateListServiceQuotas(pages, { ServiceCode: serviceCode }), (p) => p.Quotas, {
      signal: ctx.signal,
    }),
    collectPages(paginateListAWSDefaultServiceQuotas(pages, { ServiceCode: serviceCode }), (p) => p.Quotas, {
      signal: ctx.signal,
    }),
  ]);
  return mergeQuotas(applied, defaults);
}

interface ScopeQuotas {
  readonly rows: QuotaRow[];
  readonly errors: ErrorEntry[];
}

async function scopeQuotas(
  ctx: ToolContext,
  scope: Scope,
  services: readonly AuditService[],
  withAccount: boolean,
): Promise<ScopeQuotas> {
  const errors: ErrorEntry[] = [];
  const listed = await mapBounded(services, ctx.limits.concurrency, (service) =>
    listQuotas(ctx, scope, QUOTA_SERVICE_CODES[service]),
  );
  const merged: MergedQuota[] = [];
  for (const outcome of listed) {
    if (outcome.ok) merged.push(...outcome.value);
    else
      errors.push(
        errorEntry(
          SERVICE_LABELS.serviceQuotas,
          scope,
          outcome.error,
          `${QUOTA_SERVICE_CODES[outcome.item]}: `,
        ),
      );
  }
  // Newest value of each usage metric over the last day: one batched GetMetricData (500 a call).
  const end = ctx.now();
  const window = { start: new Date(end.getTime() - 24 * HOUR_MS), end, periodSeconds: 3600 };
  const queries = merged.flatMap((m, i) => {
    const query = usageQuery(`q${i}`, m.quota, window.periodSeconds);
    return query ? [query] : [];
  });
  let series = new Map<string, MetricSeries>();
  if (queries.length > 0) {
    try {
      const { CloudWatchClient } = await cloudWatchSdk();
      series = await getMetricDataBatched(ctx.aws.client(CloudWatchClient, scope), queries, window, {
        concurrency: ctx.limits.concurrency,
        signal: ctx.signal,
      });
    } catch (error) {
      errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, error));
    }
  }
  // A failed request fails only its own queries: one entry says why usage is missing.
  const failure = [...series.values()].map(seriesFailure).find((f) => f !== undefined);
  if (failure)
    errors.push(errorEntry(SERVICE_LABELS.cloudwatch, scope, failure, 'Usage metrics could not be read: '));
  const rows = merged.map((m, i): QuotaRow => {
    const hasMetric = Boolean(m.quota.UsageMetric?.MetricName);
    const values = series.get(`q${i}`)?.values ?? [];
    const usage = values.length > 0 ? (values[values.length - 1] ?? null) : null;
    const limit = m.quota.Value ?? 0;
    return {
      ...(withAccount && scope.account ? { account: scope.account } : {}),
      region: scope.region,
      serviceCode: m.quota.ServiceCode ?? '',
      quotaCode: m.quota.QuotaCode ?? '',
      quotaName: m.quota.QuotaName ?? m.quota.QuotaCode ?? '',
      limit,
      ...(m.valueSource === 'default' ? { valueSource: 'default' as const } : {}),
      usage,
      ...(usage === null
        ? { usageSource: hasMetric ? ('no-datapoints' as const) : ('no-usage-metric' as const) }
        : {}),
      utilizationPct: utilizationPct(usage, limit),
      adjustable: m.quota.Adjustable ?? false,
    };
  });
  return { rows, errors };
}

/** get_euc_service_quotas: EUC limits with usage from their usage metrics, and what is close to them. */
export const getEucServiceQuotas = defineTool({
  name: 'get_euc_service_quotas',
  title: 'EUC service quotas and usage',
  description:
    'Which EUC quotas are near limit? Limit, usage (AWS/Usage; none for AppStream), adjustable or not, most used first; flagged at approachingPct (default 80). Use before a rollout.',
  tier: 0,
  iam: [
    'servicequotas:ListServiceQuotas',
    'servicequotas:ListAWSDefaultServiceQuotas',
    'cloudwatch:GetMetricData',
  ],
  input: Input,
  output: Output,
  async run(input, ctx): Promise<Static<typeof Output>> {
    const scopes = selectScopes(ctx.aws, input);
    if (input.services?.length === 0)
      throw new ToolError('InvalidInput', 'services: give at least one service, or omit it.');
    const services = input.services ? [...new Set(input.services)] : AUDIT_SERVICES;
    const approachingPct = numberInput('approachingPct', input.approachingPct, 80, 1, 100);
    const limit = intInput('limit', input.limit, DEFAULT_ROWS, 1, 200);
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    let done = 0;
    const settled = await mapBounded(scopes, ctx.limits.concurrency, async (scope) => {
      const read = await scopeQuotas(ctx, scope, services, multiAccount);
      ctx.progress(++done, scopes.length, `quotas ${scopeLabel(scope)}`);
      return read;
    });
    const rows: QuotaRow[] = [];
    const errors: ErrorEntry[] = [];
    for (const outcome of settled) {
      if (outcome.ok) {
        rows.push(...outcome.value.rows);
        errors.push(...outcome.value.errors);
      } else errors.push(errorEntry(SERVICE_LABELS.serviceQuotas, outcome.item, outcome.error));
    }
    // A limit of 0 is a feature never enabled (e.g. a GPU bundle type): counted, not listed.
    const visible = rows.filter((r) => r.limit > 0 || (r.usage ?? 0) > 0);
    const ranked = rankQuotas(visible).map((row): QuotaRow => {
      const severity = quotaSeverity(row, approachingPct);
      return severity ? { ...row, severity } : row;
    });
    const approaching = ranked.filter((r) => r.severity !== undefined);
    const counts = {
      quotas: visible.length,
      withUsage: visible.filter((r) => r.usage !== null).length,
      approaching: approaching.length,
      atOrOverLimit: approaching.filter((r) => r.severity === 'critical').length,
      nonAdjustableApproaching: approaching.filter((r) => !r.adjustable).length,
      noUsageMetric: visible.filter((r) => r.usageSource === 'no-usage-metric').length,
      hiddenZeroLimit: rows.length - visible.length,
    };
    const { page, offset, nextCursor } = pageOf(ranked, { ...input, limit }, ctx.limits);
    const top = approaching[0];
    const summary =
      `${counts.quotas} EUC quotas in ${scopesPhrase(scopes.length)} (${counts.withUsage} with usage data): ` +
      (approaching.length === 0
        ? `none at ${approachingPct} % or more.`
        : `${approaching.length} at ${approachingPct} % or more${counts.nonAdjustableApproaching > 0 ? `, ${counts.nonAdjustableApproaching} of them NOT adjustable` : ''}; highest ${top?.quotaName} in ${top ? scopeLabel(top) : ''} at ${top?.utilizationPct} % (${top?.usage}/${top?.limit}).`) +
      (page.length > 0 && ranked.length > page.length
        ? ` Listing ${offset + 1}–${offset + page.length} of ${ranked.length}${nextCursor ? '; pass nextCursor for more' : ''}.`
        : '') +
      (errors.length > 0 ? ` Partial: ${errors.length} error(s), see errors.` : '');
    return {
      summary,
      approachingPct,
      scopes: scopes.map((s) => ({ ...s })),
      counts,
      quotas: page,
      quotasTotal: ranked.length,
      offset,
      ...(nextCursor ? { nextCursor } : {}),
      errors: errors.slice(0, 100),
      notes: [
        ...(approaching.length > 0 ? QUOTA_ADVICE : []),
        'Quotas are per account and region; usage is the newest hourly Maximum of each quota’s AWS/Usage metric over the last day.',
        ...(counts.hiddenZeroLimit > 0
          ? [`${counts.hiddenZeroLimit} quotas with a limit of 0 (features never enabled) are not listed.`]
          : []),
      ],
    };
  },
});
