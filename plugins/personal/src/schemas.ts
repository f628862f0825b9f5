import Type from 'typebox';

/** WorkSpace ids: `ws-` and 8–63 lower-case letters or digits. */
export const WORKSPACE_ID_PATTERN = '^ws-[0-9a-z]{8,63}$';
/** Directory Service (`d-` + hex) or WorkSpaces-managed (`wsd-`) directory ids. */
export const DIRECTORY_ID_PATTERN = '^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$';

export const WorkspaceIdSchema = Type.String({
  pattern: WORKSPACE_ID_PATTERN,
  description: 'A WorkSpace id, e.g. ws-a1b2c3d4e.',
});
export const DirectoryIdSchema = Type.String({
  pattern: DIRECTORY_ID_PATTERN,
  description: 'A directory id: d-… (Directory Service) or wsd-… (WorkSpaces-managed).',
});

/** A count per key (state, running mode, ...). */
export const Counts = Type.Record(Type.String(), Type.Integer());

/** Adds one to `counts[key]`. */
export function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
