import Type, { type Static } from 'typebox';
import { readCursor } from '../../kit/page.js';
import { ScopeInput, selectScopes } from '../../kit/scope.js';
import { defineTool } from '../../plugin-api/define.js';
import type { InventoryRow } from '../../plugin-api/types.js';
import { toCsv } from '../csv.js';
import { collectInventory } from '../inventory-collect.js';
import { InventoryErrorSchema } from './get-euc-inventory-summary.js';

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
    services: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 64 }), { maxItems: 20 })),
    states: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 20,
        description: 'Only these states (any service).',
      }),
    ),
    tag: Type.Optional(
      Type.String({
        pattern: '^[^=]{1,128}(=.{0,256})?$',
        description: '"key" (tag present) or "key=value" (exact value).',
      }),
    ),
    search: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'Case-insensitive match on id, name or any attribute.',
      }),
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        default: 'json',
        description: 'csv: the page comes back as an embedded text/csv resource (spreadsheet-safe).',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 5000,
        description: 'Rows per page (default: the server page size).',
      }),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, description: 'nextCursor from the previous page, same filters.' }),
    ),
  },
  { additionalProperties: false },
);

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
    'Per-resource rows across every loaded EUC service (desktops with user, computer name, IP, bundle, running mode; pools; fleets; portals; managed instances), filtered by service, state, tag or free text, one page at a time with a cursor. format "csv" returns the page as a spreadsheet-safe CSV attachment (the server never writes files). Use get_euc_inventory_summary first for counts. Cost: the same scans as the summary (shared within one call); paging re-reads the estate.',
  tier: 0,
  iam: [],
  consumes: ['inventory'],
  input: Input,
  output: Output,
  async run(input, ctx) {
    const scopes = selectScopes(ctx.aws, input);
    const collected = await collectInventory(ctx, scopes, input.services);
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
        all.push(toReportRow(item.contributor.service, item.contributor.resourceType, item.scope, row));
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
    const { page, nextCursor: next } = cursor.page(matching, input.limit ?? ctx.limits.pageSize);
    const incomplete =
      errors.length > 0 ? ` Incomplete: ${errors.length} service/region reads failed (see errors).` : '';
    const range = page.length > 0 ? `rows ${offset + 1}-${offset + page.length}` : 'no rows';
    const summary = `${matching.length} matching resources; this page has ${range}${next ? ' (more: pass nextCursor)' : ''}.${incomplete}`;
    const base = {
      summary,
      totalMatching: matching.length,
      returned: page.length,
      offset,
      ...(next ? { nextCursor: next } : {}),
      complete: errors.length === 0,
      errors,
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
