/** Adds `by` (default 1) to `counts[key]`: the running counts of a by-state or by-type breakdown. */
export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
