import { createHash } from 'node:crypto';
import { readCursor, summarizeError, type ToolContext } from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';

/** Optional `region` input shared by every regional tool. */
export const RegionInput = Type.Optional(
  Type.String({
    pattern: '^[a-z]{2}(-[a-z]+)+-\\d$',
    description: 'AWS region of the desktops, e.g. eu-west-2 or ap-southeast-5; default: the server region.',
  }),
);

/** Page size and cursor inputs for per-desktop lists. */
export const PageInput = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      description: 'Rows in the per-desktop list (default: the server page size). Counts always cover all.',
    }),
  ),
  cursor: Type.Optional(
    Type.String({ maxLength: 512, description: 'nextCursor from the previous call, with the same inputs.' }),
  ),
};

/** A partial failure, reported as data: which service and region failed, and why. */
export const ErrorEntry = Type.Object({
  service: Type.String(),
  region: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type ErrorEntry = Static<typeof ErrorEntry>;

/** Labels for `errors[].service`. */
export const SERVICE_LABEL = {
  workspaces: 'Amazon WorkSpaces',
  cloudwatch: 'Amazon CloudWatch',
  costExplorer: 'AWS Cost Explorer',
  priceList: 'AWS Price List',
} as const;

/** Builds an `errors[]` entry from anything thrown by an SDK call. */
export function errorEntry(service: string, region: string, error: unknown, prefix = ''): ErrorEntry {
  const summary = summarizeError(error);
  return { service, region, code: summary.code, message: `${prefix}${summary.message}` };
}

/** The region a tool works in. */
export function regionOf(input: { region?: string | undefined }, ctx: ToolContext): string {
  return input.region ?? ctx.aws.defaultRegion;
}

/** A stable key part for the AWS target a tool talks to (caches must not mix accounts). */
export function targetKey(ctx: ToolContext): string {
  const target = ctx.aws.targets[0];
  return target?.account ?? target?.label ?? 'default';
}

/** Short hash of any JSON-able value, for memo keys over long id lists. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

/** Rounds to cents, for money. */
export function usd(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Rounds to one decimal, for hours and percentages. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * One page of `rows` from the cursor, and the cursor for the next page; the cursor is bound to
 * every other input, so a page is never taken from another list.
 */
export function pageOf<Row>(
  rows: readonly Row[],
  input: { limit?: number | undefined; cursor?: string | undefined },
  ctx: ToolContext,
): { page: Row[]; offset: number; nextCursor?: string } {
  const cursor = readCursor(input.cursor, { ...input, cursor: undefined, limit: undefined });
  return { offset: cursor.offset, ...cursor.page(rows, input.limit ?? ctx.limits.pageSize) };
}

/** The object without its undefined-valued keys, so optional output fields are absent, not undefined. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
