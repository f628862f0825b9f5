import type { ErrorEntry, Scope, ToolContext } from '@workspaces-euc-mcp/host';
import { readLastConnections } from '../desktops/connections.js';
import type { Desktop } from '../desktops/desktops.js';
import { priceDesktops } from '../pricing/desktop-prices.js';
import { rightsizeScope, type SizedDesktop } from '../rightsizing/rightsize-scope.js';
import { DEFAULT_RIGHTSIZING, type RightsizingThresholds } from '../rightsizing/rightsizing.js';
import { adviseDesktop, type DesktopAdvice } from '../running-mode/running-mode.js';
import {
  type AdvisedDesktop,
  adviseScope,
  hasMaintenance,
  type ScopeAdvice,
} from '../running-mode/scope-advice.js';
import { HOUR_MS } from '../shared/hours.js';
import { readExistence } from '../unused/existence.js';
import { judgeUnused, needsExistenceCheck, type UnusedVerdict } from '../unused/unused.js';
import { type PlannedDesktop, planDesktop } from './cost-plan.js';

/** The knobs the plan is built with; every cost tool uses the same defaults. */
export interface PlanOptions {
  /** Usage and load window (UserConnected, CPU, memory), days. */
  readonly lookbackDays: number;
  readonly bandPercent: number;
  /** Days without a connection that make a desktop unused. */
  readonly idleDays: number;
  readonly thresholds: RightsizingThresholds;
  /** False: skip the CPU/memory read (a caller that only needs the terminate decisions). */
  readonly sizing: boolean;
}

export const DEFAULT_PLAN: PlanOptions = {
  lookbackDays: 14,
  bandPercent: 10,
  idleDays: 30,
  thresholds: DEFAULT_RIGHTSIZING,
  sizing: true,
};

/** One desktop with every judgement behind its plan. */
export interface PlannedRow extends AdvisedDesktop {
  readonly unused: UnusedVerdict | undefined;
  readonly sizing: SizedDesktop | undefined;
  /** The running-mode advice at the rightsizing target, when there is one. */
  readonly targetAdvice: DesktopAdvice | undefined;
  readonly plan: PlannedDesktop;
}

/** One account/region's plan and the reads behind it. */
export interface ScopePlan extends ScopeAdvice {
  readonly rows: readonly PlannedRow[];
  readonly windowStart: Date;
  readonly errors: readonly ErrorEntry[];
  readonly metricRequests: number;
}

/** The start of the unused window: `idleDays` before the current hour. */
export function unusedWindowStart(now: Date, idleDays: number): Date {
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - idleDays * 24 * HOUR_MS);
}

/**
 * The cost plan of one scope: usage and prices (running mode), last connections and existence
 * (unused), CPU/memory peaks (rightsizing), and the prices and mode at each rightsizing target.
 * Every read is memoised or snapshotted per client call, so the cost tools a report calls share it.
 */
export async function planScope(ctx: ToolContext, scope: Scope, options: PlanOptions): Promise<ScopePlan> {
  const advice = await adviseScope(ctx, scope, options);
  const desktops = advice.advised.map((a) => a.desktop);
  const windowStart = unusedWindowStart(ctx.now(), options.idleDays);
  const [connections, sizing] = await Promise.all([
    readLastConnections(ctx, scope, desktops),
    options.sizing
      ? rightsizeScope(ctx, scope, desktops, advice.scan.window, options.thresholds)
      : { byDesktop: new Map<string, SizedDesktop>(), errors: [], metricRequests: 0 },
  ]);
  const neverIds = desktops
    .filter((d) => needsExistenceCheck(connections.lookups.get(d.workspaceId) ?? { ok: false, message: '' }))
    .map((d) => d.workspaceId);
  const existence =
    neverIds.length > 0
      ? await readExistence(ctx, scope, neverIds, windowStart)
      : { existence: new Map(), errors: [] };

  // The same desktops at their rightsizing target, priced in one more pass (cached products).
  const targets = new Map<string, Desktop>();
  for (const d of desktops) {
    const target = sizing.byDesktop.get(d.workspaceId)?.verdict.targetComputeType;
    if (target && (d.runningMode === 'ALWAYS_ON' || d.runningMode === 'AUTO_STOP'))
      targets.set(d.workspaceId, { ...d, computeType: target });
  }
  const targetPricing = targets.size > 0 ? await priceDesktops(ctx, scope, [...targets.values()]) : undefined;
  const usageOf = new Map(advice.scan.usage.map((u) => [u.desktop.workspaceId, u.outcome]));

  const now = ctx.now();
  const rows = advice.advised.map((a): PlannedRow => {
    const id = a.desktop.workspaceId;
    const lookup = connections.lookups.get(id) ?? { ok: false as const, message: 'no answer' };
    const unused = judgeUnused(lookup, existence.existence.get(id), windowStart, now);
    const sized = sizing.byDesktop.get(id);
    const target = targets.get(id);
    const targetPrice = target ? targetPricing?.byDesktop.get(id) : undefined;
    const usage = usageOf.get(id);
    const targetAdvice =
      target && targetPrice && usage
        ? adviseDesktop(target, usage, targetPrice, {
            bandPercent: options.bandPercent,
            now,
            maintenance: hasMaintenance(advice.maintenance, target),
          })
        : undefined;
    const price = advice.pricing.byDesktop.get(id) ?? { ok: false as const, why: 'not priced' };
    return {
      ...a,
      unused,
      sizing: sized,
      targetAdvice,
      plan: planDesktop({
        desktop: a.desktop,
        price,
        advice: a.advice,
        unused,
        rightsizing: sized?.verdict,
        targetPrice,
        targetAdvice,
      }),
    };
  });
  return {
    ...advice,
    rows,
    windowStart,
    errors: [
      ...advice.scan.errors,
      ...advice.pricing.errors,
      ...connections.errors,
      ...existence.errors,
      ...sizing.errors,
      ...(targetPricing?.errors ?? []),
    ],
    metricRequests: advice.scan.metricRequests + sizing.metricRequests,
  };
}
