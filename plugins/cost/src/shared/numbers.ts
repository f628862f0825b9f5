/** Rounding for the figures answers show. */

/** Rounds to cents, for money. */
export function usd(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Rounds to one decimal, for hours and percentages. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
