/**
 * `call --format markdown`: a tool's structured answer as the report a person reads. Tools that
 * already write one (a top-level `markdown` string, e.g. generate_euc_health_report) get it as
 * is; any other answer is rendered generically, so a third-party tool reads well without doing
 * anything: its `summary`, its other top-level scalars, its lists of strings as bullets and its
 * lists of objects as tables.
 */

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A table cell: scalars as they are, lists of scalars joined, anything deeper as compact JSON. */
function cell(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (isScalar(value)) text = String(value);
  else if (Array.isArray(value) && value.every(isScalar)) text = value.join(', ');
  else text = JSON.stringify(value);
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A Markdown table of objects; columns in first-seen order over every row. */
export function markdownTable(rows: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const numeric = columns.map((column) =>
    rows.every((row) => row[column] === undefined || typeof row[column] === 'number'),
  );
  return [
    `| ${columns.join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(' | ')} |`),
  ].join('\n');
}

/** `byState: {AVAILABLE: 3}` → `AVAILABLE 3`; other objects as compact JSON. */
function inline(value: Record<string, unknown>): string {
  const entries = Object.entries(value);
  if (entries.every(([, v]) => isScalar(v))) return entries.map(([k, v]) => `${k} ${String(v)}`).join(', ');
  return JSON.stringify(value);
}

function section(key: string, value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.every(isScalar)) return `## ${key}\n\n${value.map((v) => `- ${String(v)}`).join('\n')}`;
    if (value.every(isPlainObject)) return `## ${key}\n\n${markdownTable(value)}`;
    return `## ${key}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return undefined;
    const lists = Object.entries(value).filter(([, v]) => Array.isArray(v) && v.length > 0);
    const rest = Object.entries(value).filter(([, v]) => !Array.isArray(v));
    // A nested object of counts reads as one line; one holding rows gets its own sections.
    if (lists.length === 0) return `- **${key}**: ${inline(value)}`;
    const parts = [
      rest.length > 0 ? `- **${key}**: ${inline(Object.fromEntries(rest))}` : undefined,
      ...lists.map(([k, v]) => section(`${key}.${k}`, v)),
    ];
    return parts.filter((p): p is string => p !== undefined).join('\n\n');
  }
  return undefined;
}

/** The Markdown report of one tool answer. */
export function renderMarkdown(toolName: string, structured: Record<string, unknown>): string {
  if (typeof structured.markdown === 'string') return structured.markdown.trimEnd();
  const blocks: string[] = [`# ${toolName}`];
  if (typeof structured.summary === 'string') blocks.push(structured.summary);
  // Scalars and one-line objects (counts) first, as one list of facts; then lists as sections.
  const facts: string[] = [];
  const sections: string[] = [];
  for (const [key, value] of Object.entries(structured)) {
    if (key === 'summary' || value === '' || value === undefined) continue;
    if (isScalar(value)) {
      facts.push(`- **${key}**: ${String(value)}`);
      continue;
    }
    const rendered = section(key, value);
    if (rendered === undefined) continue;
    if (rendered.startsWith('- ') && !rendered.includes('\n\n')) facts.push(rendered);
    else sections.push(rendered);
  }
  if (facts.length > 0) blocks.push(facts.join('\n'));
  return [...blocks, ...sections].join('\n\n');
}
