/**
 * What every audit answer shares: the scopes it covered (the kit has the `Scope` type, not an
 * output schema for it) and AWS free text cut to a size an assistant can read.
 */
import Type from 'typebox';

/** One account and region an answer covered. */
export const ScopeSchema = Type.Object({ account: Type.Optional(Type.String()), region: Type.String() });

/** Cuts a free text (AWS reasons, error messages) to `max` characters. */
export function clip(text: string | undefined, max = 200): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
