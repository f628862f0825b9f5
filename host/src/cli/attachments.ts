import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmbeddedDocument } from '../plugin-api/types.js';

/** An attachment written by `call --out DIR`. */
export interface WrittenAttachment {
  readonly uri: string;
  readonly mimeType: string;
  /** The file it was written to (absolute). */
  readonly file: string;
  readonly bytes: number;
}

const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'text/csv': '.csv',
  'text/markdown': '.md',
  'application/json': '.json',
  'text/plain': '.txt',
  'text/html': '.html',
};

/**
 * A safe file name for an attachment: the last segment of its URI path (e.g. `report-1-13.csv`
 * from `workspaces-euc://inventory/report-1-13.csv`), reduced to letters, digits, `.`, `_` and
 * `-`, never starting with a dot; `attachment-N` plus the MIME type's extension when the URI has
 * no usable name. The name comes from the tool, so it must never be able to leave DIR.
 */
export function attachmentFileName(doc: Pick<EmbeddedDocument, 'uri' | 'mimeType'>, index: number): string {
  let last = '';
  try {
    last = decodeURIComponent(new URL(doc.uri).pathname.split('/').pop() ?? '');
  } catch {
    last = doc.uri.split(/[/\\]/).pop() ?? '';
  }
  const safe = last
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  if (safe !== '' && /[A-Za-z0-9]/.test(safe)) return safe;
  return `attachment-${index + 1}${EXTENSION_BY_MIME[doc.mimeType.split(';')[0]?.trim() ?? ''] ?? '.txt'}`;
}

/**
 * Writes every attachment into `dir` (created if missing), overwriting files of the same name so a
 * cron job's folder holds the latest run; two attachments with the same name get `-2`, `-3`.
 */
export function writeAttachments(dir: string, docs: readonly EmbeddedDocument[]): WrittenAttachment[] {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true });
  const used = new Set<string>();
  return docs.map((doc, index) => {
    const base = attachmentFileName(doc, index);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const ext = path.extname(base);
      name = `${base.slice(0, base.length - ext.length)}-${n}${ext}`;
    }
    used.add(name);
    const file = path.join(root, name);
    // attachmentFileName cannot produce a separator or "..", but the guard keeps that a proof.
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep))
      throw new Error(`Refusing to write attachment ${doc.uri} outside ${root}.`);
    writeFileSync(file, doc.text);
    return { uri: doc.uri, mimeType: doc.mimeType, file, bytes: Buffer.byteLength(doc.text) };
  });
}
