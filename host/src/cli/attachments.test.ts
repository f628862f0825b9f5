import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFileName, writeAttachments } from './attachments.js';

describe('attachment files (issue 16, point 4)', () => {
  it('names a file after the last segment of its URI', () => {
    expect(
      attachmentFileName({ uri: 'workspaces-euc://inventory/report-1-13.csv', mimeType: 'text/csv' }, 0),
    ).toBe('report-1-13.csv');
  });
  it('never lets a URI name a file outside the folder', () => {
    for (const uri of [
      'workspaces-euc://x/..%2F..%2Fetc%2Fpasswd',
      'file:///../../.ssh/authorized_keys',
      '../../evil.csv',
      'workspaces-euc://x/..',
    ]) {
      const name = attachmentFileName({ uri, mimeType: 'text/csv' }, 0);
      expect(name).not.toMatch(/[/\\]|^\./);
    }
    expect(attachmentFileName({ uri: 'workspaces-euc://x/', mimeType: 'text/csv' }, 1)).toBe(
      'attachment-2.csv',
    );
  });
  it('writes each attachment once, numbering same-named ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'euc-att-'));
    try {
      const written = writeAttachments(path.join(dir, 'out'), [
        { uri: 'workspaces-euc://a/report.csv', mimeType: 'text/csv', text: 'a' },
        { uri: 'workspaces-euc://b/report.csv', mimeType: 'text/csv', text: 'bb' },
      ]);
      expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['report-2.csv', 'report.csv']);
      expect(readFileSync(path.join(dir, 'out', 'report-2.csv'), 'utf8')).toBe('bb');
      expect(written.map((w) => w.bytes)).toEqual([1, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
