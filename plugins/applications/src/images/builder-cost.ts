/**
 * What a running builder costs. Plugins never import each other, so the rates come from the cost
 * plugin's get_euc_service_prices through the host (`ctx.callTool`), read through the shared
 * contract in price-contract.ts; without that tool (not loaded, or tier 1 off) the answer gives
 * hours only and says so.
 */
import type { AppBlockBuilder, ImageBuilder } from '@aws-sdk/client-appstream';
import { mapBoundedAll, type Scope, scopeKey, type ToolContext } from '@workspaces-euc-mcp/host';
import { isHourly, PRICES_TOOL, type PriceAnswer, PriceContract } from '../price-contract.js';

const HOUR_MS = 3_600_000;
/** The month the Price List's monthly equivalents use. */
export const HOURS_PER_MONTH = 730;
/** Distinct (region, function, instance type, platform) price lookups one answer makes at most. */
export const MAX_PRICE_LOOKUPS = 12;

/** What a builder runs as in the Price List (`instanceFunction`). */
export type BuilderFunction = 'ImageBuilder' | 'AppBlockBuilder';

/** A builder that is billing now. */
export interface RunningBuilderRow {
  readonly name: string;
  readonly kind: BuilderFunction;
  readonly instanceType: string;
  readonly platform: string | undefined;
  /**
   * Hours since the builder was created: AppStream records no start time, so this is the most
   * this run can have lasted (the Cost Optimizer for AppStream learns it by polling instead).
   */
  readonly hoursAtMost: number | undefined;
}

/** The RUNNING builders of one scope, longest-lived first. */
export function runningBuilderRows(
  imageBuilders: readonly ImageBuilder[],
  appBlockBuilders: readonly AppBlockBuilder[],
  now: Date,
): RunningBuilderRow[] {
  const hours = (created: Date | undefined) =>
    created === undefined ? undefined : Math.floor((now.getTime() - created.getTime()) / HOUR_MS);
  const row = (b: ImageBuilder | AppBlockBuilder, kind: BuilderFunction): RunningBuilderRow => ({
    name: b.Name ?? '',
    kind,
    instanceType: b.InstanceType ?? 'unknown',
    platform: b.Platform,
    hoursAtMost: hours(b.CreatedTime),
  });
  return [
    ...imageBuilders.filter((b) => b.State === 'RUNNING').map((b) => row(b, 'ImageBuilder')),
    ...appBlockBuilders.filter((b) => b.State === 'RUNNING').map((b) => row(b, 'AppBlockBuilder')),
  ].sort((a, b) => (b.hoursAtMost ?? 0) - (a.hoursAtMost ?? 0) || a.name.localeCompare(b.name));
}

/** The hourly rate of `instanceType` running as `kind` among the rates answered; undefined if none. */
export function hourlyRate(
  answer: PriceAnswer,
  instanceType: string,
  kind: BuilderFunction,
): number | undefined {
  const hit = answer.rates.find(
    (r) =>
      isHourly(r.unit) &&
      r.attributes.instanceType === instanceType &&
      (r.attributes.instanceFunction === undefined || r.attributes.instanceFunction === kind),
  );
  return hit?.usd;
}

/** A builder's cost at `hourlyUsd`: per month if left running, and at most so far. */
export function builderCost(
  hourlyUsd: number,
  hoursAtMost: number | undefined,
): { hourlyUsd: number; monthlyUsd: number; soFarAtMostUsd?: number } {
  const cents = (usd: number) => Math.round(usd * 100) / 100;
  return {
    hourlyUsd,
    monthlyUsd: cents(hourlyUsd * HOURS_PER_MONTH),
    ...(hoursAtMost === undefined ? {} : { soFarAtMostUsd: cents(hourlyUsd * hoursAtMost) }),
  };
}

/** What pricing produced: rates by price key, and why some are missing. */
export interface BuilderPrices {
  readonly rate: (scope: Scope, builder: RunningBuilderRow) => number | undefined;
  /** Empty when every builder was priced; else one sentence saying why not. */
  readonly note: string;
}

const keyOf = (ctx: ToolContext, scope: Scope, b: RunningBuilderRow) =>
  `${scopeKey(ctx.aws, scope)}|${b.kind}|${b.instanceType}|${b.platform ?? ''}`;

/**
 * Prices the running builders through get_euc_service_prices, one lookup per distinct
 * (region, function, instance type, platform), at most {@link MAX_PRICE_LOOKUPS}.
 */
export async function priceBuilders(
  ctx: ToolContext,
  running: readonly { readonly scope: Scope; readonly builder: RunningBuilderRow }[],
): Promise<BuilderPrices> {
  const wanted = new Map<string, { scope: Scope; builder: RunningBuilderRow }>();
  for (const r of running) {
    const key = keyOf(ctx, r.scope, r.builder);
    if (!wanted.has(key)) wanted.set(key, r);
  }
  const asked = [...wanted.entries()].slice(0, MAX_PRICE_LOOKUPS);
  const rates = new Map<string, number>();
  const failures: string[] = [];
  let unavailable = false;
  await mapBoundedAll(asked, ctx.limits.concurrency, async ([key, { scope, builder }]) => {
    const outcome = await ctx.callTool(
      PRICES_TOOL,
      {
        service: 'applications',
        regions: [scope.region],
        instanceType: builder.instanceType,
        instanceFunction: builder.kind,
        ...(builder.platform ? { platform: builder.platform } : {}),
      },
      PriceContract,
    );
    if (!outcome.ok) {
      if (outcome.reason === 'not-registered') unavailable = true;
      else failures.push(`${builder.instanceType} in ${scope.region}: ${outcome.message.slice(0, 120)}`);
      return;
    }
    const rate = hourlyRate(outcome.result, builder.instanceType, builder.kind);
    if (rate === undefined)
      failures.push(`${builder.instanceType} (${builder.kind}) in ${scope.region}: no list price`);
    else rates.set(key, rate);
  });
  const skipped = wanted.size - asked.length;
  const note = unavailable
    ? ' $ needs the cost plugin (get_euc_service_prices, tier 1): hours only.'
    : (failures.length > 0 ? ` Unpriced: ${failures.slice(0, 3).join('; ')}.` : '') +
      (skipped > 0 ? ` ${skipped} more instance types not priced (lookup cap ${MAX_PRICE_LOOKUPS}).` : '');
  return { rate: (scope, builder) => rates.get(keyOf(ctx, scope, builder)), note };
}
