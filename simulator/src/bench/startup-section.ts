/**
 * The start-up section of docs/benchmarks.md: written by `npm run bench:startup`, kept as it is when
 * `npm run bench` rewrites the tool tables around it.
 */
const BEGIN = '<!-- startup benchmark: begin -->';
const END = '<!-- startup benchmark: end -->';

/** `text` with the start-up section replaced by `section` (appended when absent). */
export function withStartupSection(text: string, section: string): string {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  const block = `${BEGIN}\n${section}\n${END}`;
  if (begin < 0 || end < begin) return `${text.trimEnd()}\n\n${block}\n`;
  return `${text.slice(0, begin)}${block}${text.slice(end + END.length)}`;
}

/** The start-up section of `text` with its markers, or undefined when it has none. */
export function startupSectionOf(text: string): string | undefined {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  return begin < 0 || end < begin ? undefined : text.slice(begin, end + END.length);
}
