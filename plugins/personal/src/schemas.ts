import { ToolError } from '@workspaces-euc-mcp/host';
import Type from 'typebox';

/**
 * Input fields are bare on purpose: every byte of a tool's input schema is read by the assistant at
 * every connection (testing's `toolSchemaBytes`, ~650 bytes a tool). A field's name says what it
 * is, so patterns, bounds and descriptions that repeat it are checked here instead, in code, with
 * errors that name the field.
 */

/** WorkSpace ids: `ws-` and 8–63 lower-case letters or digits. */
export const WORKSPACE_ID_PATTERN = '^ws-[0-9a-z]{8,63}$';
/** Directory Service (`d-` + hex) or WorkSpaces-managed (`wsd-`) directory ids. */
export const DIRECTORY_ID_PATTERN = '^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$';

const WORKSPACE_ID = new RegExp(WORKSPACE_ID_PATTERN);
const DIRECTORY_ID = new RegExp(DIRECTORY_ID_PATTERN);

/** A bare optional string input. */
export const Str = () => Type.Optional(Type.String());
/** A bare optional integer input. */
export const Int = () => Type.Optional(Type.Integer());
/** A bare list of ids. */
export const Ids = () => Type.Array(Type.String());

/** The bare `limit` and `cursor` inputs of a paged list (bounds checked by `checkLimit`). */
export const BarePage = { limit: Int(), cursor: Str() };

function invalid(message: string): ToolError {
  return new ToolError('InvalidInput', message);
}

/** Throws unless `id` is a WorkSpace id. */
export function checkWorkspaceId(field: string, id: string | undefined): void {
  if (id !== undefined && !WORKSPACE_ID.test(id))
    throw invalid(`${field}: "${id}" is not a WorkSpace id (ws- and 8–63 lower-case letters or digits).`);
}

/** Throws unless `ids` holds 1–`max` distinct WorkSpace ids. */
export function checkWorkspaceIds(field: string, ids: readonly string[] | undefined, max = 500): void {
  if (ids === undefined) return;
  if (ids.length === 0) throw invalid(`${field}: give at least one WorkSpace id.`);
  if (ids.length > max) throw invalid(`${field}: at most ${max} ids a call.`);
  ids.forEach((id, i) => {
    checkWorkspaceId(`${field}[${i}]`, id);
  });
  if (new Set(ids).size !== ids.length) throw invalid(`${field}: an id is listed twice.`);
}

/** Throws unless `id` is a `d-` or `wsd-` directory id. */
export function checkDirectoryId(field: string, id: string | undefined): void {
  if (id !== undefined && !DIRECTORY_ID.test(id))
    throw invalid(`${field}: "${id}" is not a directory id (d-… or wsd-…).`);
}

/** True when `id` is a full directory id (a server-side filter), not a fragment of one. */
export function isDirectoryId(id: string): boolean {
  return DIRECTORY_ID.test(id);
}

/** Throws unless `value` is an integer in [min, max] (and a multiple of `step`). */
export function checkInteger(
  field: string,
  value: number | undefined,
  min: number,
  max: number,
  step = 1,
): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max || value % step !== 0)
    throw invalid(
      `${field}: expected an integer from ${min} to ${max}${step > 1 ? ` in steps of ${step}` : ''}, got ${value}.`,
    );
}

/** Throws unless a text filter is 1–128 characters. */
export function checkText(field: string, value: string | undefined, max = 128): void {
  if (value !== undefined && (value.trim() === '' || value.length > max))
    throw invalid(`${field}: expected 1–${max} characters.`);
}

/** A count per key (state, running mode, ...). */
export const Counts = Type.Record(Type.String(), Type.Integer());

/** Adds one to `counts[key]`. */
export function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
