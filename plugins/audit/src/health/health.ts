/**
 * The health report's sections: the answers of the tools it composes (read through their
 * contracts, see contracts.ts) cut to compact summaries. Pure functions; every list is cut to
 * `top`. The headline and Markdown are in health-markdown.ts.
 */
import Type, { type Static } from 'typebox';
import type { SectionAnswer } from './contracts.js';

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
      problems: Type.Optional(
        Type.Record(Type.String(), Type.Integer(), {
          description: 'Every problem state present, with its count.',
        }),
      ),
    }),
  ),
});
export const AlarmsSection = Type.Object({
  incidents: Type.Integer(),
  autoscaling: Type.Integer(),
  scalingBlocked: Type.Optional(
    Type.Integer({ description: 'Scaling alarms on fleets whose InsufficientCapacityError alarm fires.' }),
  ),
  top: Type.Array(
    Type.Object({
      name: Type.String(),
      service: Type.String(),
      account: Type.Optional(Type.String()),
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
    Type.Object({
      id: Type.String(),
      service: Type.String(),
      account: Type.Optional(Type.String()),
      region: Type.String(),
      reason: Type.String(),
      monthlyCostUsd: Type.Optional(Type.Number()),
    }),
  ),
  monthlyCostUsd: Type.Number({ description: 'What the unused resources cost a month (list prices).' }),
});
const SavingsAction = Type.Object({ desktops: Type.Integer(), usd: Type.Number() });
export const SavingsSection = Type.Object({
  estimatedMonthlySavingsUsd: Type.Number({
    description: 'The cost plan: one best action per desktop, summed (terminate + rightsize + switch).',
  }),
  recommendations: Type.Integer(),
  terminate: SavingsAction,
  rightsize: SavingsAction,
  switchMode: SavingsAction,
  unconfirmedUsd: Type.Number({
    description: 'Mode changes not checked for Skip_Convert; not in the total.',
  }),
});
export const QuotasSection = Type.Object({
  approaching: Type.Integer(),
  nonAdjustable: Type.Integer(),
  top: Type.Array(
    Type.Object({
      quotaName: Type.String(),
      account: Type.Optional(Type.String()),
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

/**
 * States that need an admin whatever their count (issue #15 point 5): a top-3 by count would hide
 * 5 ERROR desktops among 1,000 AVAILABLE ones.
 */
export const PROBLEM_STATES: ReadonlySet<string> = new Set([
  'ERROR',
  'IMPAIRED',
  'UNHEALTHY',
  'SUSPENDED',
  'FAILED',
  'DELETE_FAILED',
  'ADMIN_MAINTENANCE',
]);

export function inventorySection(
  result: SectionAnswer<'inventory'>,
  top: number,
): Static<typeof InventorySection> {
  return {
    totalResources: result.totalResources,
    complete: result.complete,
    services: result.services.slice(0, 10).map((s) => {
      const byCount = Object.entries(s.byState).sort(([, a], [, b]) => b - a);
      const shown = byCount.slice(0, Math.max(1, Math.min(top, 4)));
      const problems = byCount.filter(([state, n]) => n > 0 && PROBLEM_STATES.has(state.toUpperCase()));
      const unnamed = problems.filter(([state]) => !shown.some(([s2]) => s2 === state));
      return {
        service: s.service,
        resourceType: s.resourceType,
        total: s.total,
        topStates: [...shown, ...unnamed].map(([state, n]) => `${n} ${state}`).join(', '),
        ...(problems.length > 0 ? { problems: Object.fromEntries(problems) } : {}),
      };
    }),
  };
}

export function alarmsSection(result: SectionAnswer<'alarms'>, top: number): Static<typeof AlarmsSection> {
  return {
    incidents: result.counts.incidents,
    autoscaling: result.counts.autoscaling,
    ...(result.counts.scalingBlocked ? { scalingBlocked: result.counts.scalingBlocked } : {}),
    top: result.alarms
      .filter((a) => !a.autoscaling)
      .slice(0, top)
      .map((a) => ({
        name: a.name,
        service: a.service,
        ...(a.account ? { account: a.account } : {}),
        region: a.region,
        ...(a.stateSince ? { since: a.stateSince } : {}),
      })),
  };
}

export function securitySection(
  result: SectionAnswer<'security'>,
  top: number,
): Static<typeof SecuritySection> {
  const { critical, warning, info } = result.severityCounts;
  return {
    critical,
    warning,
    info,
    top: result.checks.slice(0, top).map((c) => ({
      checkId: c.checkId,
      title: c.title,
      severity: c.severity,
      count: c.count,
    })),
    notAudited: result.coverage.notAudited,
  };
}

/** The unused desktops (never-connected included) and the first idle resources. */
export function unusedSection(result: SectionAnswer<'unused'>, top: number): Static<typeof UnusedSection> {
  return {
    unusedDesktops: result.counts.unused + result.counts.neverConnected,
    neverConnected: result.counts.neverConnected,
    otherServices: result.counts.otherServices,
    top: result.items.slice(0, top).map((item) => ({
      id: item.id,
      service: item.service,
      ...(item.account ? { account: item.account } : {}),
      region: item.region ?? '',
      reason: item.reason.slice(0, 160),
      ...(item.monthlyCostUsd !== undefined ? { monthlyCostUsd: item.monthlyCostUsd } : {}),
    })),
    monthlyCostUsd: result.totalMonthlySavingUsd,
  };
}

/**
 * The savings of the cost plan over every scope: one best action per desktop, so the total is
 * exactly the sum of the actions (never a running-mode switch on a desktop to be terminated).
 */
export function savingsSection(result: SectionAnswer<'savings'>): Static<typeof SavingsSection> {
  const { plan } = result;
  const action = (a: { desktops: number; monthlySavingUsd: number }) => ({
    desktops: a.desktops,
    usd: a.monthlySavingUsd,
  });
  return {
    estimatedMonthlySavingsUsd: plan.totalMonthlySavingUsd,
    recommendations: plan.terminate.desktops + plan.rightsize.desktops + plan.switchMode.desktops,
    terminate: action(plan.terminate),
    rightsize: action(plan.rightsize),
    switchMode: action(plan.switchMode),
    unconfirmedUsd: plan.unconfirmedMonthlySavingUsd,
  };
}

export function quotasSection(result: SectionAnswer<'quotas'>, top: number): Static<typeof QuotasSection> {
  return {
    approaching: result.counts.approaching,
    nonAdjustable: result.counts.nonAdjustableApproaching,
    top: result.quotas
      .flatMap((q) =>
        q.severity && q.usage !== null && q.utilizationPct !== null
          ? [
              {
                quotaName: q.quotaName,
                ...(q.account ? { account: q.account } : {}),
                region: q.region,
                utilizationPct: q.utilizationPct,
                usage: q.usage,
                limit: q.limit,
                adjustable: q.adjustable,
              },
            ]
          : [],
      )
      .slice(0, top),
  };
}

export function costSection(result: SectionAnswer<'cost'>, top: number): Static<typeof CostSection> {
  return {
    start: result.start,
    end: result.end,
    total: result.total,
    currency: result.currency,
    topServices: result.byService.slice(0, top).map((s) => ({ service: s.service, amount: s.amount })),
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
