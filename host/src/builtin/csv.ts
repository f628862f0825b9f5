/**
 * Spreadsheet-safe CSV (RFC 4180 quoting). A cell that a spreadsheet would evaluate as a formula
 * (starting with = + - @, tab or carriage return) is prefixed with a single quote, per the OWASP
 * CSV-injection guidance, because resource names and tags are user-controlled text.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from a header row and data rows, CRLF line endings as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
