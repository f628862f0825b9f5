/**
 * The one contract this plugin reads from the cost plugin's get_euc_service_prices. Plugins never
 * import each other, so the price tool is called through the host (`ctx.callTool`) and its answer
 * is checked against this shape: fleet sizing and builder costs read the same part of it, and a
 * changed shape leaves the $ out and says why, never a guess.
 */
import Type, { type Static } from 'typebox';

export const PRICES_TOOL = 'get_euc_service_prices';

/** The part of get_euc_service_prices' output this plugin reads (its stable contract). */
export const PriceContract = Type.Object({
  rates: Type.Array(
    Type.Object({
      unit: Type.String(),
      usd: Type.Number(),
      attributes: Type.Record(Type.String(), Type.String()),
    }),
  ),
});
export type PriceAnswer = Static<typeof PriceContract>;

/** True for an hourly Price List unit ("Hrs", "Hour"). */
export function isHourly(unit: string): boolean {
  return /^(hour|hr)/i.test(unit.trim());
}
