/**
 * The health report's sections: reading the results of the tools it composes (their output is
 * data from other plugins, read defensively by field name) into compact summaries. Pure
 * functions; every list is cut to `top`. The headline and Markdown are in health-markdown.ts.
 */
import Type, { type Static } from 'typebox';

type Data = Readonly<Record<string, unknown>>;

const isData = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A nested object, or an empty one. */
export const obj = (value: unknown, key: string): Data =>
  isData(value) && isData(value[key]) ? value[key] : {};
/** A number field, or undefined. */
export const num = (value: unknown, key: string): number | undefined =>
  isData(value) && typeof value[key] === 'number' && Number.isFinite(value[key]) ? value[key] : undefined;
/** A string field, or undefined. */
export const str = (value: unknown, key: string): string | undefined =>
  isData(value) && typeof value[key] === 'string' ? value[key] : undefined;
/** An array field of objects, or an empty array. */
export const list = (value: unknown, key: string): Data[] =>
  isData(value) && Array.isArray(value[key]) ? (value[key] as unknown[]).filter(isData) : [];

export const SectionStatusSchema = Type.Object({
  name: Type.String(),
  tool: Type.String(),
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable'), Type.Literal('failed')]),
  message: Type.Optional(Type.String()),
});
export type SectionStatus = Static<typeof SectionStatusSchema>;

export const InventorySection = Type.Object({
  totalResources: Type.Integer(),
  complete: Type.Boolean(),
  services: Type.Array(
    Type.Object({
      service: Type.String(),
      resourceType: Type.String(),
      total: Type.Integer(),
      topStates: Type.String(),
    }),
  ),
});
export const AlarmsSection = Type.Object({
  incidents: Type.Integer(),
  autoscaling: Type.Integer(),
  top: Type.Array(
    Type.Object({
      name: Type.String(),
      service: Type.String(),
      region: Type.String(),
      since: Type.Optional(Type.String()),
    }),
  ),
});
export const SecuritySection = Type.Object({
  critical: Type.Integer(),
  warning: Type.Integer(),
  info: Type.Integer(),
  top: Type.Array(
    Type.Object({
      checkId: Type.String(),
      title: Type.String(),
      severity: Type.String(),
      count: Type.Integer(),
    }),
  ),
  notAudited: Type.Array(Type.String()),
});
export const UnusedSection = Type.Object({
  unusedDesktops: Type.Integer(),
  neverConnected: Type.Integer(),
  otherServices: Type.Integer(),
  top: Type.Array(
    Type.Object({ id: Type.String(), service: Type.String(), region: Type.String(), reason: Type.String() }),
  ),
});
export const SavingsSection = Type.Object({
  estimatedMonthlySavingsUsd: Type.Number(),
  recommendations: Type.Integer(),
});
export const QuotasSection = Type.Object({
  approaching: Type.Integer(),
  nonAdjustable: Type.Integer(),
  top: Type.Array(
    Type.Object({
      quotaName: Type.String(),
      region: Type.String(),
      utilizationPct: Type.Number(),
      usage: Type.Number(),
      limit: Type.Number(),
      adjustable: Type.Boolean(),
    }),
  ),
});
export const CostSection = Type.Object({
  start: Type.String(),
  end: Type.String(),
  total: Type.Number(),
  currency: Type.String(),
  topServices: Type.Array(Type.Object({ service: Type.String(), amount: Type.Number() })),
});

export function inventorySection(result: Data, top: number): Static<typeof InventorySection> {
  return {
    totalResources: num(result, 'totalResources') ?? 0,
    complete: result.complete === true,
    services: list(result, 'services')
      .slice(0, 10)
      .map((s) => ({
        service: str(s, 'service') ?? '?',
        resourceType: str(s, 'resourceType') ?? '',
        total: num(s, 'total') ?? 0,
        topStates: Object.entries(obj(s, 'byState'))
          .flatMap(([state, n]) => (typeof n === 'number' ? [[state, n] as const] : []))
          .sort(([, a], [, b]) => b - a)
          .slice(0, Math.max(1, Math.min(top, 4)))
          .map(([state, n]) => `${n} ${state}`)
          .join(', '),
      })),
  };
}

