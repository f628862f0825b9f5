/**
 * Levenshtein distance (insert, delete, substitute; each costs 1). Names here are short (tool,
 * flag, plugin and field names), so the plain O(n·m) table is fast enough; no library needed.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `given`, when it is close enough to be a typo: at most a third of the
 * longer name's characters differ (at least 1, at most 3). Ties go to the earlier candidate.
 */
export function closestName(given: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(given.toLowerCase(), name.toLowerCase());
    const allowed = Math.min(3, Math.max(1, Math.floor(Math.max(given.length, name.length) / 3)));
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** ` Did you mean "x"?` when a candidate is a likely typo of `given`, else ''. */
export function didYouMean(given: string, candidates: Iterable<string>, quote = '"'): string {
  const name = closestName(given, candidates);
  return name === undefined ? '' : ` Did you mean ${quote}${name}${quote}?`;
}
