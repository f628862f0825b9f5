/**
 * Service filters as users type them: case-insensitive, either way round ("pools" matches
 * "WorkSpaces Pools"), and legacy names through the loaded plugins' aliases ("AppStream" matches
 * "WorkSpaces Applications"). The aliases come from the plugins, so the host knows no product.
 */
export function createServiceMatcher(
  aliases: Readonly<Record<string, string>>,
): (filters: readonly string[] | undefined, service: string) => boolean {
  const byTerm = new Map(
    Object.entries(aliases).map(([term, product]) => [term.toLowerCase().trim(), product]),
  );
  return (filters, service) => {
    if (!filters || filters.length === 0) return true;
    const name = service.toLowerCase();
    return filters.some((raw) => {
      const term = raw.toLowerCase().trim();
      const wanted = (byTerm.get(term) ?? term).toLowerCase();
      return name.includes(wanted) || wanted.includes(name);
    });
  };
}