export function alarmsSection(result: Data, top: number): Static<typeof AlarmsSection> {
  const counts = obj(result, 'counts');
  return {
    incidents: num(counts, 'incidents') ?? 0,
    autoscaling: num(counts, 'autoscaling') ?? 0,
    top: list(result, 'alarms')
      .filter((a) => a.autoscaling !== true)
      .slice(0, top)
      .map((a) => ({
        name: str(a, 'name') ?? '?',
        service: str(a, 'service') ?? '',
        region: str(a, 'region') ?? '',
        ...(str(a, 'stateSince') ? { since: str(a, 'stateSince') } : {}),
      })),
  };
}

export function securitySection(result: Data, top: number): Static<typeof SecuritySection> {
  const counts = obj(result, 'severityCounts');
  return {
    critical: num(counts, 'critical') ?? 0,
    warning: num(counts, 'warning') ?? 0,
    info: num(counts, 'info') ?? 0,
    top: list(result, 'checks')
      .slice(0, top)
      .map((c) => ({
        checkId: str(c, 'checkId') ?? '?',
        title: str(c, 'title') ?? '',
        severity: str(c, 'severity') ?? 'warning',
        count: num(c, 'count') ?? 0,
      })),
    notAudited: (Array.isArray(obj(result, 'coverage').notAudited)
      ? (obj(result, 'coverage').notAudited as unknown[])
      : []
    ).filter((s): s is string => typeof s === 'string'),
  };
}

/** Merges the unused-resource results of several regions. */
export function unusedSection(results: readonly Data[], top: number): Static<typeof UnusedSection> {
  const sum = (key: string) => results.reduce((n, r) => n + (num(obj(r, 'counts'), key) ?? 0), 0);
  return {
    unusedDesktops: sum('unused') + sum('neverConnected'),
    neverConnected: sum('neverConnected'),
    otherServices: sum('otherServices'),
    top: results
      .flatMap((r) => list(r, 'items').map((i) => ({ item: i, region: str(r, 'region') ?? '' })))
      .slice(0, top)
      .map(({ item, region }) => ({
        id: str(item, 'id') ?? '?',
        service: str(item, 'service') ?? '',
        region,
        reason: (str(item, 'reason') ?? '').slice(0, 160),
      })),
  };
}

export function savingsSection(results: readonly Data[]): Static<typeof SavingsSection> {
  return {
    estimatedMonthlySavingsUsd:
      Math.round(results.reduce((n, r) => n + (num(r, 'totalMonthlySavingUsd') ?? 0), 0) * 100) / 100,
    recommendations: results.reduce(
      (n, r) => n + (num(r, 'totalListed') ?? list(r, 'recommendations').length),
      0,
    ),
  };
}

export function quotasSection(result: Data, top: number): Static<typeof QuotasSection> {
  const counts = obj(result, 'counts');
  return {
    approaching: num(counts, 'approaching') ?? 0,
    nonAdjustable: num(counts, 'nonAdjustableApproaching') ?? 0,
    top: list(result, 'findings')
      .slice(0, top)
      .map((f) => ({
        quotaName: str(f, 'quotaName') ?? '?',
        region: str(f, 'region') ?? '',
        utilizationPct: num(f, 'utilizationPct') ?? 0,
        usage: num(f, 'usage') ?? 0,
        limit: num(f, 'limit') ?? 0,
        adjustable: f.adjustable === true,
      })),
  };
}

export function costSection(result: Data, top: number): Static<typeof CostSection> {
  return {
    start: str(result, 'start') ?? '',
    end: str(result, 'end') ?? '',
    total: num(result, 'total') ?? 0,
    currency: str(result, 'currency') ?? 'USD',
    topServices: list(result, 'byService')
      .slice(0, top)
      .map((s) => ({ service: str(s, 'service') ?? '?', amount: num(s, 'amount') ?? 0 })),
  };
}

/** Everything the headline and the Markdown are written from. */
export interface ReportParts {
  readonly generatedAt: string;
  readonly scopes: string;
  readonly sections: readonly SectionStatus[];
  readonly inventory?: Static<typeof InventorySection>;
  readonly alarms?: Static<typeof AlarmsSection>;
  readonly security?: Static<typeof SecuritySection>;
  readonly unused?: Static<typeof UnusedSection>;
  readonly savings?: Static<typeof SavingsSection>;
  readonly quotas?: Static<typeof QuotasSection>;
  readonly cost?: Static<typeof CostSection>;
}
