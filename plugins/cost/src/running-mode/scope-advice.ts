import type { Scope, ToolContext } from '@workspaces-euc-mcp/host';
import type { Desktop } from '../desktops/desktops.js';
import { maintenanceByDirectory } from '../desktops/directories.js';
import { type DesktopPricing, priceDesktops } from '../pricing/desktop-prices.js';
import { scanUsage, type UsageScan } from '../utilization/usage-scan.js';
import { adviseDesktop, type DesktopAdvice } from './running-mode.js';

/** One desktop's advice before the Skip_Convert check, with where it lives. */
export interface AdvisedDesktop {
  readonly scope: Scope;
  readonly desktop: Desktop;
  readonly licence: string | undefined;
  readonly advice: DesktopAdvice;
}

/** What one account/region contributed: its advice, and the reads behind it. */
export interface ScopeAdvice {
  readonly advised: readonly AdvisedDesktop[];
  readonly scan: UsageScan;
  readonly pricing: DesktopPricing;
  /** Whether each desktop's directory runs the monthly AutoStop maintenance (by directory id). */
  readonly maintenance: ReadonlyMap<string, boolean>;
}

/** True unless the desktop's directory is known to have maintenance mode off. */
export function hasMaintenance(maintenance: ReadonlyMap<string, boolean>, desktop: Desktop): boolean {
  return maintenance.get(desktop.directoryId ?? '') ?? true;
}

/** True for the two decisions that change a desktop (and so depend on its Skip_Convert tag). */
export function isSwitch(advice: { readonly decision: string }): boolean {
  return advice.decision === 'switch-to-auto-stop' || advice.decision === 'switch-to-always-on';
}

/**
 * Usage (hourly UserConnected) and list prices (the scope's region) for every desktop of one
 * scope, and the advice they give. The opt-out tag is read later, across the estate, for the
 * switch candidates with the largest savings only.
 */
export async function adviseScope(
  ctx: ToolContext,
  scope: Scope,
  options: { readonly lookbackDays: number; readonly bandPercent: number },
): Promise<ScopeAdvice> {
  const now = ctx.now();
  const [scan, maintenance] = await Promise.all([
    scanUsage(ctx, scope, options.lookbackDays),
    maintenanceByDirectory(ctx, scope),
  ]);
  const pricing = await priceDesktops(
    ctx,
    scope,
    scan.usage
      .map((u) => u.desktop)
      .filter((d) => d.runningMode === 'ALWAYS_ON' || d.runningMode === 'AUTO_STOP'),
  );
  const advised = scan.usage.map(({ desktop, outcome }): AdvisedDesktop => {
    const price = pricing.byDesktop.get(desktop.workspaceId) ?? { ok: false as const, why: 'not priced' };
    return {
      scope,
      desktop,
      licence: price.licence,
      advice: adviseDesktop(desktop, outcome, price, {
        bandPercent: options.bandPercent,
        now,
        maintenance: hasMaintenance(maintenance, desktop),
      }),
    };
  });
  return { advised, scan, pricing, maintenance };
}
