/** What surface.json records: a report and the version/changelog it was released under. */
export interface RecordedSurface {
  readonly pluginApiVersion: string;
  readonly changelogEntry: string;
  readonly reportSha256: string;
}
export function reportHash(text: string): string;
export function newestChangelogEntry(text: string): string;
export function judgeSurface(
  recorded: RecordedSurface | undefined,
  current: RecordedSurface,
): { readonly ok: true } | { readonly ok: false; readonly message: string };
