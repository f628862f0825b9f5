/**
 * States that mean a resource needs attention, whichever service reports them: a summary names
 * them with their counts even when they are too few to be among the most common states.
 */

/** Exact state names (case-insensitive) that need attention across the EUC services. */
const PROBLEM_STATES = new Set([
  'IMPAIRED',
  'UNHEALTHY',
  'SUSPENDED',
  'DEGRADED',
  'INOPERABLE',
  'INCOMPLETE',
]);

/** Whether a state needs attention: an error or failure state of any service, or one of the above. */
export function isProblemState(state: string): boolean {
  const upper = state.toUpperCase();
  return PROBLEM_STATES.has(upper) || /(^|_)(ERROR|FAILED|FAILURE)(_|$)/.test(upper);
}

function sortedCounts(byState: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(byState)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** Every state that needs attention with its count, commonest first ("12 ERROR, 3 SUSPENDED"); '' if none. */
export function problemCountsPhrase(byState: Readonly<Record<string, number>>): string {
  return sortedCounts(byState)
    .filter(([state]) => isProblemState(state))
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');
}

/**
 * A terse phrase of state counts: the `top` most common states that are fine, then every state
 * that needs attention ("6000 AVAILABLE, 3000 STOPPED; needs attention: 12 ERROR, 3 SUSPENDED").
 */
export function stateCountsPhrase(byState: Readonly<Record<string, number>>, top = 3): string {
  const sorted = sortedCounts(byState);
  const counts = (entries: readonly (readonly [string, number])[]) =>
    entries.map(([state, n]) => `${n} ${state}`).join(', ');
  const fine = counts(sorted.filter(([state]) => !isProblemState(state)).slice(0, top));
  const problems = problemCountsPhrase(byState);
  if (!problems) return fine;
  return fine ? `${fine}; needs attention: ${problems}` : `needs attention: ${problems}`;
}
