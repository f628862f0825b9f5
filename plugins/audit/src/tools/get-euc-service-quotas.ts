import {
  collectPages,
  defineTool,
  ErrorEntry,
  errorEntry,
  getMetricDataBatched,
  type MetricSeries,
  mapBounded,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  seriesFailure,
  type ToolContext,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import { ScopeSchema } from '../answer.js';
import {
  type MergedQuota,
  mergeQuotas,
  QUOTA_SERVICE_CODES,
  type QuotaFinding,
  QuotaFindingSchema,
  type QuotaRow,
  QuotaRowSchema,
  quotaFinding,
  rankQuotas,
  usageQuery,
  utilizationPct,
} from '../quotas/quotas.js';
import { cloudWatchSdk, serviceQuotasSdk } from '../sdk.js';
import { AUDIT_SERVICES, type AuditService } from '../trail/trail.js';

const HOUR_MS = 3_600_000;
/** Service Quotas pages hold at most 100 quotas (MaxResults 1-100). */
const QUOTAS_PER_PAGE = 100;

const Input = Type.Object(
  {
    ...ScopeInput,
    services: Type.Optional(
      Type.Array(Type.Union(AUDIT_SERVICES.map((s) => Type.Literal(s))), {
        minItems: 1,
        uniqueItems: true,
        description:
          'workspaces, applications (appstream2), secure-browser (workspaces-web), core (workspaces-instances).',
      }),
    ),
    approachingPct: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 100,
        default: 80,
        description: 'Utilization that raises a finding.',
      }),
    ),
    includeZeroLimit: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Also list quotas whose limit is 0 (features never enabled).',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 200,
        default: 25,
        description: 'Rows in quotas[], most used first.',
      }),
    ),
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
    approaching: Type.Integer(),
    atOrOverLimit: Type.Integer(),
    nonAdjustableApproaching: Type.Integer(),
    noUsageMetric: Type.Integer({
      description: 'Quotas AWS publishes no usage metric for (all AppStream ones).',
    }),
    hiddenZeroLimit: Type.Integer(),
  }),
  findings: Type.Array(QuotaFindingSchema, { description: 'Every quota at or above approachingPct.' }),
  quotas: Type.Array(QuotaRowSchema),
  quotasTotal: Type.Integer(),
  errors: Type.Array(ErrorEntry),
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
      ...(scope.account ? { account: scope.account } : {}),
      region: scope.region,
      serviceCode: m.quota.ServiceCode ?? '',
      quotaCode: m.quota.QuotaCode ?? '',
      quotaName: m.quota.QuotaName ?? m.quota.QuotaCode ?? '',
      limit,
      valueSource: m.valueSource,
      usage,
      utilizationPct: utilizationPct(usage, limit),
      adjustable: m.quota.Adjustable ?? false,
      usageSource: !hasMetric ? 'no-usage-metric' : usage === null ? 'no-datapoints' : 'usage-metric',
    };
  });
  return { rows, errors };
}

/** get_euc_service_quotas: EUC limits with usage from their usage metrics, and what is close to them. */
export const getEucServiceQuotas = defineTool({
  name: 'get_euc_service_quotas',
  title: 'EUC service quotas and usage',
  description:
    'Service quotas of WorkSpaces (total desktops, GeneralPurpose/Graphics bundles, standby, directories, bundles, images, IP groups, Pools), WorkSpaces Applications (fleets, stacks, instance types), Secure Browser (portals, sessions) and Core Managed Instances, per region, with current usage from each quota’s AWS/Usage metric, most used first. Raises a finding when usage reaches approachingPct (default 80 %) and says whether the quota can be raised or is NOT adjustable. Use before a rollout or when creates fail with ResourceLimitExceeded. AppStream quotas publish no usage metric, so their usage is unknown here. Cost per region: 2 paginated Service Quotas lists per service (applied + defaults) and 1 batched GetMetricData.',
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
    const services = input.services ?? AUDIT_SERVICES;
    const approachingPct = input.approachingPct ?? 80;
    const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) =>
      scopeQuotas(ctx, scope, services),
    );
    const rows: QuotaRow[] = [];
    const errors: ErrorEntry[] = [];
    for (const outcome of settled) {
      if (outcome.ok) {
        rows.push(...outcome.value.rows);
        errors.push(...outcome.value.errors);
      } else errors.push(errorEntry(SERVICE_LABELS.serviceQuotas, outcome.item, outcome.error));
    }
    const visible = rows.filter((r) => input.includeZeroLimit || r.limit > 0 || (r.usage ?? 0) > 0);
    const ranked = rankQuotas(visible);
    const findings = ranked.flatMap((r) => {
      const finding = quotaFinding(r, approachingPct);
      return finding ? [finding] : [];
    });
    const counts = {
      quotas: visible.length,
      withUsage: visible.filter((r) => r.usage !== null).length,
      approaching: findings.length,
      atOrOverLimit: findings.filter((f: QuotaFinding) => f.severity === 'critical').length,
      nonAdjustableApproaching: findings.filter((f) => !f.adjustable).length,
      noUsageMetric: visible.filter((r) => r.usageSource === 'no-usage-metric').length,
      hiddenZeroLimit: rows.length - visible.length,
    };
    const top = findings[0];
    const summary =
      `${counts.quotas} EUC quotas in ${scopes.length} region scope${scopes.length === 1 ? '' : 's'} (${counts.withUsage} with usage data): ` +
      (findings.length === 0
        ? `none at ${approachingPct} % or more.`
        : `${findings.length} at ${approachingPct} % or more${counts.nonAdjustableApproaching > 0 ? `, ${counts.nonAdjustableApproaching} of them NOT adjustable` : ''}; highest ${top?.quotaName} in ${top?.region} at ${top?.utilizationPct} % (${top?.usage}/${top?.limit}).`) +
      (errors.length > 0 ? ' Partial: see errors.' : '');
    const limit = input.limit ?? 25;
    return {
      summary,
      approachingPct,
      scopes: scopes.map((s) => ({ ...s })),
      counts,
      findings: findings.slice(0, 50),
      quotas: ranked.slice(0, limit),
      quotasTotal: ranked.length,
      errors,
      notes: [
        'Quotas are per account and region; usage is the newest hourly Maximum of each quota’s AWS/Usage metric over the last day.',
        'Values marked valueSource "default" are AWS defaults: Service Quotas has no applied value for them.',
        ...(counts.hiddenZeroLimit > 0
          ? [`${counts.hiddenZeroLimit} quotas with a limit of 0 are hidden (includeZeroLimit to list them).`]
          : []),
      ],
    };
  },
});
