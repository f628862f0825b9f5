/**
 * Instance prices for a sizing change, from the cost plugin's get_euc_service_prices through the
 * host (plugins never import each other), read through the shared contract in price-contract.ts;
 * a missing tool or a changed shape leaves the $ out and says why, never a guess.
 */
import type { Fleet } from '@aws-sdk/client-appstream';
import type { ToolContext } from '@workspaces-euc-mcp/host';
import { isHourly, PRICES_TOOL, PriceContract } from '../price-contract.js';
import { sessionModelOf } from './capacity.js';

/** Hourly list prices of one fleet's instances: full rate, and the On-Demand stopped-instance fee. */
export interface FleetRates {
  readonly fullRateUsd?: number;
  readonly stoppedFeeUsd?: number;
}

/** The Price List instanceFunction of a fleet's instances. */
export function instanceFunctionOf(fleet: Fleet): 'Fleet' | 'MultiSessionFleet' | 'ElasticFleet' {
  const model = sessionModelOf(fleet);
  return model === 'elastic' ? 'ElasticFleet' : model === 'multi' ? 'MultiSessionFleet' : 'Fleet';
}

/**
 * Prices per fleet of `fleets` in `region`, one call per distinct (instance type, function,
 * platform); `unavailable` says why there are none (the tool not loaded, or it failed).
 */
export async function fleetRates(
  ctx: ToolContext,
  region: string,
  fleets: readonly Fleet[],
): Promise<{ rates: Map<Fleet, FleetRates>; unavailable?: string }> {
  const keyOf = (f: Fleet) => `${f.InstanceType}|${instanceFunctionOf(f)}|${f.Platform ?? ''}`;
  const distinct = new Map(fleets.map((f) => [keyOf(f), f]));
  const byKey = new Map<string, FleetRates>();
  let unavailable: string | undefined;
  for (const [key, fleet] of distinct) {
    const fn = instanceFunctionOf(fleet);
    const outcome = await ctx.callTool(
      PRICES_TOOL,
      {
        service: 'applications',
        regions: [region],
        instanceFunction: fn,
        ...(fleet.InstanceType ? { instanceType: fleet.InstanceType } : {}),
        ...(fleet.Platform ? { platform: fleet.Platform } : {}),
      },
      PriceContract,
    );
    if (!outcome.ok) {
      unavailable ??=
        outcome.reason === 'not-registered'
          ? `$ needs ${PRICES_TOOL} (the cost plugin, tier 1), which is not loaded: the change is given in instance-hours.`
          : `${PRICES_TOOL} could not price ${fleet.InstanceType} (${outcome.reason}: ${outcome.message.slice(0, 200)}).`;
      if (outcome.reason === 'not-registered') break;
      continue;
    }
    const full = outcome.result.rates.find(
      (r) =>
        isHourly(r.unit) &&
        r.attributes.instanceType === fleet.InstanceType &&
        r.attributes.instanceFunction === fn,
    );
    const stopped = outcome.result.rates.find(
      (r) => isHourly(r.unit) && r.attributes.instanceFunction === 'StoppedFleetInstance',
    );
    byKey.set(key, {
      ...(full ? { fullRateUsd: full.usd } : {}),
      ...(stopped ? { stoppedFeeUsd: stopped.usd } : {}),
    });
  }
  const rates = new Map<Fleet, FleetRates>();
  for (const fleet of fleets) {
    const found = byKey.get(keyOf(fleet));
    if (found) rates.set(fleet, found);
  }
  return { rates, ...(unavailable ? { unavailable } : {}) };
}
