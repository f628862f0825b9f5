import Type, { type Static } from 'typebox';
import { ToolError } from '../../aws/errors.js';
import { readCursor } from '../../kit/page.js';
import { ScopeInput, selectScopes } from '../../kit/scope.js';
import { defineTool } from '../../plugin-api/define.js';
import type { InventoryRow } from '../../plugin-api/types.js';
import { toCsv } from '../csv.js';
import { checkServices, collectInventory } from '../inventory-collect.js';
import { isProblemState, problemCountsPhrase } from '../problem-states.js';
import { InventoryErrorSchema, MAX_ERRORS } from './get-euc-inventory-summary.js';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const RowSchema = Type.Object({
  service: Type.String(),
  resourceType: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  id: Type.String(),
  name: Type.Optional(Type.String()),
  state: Type.String(),
  attributes: Type.Record(Type.String(), Scalar),
  tags: Type.Optional(Type.Record(Type.String(), Type.String())),
});
type ReportRow = Static<typeof RowSchema>;

const Input = Type.Object(
  {
    ...ScopeInput,
    services: Type.Optional(Type.Array(Type.String())),
    states: Type.Optional(Type.Array(Type.String())),
    tag: Type.Optional(Type.String({ description: 'key[=value]' })),
    search: Type.Optional(Type.String()),
    format: Type.Optional(Type.Enum(['json', 'csv'])),
    limit: Type.Optional(Type.Integer()),
    cursor: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** Rows an explicit `limit` may ask for: a page an export tool can still take in one answer. */
const MAX_LIMIT = 5000;

/**
 * The rows' share of a default page, in bytes as MCP sends them (`rowsWithin`). Rows differ (tags,
 * attributes), so a default page holds as many as fit rather than a fixed count; an explicit
 * `limit` is honoured. The rest of the answer (counts, errors, summary) stays under ~3 KB sent.
 */
const DEFAULT_PAGE_BYTES = 14_000;

const TAG = /^[^=]{1,128}(=.{0,256})?$/s;

/** Checks the inputs the terse schema leaves to code, with errors naming the field. */
function checkInput(input: Static<typeof Input>): void {
  checkServices(input.services);
  if (input.states && (input.states.length === 0 || input.states.length > 20))
    throw new ToolError('InvalidInput', 'states: give 1 to 20 states, or omit it.');
  if (input.tag !== undefined && !TAG.test(input.tag))
    throw new ToolError('InvalidInput', 'tag: expected "key" (tag present) or "key=value" (exact value).');
  if (input.search !== undefined && (input.search.length === 0 || input.search.length > 128))
    throw new ToolError('InvalidInput', 'search: expected 1 to 128 characters.');
  if (
    input.limit !== undefined &&
    (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_LIMIT)
  )
    throw new ToolError(
      'InvalidInput',
      `limit: expected an integer from 1 to ${MAX_LIMIT}, got ${input.limit}.`,
    );
}

/**
 * How many of `rows` (at least one) fit in `budget` bytes as MCP sends them: a `tools/call` result
 * carries each row twice, as structured content and as JSON inside the text block, where every
 * quote is escaped again.
 */
export function rowsWithin(rows: readonly unknown[], budget: number): number {
  let bytes = 4;
  for (let i = 0; i < rows.length; i++) {
    const json = JSON.stringify(rows[i]);
    // The escaped copy's two quotes stand for the comma after the row in each copy.
    bytes += Buffer.byteLength(json) + Buffer.byteLength(JSON.stringify(json));
    if (bytes > budget) return Math.max(1, i);
  }
  return rows.length;
}

const Output = Type.Object({
  summary: Type.String(),
  totalMatching: Type.Integer(),
  returned: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(Type.String()),
  complete: Type.Boolean(),
  rows: Type.Array(RowSchema, { description: 'Empty when format is csv: the rows are in the attached CSV.' }),
  csv: Type.Optional(Type.Object({ uri: Type.String(), rows: Type.Integer(), bytes: Type.Integer() })),
  errors: Type.Array(InventoryErrorSchema),
});

/** The structured result of generate_inventory_report (one page). */
export type InventoryReport = Static<typeof Output>;

/** The filter a row must pass; pure so it can be tested on hand-made rows. */
export function rowMatches(
  row: ReportRow,
  filter: Pick<Static<typeof Input>, 'states' | 'tag' | 'search'>,
): boolean {
  if (filter.states && !filter.states.some((s) => s.toLowerCase() === row.state.toLowerCase())) return false;
  if (filter.tag) {
    const [key = '', ...rest] = filter.tag.split('=');
    const value = rest.length > 0 ? rest.join('=') : undefined;
    const actual = row.tags?.[key];
    if (actual === undefined || (value !== undefined && actual !== value)) return false;
  }
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const haystack = [row.id, row.name ?? '', ...Object.values(row.attributes).map((v) => String(v ?? ''))];
    if (!haystack.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}

function toReportRow(
  service: string,
  resourceType: string,
  scope: { account?: string; region: string },
  row: InventoryRow,
): ReportRow {
  return {
    service,
    resourceType,
    ...(scope.account ? { account: scope.account } : {}),
    region: scope.region,
    id: row.id,
    ...(row.name !== undefined ? { name: row.name } : {}),
    state: row.state,
    attributes: { ...row.attributes },
    ...(row.tags ? { tags: { ...row.tags } } : {}),
  };
}

/** The CSV of a page: fixed columns, then every attribute key seen on the page, sorted. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const attributeKeys = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))].sort();
  return toCsv(
    ['service', 'resource_type', 'account', 'region', 'id', 'name', 'state', ...attributeKeys, 'tags'],
    rows.map((r) => [
      r.service,
      r.resourceType,
      r.account,
      r.region,
      r.id,
      r.name,
      r.state,
      ...attributeKeys.map((k) => r.attributes[k]),
      r.tags
        ? Object.entries(r.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(';')
        : '',
    ]),
  );
}

/** generate_inventory_report: per-resource rows across services, filtered, paged, JSON or CSV. */
export const generateInventoryReport = defineTool({
  name: 'generate_inventory_report',
  title: 'EUC inventory report',
  description:
    'A row per EUC resource (desktop user, IP, bundle, running mode; pools, fleets, portals), filtered, paged; csv attaches the page.',
  tier: 0,
  iam: [],
  consumes: ['inventory'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    checkInput(input);
    const collected = await collectInventory(ctx, scopes, input.services);
    // The account is said on every row only when the page can hold rows of several.
    const multiAccount = new Set(scopes.map((s) => s.account)).size > 1;
    const all: ReportRow[] = [];
    const errors: Static<typeof InventoryErrorSchema>[] = [];
    for (const item of collected) {
      if (!item.ok) {
        errors.push({
          service: item.contributor.service,
          ...(item.scope.account ? { account: item.scope.account } : {}),
          region: item.scope.region,
          code: item.code,
          message: item.message,
        });
        continue;
      }
      for (const row of item.collection.rows)
        all.push(
          toReportRow(
            item.contributor.service,
            item.contributor.resourceType,
            multiAccount ? item.scope : { region: item.scope.region },
            row,
          ),
        );
    }
    const matching = all
      .filter((row) => rowMatches(row, input))
      .sort(
        (a, b) =>
          a.service.localeCompare(b.service) ||
          (a.account ?? '').localeCompare(b.account ?? '') ||
          a.region.localeCompare(b.region) ||
          a.id.localeCompare(b.id),
      );
    const cursor = readCursor(input.cursor, {
      ...input,
      cursor: undefined,
      limit: undefined,
      format: undefined,
    });
    const { offset } = cursor;
    const size =
      input.limit ?? rowsWithin(matching.slice(offset, offset + ctx.limits.pageSize), DEFAULT_PAGE_BYTES);
    const { page, nextCursor: next } = cursor.page(matching, size);
    const incomplete =
      errors.length > 0 ? ` Incomplete: ${errors.length} service/region reads failed (see errors).` : '';
    // Problem states among all matching rows, not only this page's, so none goes unnamed.
    const problemCounts: Record<string, number> = {};
    for (const row of matching)
      if (isProblemState(row.state)) problemCounts[row.state] = (problemCounts[row.state] ?? 0) + 1;
    const problems = problemCountsPhrase(problemCounts);
    const range = page.length > 0 ? `rows ${offset + 1}-${offset + page.length}` : 'no rows';
    const attention = problems ? ` Needing attention among them: ${problems} (filter with states).` : '';
    const summary = `${matching.length} matching resources; this page has ${range}${next ? ' (more: pass nextCursor)' : ''}.${attention}${incomplete}${input.limit === undefined && next && page.length < ctx.limits.pageSize ? ` Page cut to ${page.length} rows to fit the answer; pass limit for more per page.` : ''}`;
    const base = {
      summary,
      totalMatching: matching.length,
      returned: page.length,
      offset,
      ...(next ? { nextCursor: next } : {}),
      complete: errors.length === 0,
      errors: errors.slice(0, MAX_ERRORS),
    };
    if (input.format === 'csv') {
      const text = reportCsv(page);
      const uri = `workspaces-euc://inventory/report-${offset + 1}-${offset + page.length}.csv`;
      ctx.attach({ uri, mimeType: 'text/csv', text });
      return { ...base, rows: [], csv: { uri, rows: page.length, bytes: Buffer.byteLength(text) } };
    }
    return { ...base, rows: page };
  },
});
